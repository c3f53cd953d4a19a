package io.tradeserver.engine;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import java.util.Map;

/**
 * A venue as the engine sees it.
 *
 * @param venue venue id
 * @param disabled true when risk refuses orders to it (ban, operator, config)
 * @param instruments instruments loaded
 * @param connections last state per channel
 * @param rateLimitedUntilNanos clock time until which the venue said to pause (0 when not)
 * @param lastAlert the last alert's kind and detail, or null
 * @param openOrders our open orders there
 * @param ready instruments loaded and, where the venue streams books, a two-sided book for every
 *     instrument traded there
 * @param paper orders are simulated, never sent to a real venue (paper mode on live data, or the
 *     {@code sim} venue)
 */
public record VenueStatus(
    String venue,
    boolean disabled,
    int instruments,
    Map<Channel, ConnectionState> connections,
    long rateLimitedUntilNanos,
    String lastAlert,
    int openOrders,
    boolean ready,
    boolean paper) {
  public VenueStatus {
    connections = Map.copyOf(connections);
  }
}
