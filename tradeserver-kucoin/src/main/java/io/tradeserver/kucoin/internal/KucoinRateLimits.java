package io.tradeserver.kucoin.internal;

import io.tradeserver.kucoin.KucoinConfig;
import io.tradeserver.time.Clock;
import io.tradeserver.venue.RateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * KuCoin's REST rate-limit model ("rate limit 2.0"): per resource pool a quota of weight per 30 s
 * that depends on the VIP level, each endpoint costing its published weight in its pool. Source:
 * https://www.kucoin.com/docs-new/rate-limit (resource pool table). Thread-safe.
 */
final class KucoinRateLimits {
  static final Duration WINDOW = Duration.ofSeconds(30);

  /** Spot (incl. margin) pool quota per 30 s by VIP level 0..12. */
  private static final int[] SPOT = {
    4000, 6000, 8000, 10000, 13000, 16000, 20000, 23000, 26000, 30000, 33000, 36000, 40000
  };

  /** Management pool quota per 30 s by VIP level 0..12. */
  private static final int[] MANAGEMENT = {
    2000, 2000, 4000, 5000, 6000, 7000, 8000, 10000, 12000, 14000, 16000, 18000, 20000
  };

  /** Public pool: 2000 per 30 s at every VIP level. */
  private static final int PUBLIC = 2000;

  private final RateLimiter limiter;
  private final Map<Endpoint.Pool, RateLimiter.Limit> limits = new EnumMap<>(Endpoint.Pool.class);
  private final Map<Endpoint, RateLimiter.Cost> costs = new EnumMap<>(Endpoint.class);

  KucoinRateLimits(KucoinConfig config, Clock clock) {
    limiter = new RateLimiter(config.venue(), clock);
    Map<String, Integer> o = config.poolOverrides();
    int vip = config.vipLevel();
    limits.put(Endpoint.Pool.SPOT, limit("SPOT", o.getOrDefault("SPOT", SPOT[vip])));
    limits.put(Endpoint.Pool.PUBLIC, limit("PUBLIC", o.getOrDefault("PUBLIC", PUBLIC)));
    limits.put(
        Endpoint.Pool.MANAGEMENT,
        limit("MANAGEMENT", o.getOrDefault("MANAGEMENT", MANAGEMENT[vip])));
    for (Endpoint e : Endpoint.values()) {
      costs.put(e, limiter.cost().add(limits.get(e.pool), e.weight).build());
    }
  }

  private RateLimiter.Limit limit(String name, int capacity) {
    return limiter.limit(name, capacity, WINDOW);
  }

  /** Takes the endpoint's weight; 0 when granted, else nanoseconds to wait. */
  long tryAcquire(Endpoint e) {
    return limiter.tryAcquire(costs.get(e));
  }

  /** Corrects the endpoint's pool from {@code gw-ratelimit-remaining}. */
  void observeRemaining(Endpoint e, long remaining) {
    RateLimiter.Limit l = limits.get(e.pool);
    limiter.observeUsed(l, l.capacity() - Math.max(0, remaining));
  }

  /** Stops all requests until {@code untilNanos} (a 429 answer). */
  void pauseUntil(long untilNanos) {
    limiter.pauseUntil(untilNanos);
  }

  long pausedUntilNanos() {
    return limiter.pausedUntilNanos();
  }

  RateLimiter.Limit limit(Endpoint.Pool pool) {
    return limits.get(pool);
  }

  RateLimiter limiter() {
    return limiter;
  }
}
