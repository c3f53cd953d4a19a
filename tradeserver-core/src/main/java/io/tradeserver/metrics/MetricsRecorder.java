package io.tradeserver.metrics;

import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;

/**
 * The engine's metric hooks, called on the engine thread at the moment something happens. {@link
 * #NONE} (the default, when no registry is given) does nothing; {@link MicrometerMetrics} feeds a
 * Micrometer registry. Implementations must be fast, must not block or throw, and should not
 * allocate per call once warmed up. Every method does nothing by default.
 */
public interface MetricsRecorder {
  /** Records nothing. */
  MetricsRecorder NONE = new MetricsRecorder() {};

  /**
   * An order was handed to its venue client.
   *
   * @param routed true when the router chose the venue
   * @param signalToSubmitNanos from the signal's arrival to now, or -1 for an order not made from a
   *     signal in this duty cycle (arbitrage legs, unwinds, flattening)
   */
  default void orderSubmitted(String venue, boolean routed, long signalToSubmitNanos) {}

  /** The venue acknowledged an order {@code submitToAckNanos} after it was sent. */
  default void orderAcknowledged(String venue, long submitToAckNanos) {}

  /** A fill was applied. */
  default void fill(InstrumentId instrument) {}

  /** A signal, risk check or venue refused something, for this reason. */
  default void reject(RejectCode code) {}

  /** A venue connection changed state (RECONNECTED counts as a reconnect). */
  default void connection(String venue, Channel channel, ConnectionState state) {}

  /** A venue alert (BOOK_RESYNC counts as a book resync). */
  default void alert(String venue, AlertKind kind) {}

  /** A cross-venue arbitrage opportunity was detected on {@code symbol}. */
  default void arbitrageOpportunity(String symbol) {}

  /** A paired arbitrage execution ended with {@code result}. */
  default void arbitragePair(String result) {}

  /** A fresh status snapshot (every status interval): gauges read from the latest one. */
  default void status(StatusSnapshot status) {}
}
