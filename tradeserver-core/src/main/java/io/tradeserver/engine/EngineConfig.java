package io.tradeserver.engine;

import io.tradeserver.order.OrderManagerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine settings.
 *
 * @param signalInboxCapacity signals queued before {@link OfferResult#BACK_PRESSURED}
 * @param venueInboxCapacity venue events queued before adapter threads wait (never dropped)
 * @param node this instance's number 0..61 in client order ids; distinct per process per account
 * @param orders order manager timing and retention
 * @param signalDedupWindow how long a signal id is remembered to refuse repeats
 * @param signalDedupMax at most this many signal ids are remembered
 * @param timerInterval how often timeouts and breakers are evaluated
 * @param statusInterval how often the status snapshot readable from other threads is refreshed
 * @param bookDepth levels kept per book when subscribing
 */
public record EngineConfig(
    int signalInboxCapacity,
    int venueInboxCapacity,
    int node,
    OrderManagerConfig orders,
    Duration signalDedupWindow,
    int signalDedupMax,
    Duration timerInterval,
    Duration statusInterval,
    int bookDepth) {

  public EngineConfig {
    List<String> p = new ArrayList<>();
    if (signalInboxCapacity < 2) {
      p.add("signalInboxCapacity must be >= 2");
    }
    if (venueInboxCapacity < 2) {
      p.add("venueInboxCapacity must be >= 2");
    }
    if (node < 0 || node > 61) {
      p.add("node must be 0..61");
    }
    if (signalDedupMax < 1) {
      p.add("signalDedupMax must be >= 1");
    }
    if (bookDepth < 1) {
      p.add("bookDepth must be >= 1");
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid engine config: " + String.join("; ", p));
    }
  }

  /**
   * 64k signals, 256k venue events, node 0, 24 h / 1M signal ids, 1 ms timers, 250 ms status, 20
   * levels.
   */
  public static EngineConfig defaults() {
    return new EngineConfig(
        65_536,
        262_144,
        0,
        OrderManagerConfig.defaults(),
        Duration.ofHours(24),
        250_000,
        Duration.ofMillis(1),
        Duration.ofMillis(250),
        20);
  }

  public EngineConfig withNode(int n) {
    return new EngineConfig(
        signalInboxCapacity,
        venueInboxCapacity,
        n,
        orders,
        signalDedupWindow,
        signalDedupMax,
        timerInterval,
        statusInterval,
        bookDepth);
  }

  public EngineConfig withOrders(OrderManagerConfig o) {
    return new EngineConfig(
        signalInboxCapacity,
        venueInboxCapacity,
        node,
        o,
        signalDedupWindow,
        signalDedupMax,
        timerInterval,
        statusInterval,
        bookDepth);
  }

  public EngineConfig withSignalInboxCapacity(int c) {
    return new EngineConfig(
        c,
        venueInboxCapacity,
        node,
        orders,
        signalDedupWindow,
        signalDedupMax,
        timerInterval,
        statusInterval,
        bookDepth);
  }
}
