package io.tradeserver.nats;

/**
 * The NATS bridge's connection state and counters at one moment (also in the {@code status} reply's
 * {@code nats} section).
 *
 * @param connection jnats connection status: {@code CONNECTED}, {@code DISCONNECTED}, {@code
 *     RECONNECTING}, {@code CLOSED}, or {@code NOT_STARTED}
 * @param connectedUrl the server connected to, or null
 * @param jetStream whether signals come from a durable JetStream consumer
 * @param disconnects times the connection was lost
 * @param reconnects times it was re-established
 * @param signalsReceived messages received on the signal subjects (dead letters excluded)
 * @param signalsOffered signals accepted into the engine inbox
 * @param signalsInvalid messages that did not parse or validate (published as dead letters)
 * @param redeliveriesSuppressed JetStream redeliveries of already decided signals, acknowledged
 *     without offering them again
 * @param backPressureWaits times the consumer waited because the engine inbox was full
 * @param acks JetStream acknowledgements sent
 * @param pendingDecisions signals offered whose decision has not been seen yet (JetStream)
 * @param eventsPublished events handed to jnats (core NATS) or confirmed by the event stream
 *     (JetStream)
 * @param eventsDropped events dropped because the event queue was full, or (JetStream) not
 *     confirmed after 20 attempts or by the time the connection closed
 * @param publishErrors publish attempts that failed (retried where safe)
 * @param eventQueueDepth events waiting for the publisher thread
 * @param eventsInFlight JetStream: events sent to the event stream and not yet confirmed by it (a
 *     publish lost in a server restart stays here until it is sent again); 0 for core NATS
 * @param droppedByClient core NATS signal messages jnats dropped as a slow consumer
 */
public record NatsBridgeStats(
    String connection,
    String connectedUrl,
    boolean jetStream,
    long disconnects,
    long reconnects,
    long signalsReceived,
    long signalsOffered,
    long signalsInvalid,
    long redeliveriesSuppressed,
    long backPressureWaits,
    long acks,
    long pendingDecisions,
    long eventsPublished,
    long eventsDropped,
    long publishErrors,
    int eventQueueDepth,
    int eventsInFlight,
    long droppedByClient) {}
