package io.tradeserver.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code nats} section of the configuration: how TradeServer reaches NATS (DESIGN §6). Read by
 * the NATS bridge ({@code tradeserver-nats}).
 *
 * @param enabled whether signals come from and events go to NATS
 * @param url server URL(s), comma-separated ({@code nats://127.0.0.1:4222})
 * @param prefix subject prefix, {@code tradeserver} by default
 * @param queueGroup queue group for the signal subscription, {@code tradeserver} by default
 * @param jetStream read signals from a durable JetStream consumer and publish events with message
 *     ids
 * @param signalStream JetStream stream holding {@code <prefix>.signals.>}
 * @param eventStream JetStream stream holding {@code <prefix>.events.>}
 * @param durable durable consumer name for signals
 * @param duplicateWindow JetStream duplicate-detection window for published events
 * @param ackWait how long JetStream waits for an ack before redelivering a signal
 * @param maxAckPending signals delivered but not yet acknowledged, at most
 * @param signalIdWindow how long a signal id is remembered to refuse repeats
 * @param credentialsFile NATS credentials file (a secret reference), or null
 */
public record NatsSettings(
    boolean enabled,
    String url,
    String prefix,
    String queueGroup,
    boolean jetStream,
    String signalStream,
    String eventStream,
    String durable,
    Duration duplicateWindow,
    Duration ackWait,
    int maxAckPending,
    Duration signalIdWindow,
    String credentialsFile) {

  public NatsSettings {
    List<String> p = new ArrayList<>();
    if (url == null || url.isBlank()) {
      p.add("nats.url is required");
    }
    if (prefix == null || !prefix.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
      p.add("nats.prefix must be dot-separated tokens of [A-Za-z0-9_-], was " + prefix);
    }
    if (queueGroup == null || queueGroup.isBlank()) {
      p.add("nats.queueGroup is required");
    }
    if (maxAckPending < 1) {
      p.add("nats.maxAckPending must be >= 1, was " + maxAckPending);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", p));
    }
  }

  /** Core NATS on localhost with the contract's defaults; JetStream off. */
  public static NatsSettings defaults() {
    return new NatsSettings(
        false,
        "nats://127.0.0.1:4222",
        "tradeserver",
        "tradeserver",
        false,
        "TRADESERVER_SIGNALS",
        "TRADESERVER_EVENTS",
        "tradeserver",
        Duration.ofMinutes(2),
        Duration.ofSeconds(30),
        10_000,
        Duration.ofHours(24),
        null);
  }

  public NatsSettings withUrl(String u) {
    return new NatsSettings(
        true,
        u,
        prefix,
        queueGroup,
        jetStream,
        signalStream,
        eventStream,
        durable,
        duplicateWindow,
        ackWait,
        maxAckPending,
        signalIdWindow,
        credentialsFile);
  }

  public NatsSettings withJetStream(boolean js) {
    return new NatsSettings(
        enabled,
        url,
        prefix,
        queueGroup,
        js,
        signalStream,
        eventStream,
        durable,
        duplicateWindow,
        ackWait,
        maxAckPending,
        signalIdWindow,
        credentialsFile);
  }

  public NatsSettings withPrefix(String p) {
    return new NatsSettings(
        enabled,
        url,
        p,
        queueGroup,
        jetStream,
        signalStream,
        eventStream,
        durable,
        duplicateWindow,
        ackWait,
        maxAckPending,
        signalIdWindow,
        credentialsFile);
  }
}
