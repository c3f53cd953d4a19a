package io.tradeserver.kucoin.internal;

import io.tradeserver.kucoin.KucoinConfig;
import io.tradeserver.time.Clock;
import io.tradeserver.venue.RateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KuCoin's REST rate-limit model ("rate limit 2.0"): per resource pool a quota of weight per 30 s
 * that depends on the VIP level, each endpoint costing its published weight in its pool. Source:
 * https://www.kucoin.com/docs-new/rate-limit (resource pool table). Thread-safe.
 */
final class KucoinRateLimits {
  private static final Logger log = LoggerFactory.getLogger(KucoinRateLimits.class);
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
  private final Clock clock;
  private final Map<Endpoint.Pool, RateLimiter.Limit> limits = new EnumMap<>(Endpoint.Pool.class);
  private final Map<Endpoint, RateLimiter.Cost> costs = new EnumMap<>(Endpoint.class);

  /** Per pool: clock time at which KuCoin said its window resets (0 when unknown). */
  private final AtomicLongArray resetAt = new AtomicLongArray(Endpoint.Pool.values().length);

  private final AtomicBoolean capacityWarned = new AtomicBoolean();

  KucoinRateLimits(KucoinConfig config, Clock clock) {
    this.clock = clock;
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

  /** What is left of each resource pool, for metrics. */
  java.util.List<RateLimiter.Headroom> headroom() {
    return limiter.headroom();
  }

  private RateLimiter.Limit limit(String name, int capacity) {
    return limiter.limit(name, capacity, WINDOW);
  }

  /**
   * Takes the endpoint's weight; 0 when granted, else nanoseconds to wait. KuCoin's 30 s window
   * starts at the account's first request, not at our bucket's creation: once the venue's announced
   * reset time has passed, the pool is refilled to capacity before refusing.
   */
  long tryAcquire(Endpoint e) {
    RateLimiter.Cost cost = costs.get(e);
    long wait = limiter.tryAcquire(cost);
    if (wait <= 0 || limiter.isPaused()) {
      return wait;
    }
    int i = e.pool.ordinal();
    long reset = resetAt.get(i);
    long now = clock.nanos();
    if (reset != 0 && now >= reset && resetAt.compareAndSet(i, reset, 0)) {
      limiter.observeUsed(limits.get(e.pool), 0);
      return limiter.tryAcquire(cost);
    }
    return reset != 0 && reset > now ? Math.min(wait, reset - now) : wait;
  }

  /** Corrects the endpoint's pool from {@code gw-ratelimit-remaining} (-1 when absent). */
  void observeRemaining(Endpoint e, long remaining) {
    RateLimiter.Limit l = limits.get(e.pool);
    limiter.observeUsed(l, l.capacity() - Math.max(0, remaining));
  }

  /**
   * Applies KuCoin's quota headers: {@code gw-ratelimit-remaining} sets the pool's available
   * weight, {@code gw-ratelimit-reset} (milliseconds) when it refills; {@code gw-ratelimit-limit}
   * is only compared with the configured pool (a mismatch means {@code vipLevel} is wrong).
   *
   * @param limit the header value, or -1
   * @param remaining the header value, or -1
   * @param resetMillis the header value, or -1
   */
  void observe(Endpoint e, long limit, long remaining, long resetMillis) {
    RateLimiter.Limit l = limits.get(e.pool);
    if (limit > 0 && limit != l.capacity() && capacityWarned.compareAndSet(false, true)) {
      log.warn(
          "{} pool {}: venue quota {} differs from configured {}; check the vipLevel option",
          limiter.venue(),
          e.pool,
          limit,
          l.capacity());
    }
    if (remaining >= 0) {
      observeRemaining(e, remaining);
    }
    if (resetMillis >= 0) {
      resetAt.set(e.pool.ordinal(), clock.nanos() + resetMillis * 1_000_000L);
    }
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
