package io.tradeserver.risk;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Order-rate token buckets (Bucket4j) per venue and per strategy, on the injected clock. A bucket
 * holds one second's worth of orders and refills greedily (continuously). Buckets are
 * unsynchronized (single writer) so taking a token does not allocate. A bucket keeps its tokens
 * across a limits reload unless its rate changed. Engine thread only.
 */
final class Throttles {
  /** {@link #tryAcquire} outcomes. */
  static final int OK = 0;

  static final int VENUE_EXHAUSTED = 1;
  static final int STRATEGY_EXHAUSTED = 2;

  private final TimeMeter meter;
  private final Map<String, Limiter> venues = new HashMap<>();
  private final Map<String, Limiter> strategies = new HashMap<>();

  private record Limiter(int rate, Bucket bucket) {}

  Throttles(Clock clock) {
    this.meter =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return clock.nanos();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  /**
   * Takes one token from each configured bucket, or none: {@link #OK}, or which bucket is empty.
   *
   * @param venueRate orders per second on the venue, 0 for no limit
   * @param strategyRate orders per second for the strategy, 0 for no limit
   */
  int tryAcquire(String venue, int venueRate, String strategy, int strategyRate) {
    Bucket v = venueRate > 0 ? bucket(venues, venue, venueRate) : null;
    Bucket s = strategyRate > 0 ? bucket(strategies, strategy, strategyRate) : null;
    if (v != null && !v.tryConsume(1)) {
      return VENUE_EXHAUSTED;
    }
    if (s != null && !s.tryConsume(1)) {
      if (v != null) {
        v.addTokens(1); // give the venue token back: this order is not sent
      }
      return STRATEGY_EXHAUSTED;
    }
    return OK;
  }

  private Bucket bucket(Map<String, Limiter> map, String key, int rate) {
    Limiter l = map.get(key);
    if (l == null || l.rate() != rate) {
      l =
          new Limiter(
              rate,
              Bucket.builder()
                  .addLimit(
                      Bandwidth.builder()
                          .capacity(rate)
                          .refillGreedy(rate, Duration.ofSeconds(1))
                          .build())
                  .withCustomTimePrecision(meter)
                  .withSynchronizationStrategy(SynchronizationStrategy.NONE)
                  .build());
      map.put(key, l);
    }
    return l.bucket();
  }
}
