package io.tradeserver.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jnats connection events → counters and lifecycle log lines (connect, disconnect, reconnect,
 * close). Runs on jnats threads.
 */
final class ConnectionWatch implements ConnectionListener, ErrorListener {
  private static final Logger log = LoggerFactory.getLogger(ConnectionWatch.class);
  private final Counters counters;
  private final io.tradeserver.internal.LogThrottle lastSlowLogThrottle =
      io.tradeserver.internal.LogThrottle.perSecond();

  ConnectionWatch(Counters counters) {
    this.counters = counters;
  }

  @Override
  public void connectionEvent(Connection conn, Events type) {
    switch (type) {
      case CONNECTED -> log.info("NATS connected to {}", conn.getConnectedUrl());
      case DISCONNECTED -> {
        counters.disconnects.incrementAndGet();
        log.warn("NATS disconnected; reconnecting (publishes are buffered)");
      }
      case RECONNECTED -> {
        counters.reconnects.incrementAndGet();
        log.info("NATS reconnected to {}", conn.getConnectedUrl());
      }
      case CLOSED -> log.info("NATS connection closed");
      default -> log.debug("NATS {}", type);
    }
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    log.warn("NATS error: {}", error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    log.debug("NATS exception: {}", exp.toString());
  }

  @Override
  public synchronized void slowConsumerDetected(Connection conn, Consumer consumer) {
    if (lastSlowLogThrottle.allow()) {
      log.warn(
          "NATS slow consumer: {} messages dropped by the client so far",
          consumer.getDroppedCount());
    }
  }
}
