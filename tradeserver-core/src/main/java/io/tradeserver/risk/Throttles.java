package io.tradeserver.risk;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Order-rate token buckets (Bucket4j) per venue and per strategy, on the injected clock. A bucket
 * holds one second's worth of orders and refills continuously. Engine thread only.
 */
final class Throttles {
  private final TimeMeter meter;
  private final Map<String, Bucket> venues = new HashMap<>();
  private final Map<String, Bucket> strategies = new HashMap<>();

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

  /** Whether one more order fits both buckets; consumes from both only when it does. */
  boolean tryAcquire(String venue, int venueRate, String strategy, int strategyRate) {
    Bucket v = venueRate > 0 ? bucket(venues, venue, venueRate) : null;
    Bucket s = strategyRate > 0 ? bucket(strategies, strategy, strategyRate) : null;
    if (v != null && !v.tryConsume(1)) {
      return false;
    }
    if (s != null && !s.tryConsume(1)) {
      if (v != null) {
        v.addTokens(1);
      }
      return false;
    }
    return true;
  }

  /** Drops buckets so new rates apply (on reload). */
  void reset() {
    venues.clear();
    strategies.clear();
  }

  private Bucket bucket(Map<String, Bucket> map, String key, int rate) {
    Bucket b = map.get(key);
    if (b == null) {
      b =
          Bucket.builder()
              .addLimit(
                  Bandwidth.builder()
                      .capacity(rate)
                      .refillGreedy(rate, Duration.ofSeconds(1))
                      .build())
              .withCustomTimePrecision(meter)
              .build();
      map.put(key, b);
    }
    return b;
  }
}
