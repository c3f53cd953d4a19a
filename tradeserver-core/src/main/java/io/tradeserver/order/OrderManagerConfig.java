package io.tradeserver.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Order manager timing and memory bounds.
 *
 * @param ackTimeout a SUBMITTED order with no answer this long becomes UNKNOWN and is queried
 * @param cancelTimeout a PENDING_CANCEL order with no answer this long is queried
 * @param queryInterval wait between queries of an UNKNOWN order (and lookups of a redelivered one)
 * @param notFoundQueries queries that must all find nothing before an UNKNOWN order is REJECTED;
 *     also the unanswered lookups after which a redelivered order is REJECTED unsent
 * @param reconcileGrace how long a venue-reported fill without trade detail waits for the trades
 *     before it is applied as a reconciled fill
 * @param retention terminal orders stay queryable this long
 * @param maxRetained at most this many terminal orders are kept (memory bound)
 * @param tradeIdWindow trade ids of forgotten orders remembered for duplicate detection
 */
public record OrderManagerConfig(
    Duration ackTimeout,
    Duration cancelTimeout,
    Duration queryInterval,
    int notFoundQueries,
    Duration reconcileGrace,
    Duration retention,
    int maxRetained,
    int tradeIdWindow) {

  public OrderManagerConfig {
    List<String> p = new ArrayList<>();
    positive("ackTimeout", ackTimeout, p);
    positive("cancelTimeout", cancelTimeout, p);
    positive("queryInterval", queryInterval, p);
    positive("reconcileGrace", reconcileGrace, p);
    if (retention == null || retention.isNegative()) {
      p.add("retention must be >= 0, was " + retention);
    }
    if (notFoundQueries < 1) {
      p.add("notFoundQueries must be >= 1, was " + notFoundQueries);
    }
    if (maxRetained < 0) {
      p.add("maxRetained must be >= 0, was " + maxRetained);
    }
    if (tradeIdWindow < 1) {
      p.add("tradeIdWindow must be >= 1, was " + tradeIdWindow);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid order manager config: " + String.join("; ", p));
    }
  }

  /**
   * 10 s ack and cancel timeouts, 1 s query interval, 5 not-found queries, 60 s / 100k retention.
   */
  public static OrderManagerConfig defaults() {
    return new OrderManagerConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        5,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        50_000,
        250_000);
  }

  public OrderManagerConfig withRetention(Duration d, int max) {
    return new OrderManagerConfig(
        ackTimeout,
        cancelTimeout,
        queryInterval,
        notFoundQueries,
        reconcileGrace,
        d,
        max,
        tradeIdWindow);
  }

  private static void positive(String name, Duration d, List<String> p) {
    if (d == null || d.isZero() || d.isNegative()) {
      p.add(name + " must be > 0, was " + d);
    }
  }
}
