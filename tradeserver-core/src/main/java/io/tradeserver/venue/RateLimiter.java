package io.tradeserver.venue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A venue's request limits as Bucket4j token buckets on the injected clock, with per-endpoint
 * costs, correction from the venue's "used" headers, and a pause for 429/418 answers. Thread-safe.
 *
 * <pre>{@code
 * RateLimiter limits = new RateLimiter("binance", clock);
 * RateLimiter.Limit weight = limits.limit("REQUEST_WEIGHT_1m", 6000, Duration.ofMinutes(1));
 * RateLimiter.Cost newOrder = limits.cost().add(weight, 1).build();
 * long waitNanos = limits.tryAcquire(newOrder);   // 0 = go
 * }</pre>
 */
public final class RateLimiter {
  private final String venue;
  private final Clock clock;
  private final TimeMeter meter;
  private final Map<String, Limit> limits = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile long pausedUntilNanos = Long.MIN_VALUE;

  public RateLimiter(String venue, Clock clock) {
    this.venue = venue;
    this.clock = clock;
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
   * Declares a fixed-window limit: {@code capacity} tokens, all refilled every {@code window} (how
   * Binance, KuCoin and Kraken count).
   */
  public Limit limit(String name, long capacity, Duration window) {
    if (capacity <= 0) {
      throw new IllegalArgumentException(venue + " limit " + name + ": capacity must be > 0");
    }
    Bucket bucket =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
            .withCustomTimePrecision(meter)
            .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
            .build();
    Limit l = new Limit(name, capacity, window, bucket);
    limits.put(name, l);
    return l;
  }

  /**
   * Declares a limit that drains continuously ({@code capacity} tokens, refilled at {@code capacity
   * / window}), like Kraken's decaying call counter.
   */
  public Limit decayingLimit(String name, long capacity, Duration window) {
    Bucket bucket =
        Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
            .withCustomTimePrecision(meter)
            .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
            .build();
    Limit l = new Limit(name, capacity, window, bucket);
    limits.put(name, l);
    return l;
  }

  /** Starts a per-endpoint cost: the tokens one request takes from each limit. */
  public Cost.Builder cost() {
    return new Cost.Builder();
  }

  /**
   * Takes the cost's tokens from every limit, or nothing.
   *
   * @return 0 when granted; otherwise how long to wait, in nanoseconds, before it could be
   */
  public long tryAcquire(Cost cost) {
    long now = clock.nanos();
    long paused = pausedUntilNanos;
    if (paused > now) {
      return paused - now;
    }
    // Granted (the usual case): one lock and no allocation per limit. Refused: what was taken
    // from the limits before the refusing one is given back, and the refusing one says how long.
    for (int i = 0; i < cost.limits.length; i++) {
      if (!cost.limits[i].bucket.tryConsume(cost.tokens[i])) {
        for (int j = 0; j < i; j++) {
          cost.limits[j].bucket.addTokens(cost.tokens[j]);
        }
        EstimationProbe p = cost.limits[i].bucket.estimateAbilityToConsume(cost.tokens[i]);
        return p.canBeConsumed() ? 1 : Math.max(1, p.getNanosToWaitForRefill());
      }
    }
    return 0;
  }

  /**
   * Corrects a limit from the venue's own count ({@code X-MBX-USED-WEIGHT-1M}, {@code
   * gw-ratelimit-remaining}): after this, {@code capacity - used} tokens are available.
   */
  public void observeUsed(Limit limit, long used) {
    long target = Math.max(0, limit.capacity - Math.max(0, used));
    long available = limit.bucket.getAvailableTokens();
    if (available > target) {
      limit.bucket.consumeIgnoringRateLimits(available - target);
    } else if (available < target) {
      limit.bucket.addTokens(target - available);
    }
  }

  /** Stops every request until {@code untilNanos} (clock time): a 429 Retry-After, a 418 ban. */
  public void pauseUntil(long untilNanos) {
    if (untilNanos > pausedUntilNanos) {
      pausedUntilNanos = untilNanos;
    }
  }

  /** Clock time until which requests are paused, or a past time when not paused. */
  public long pausedUntilNanos() {
    return pausedUntilNanos;
  }

  public boolean isPaused() {
    return pausedUntilNanos > clock.nanos();
  }

  /** Per limit: tokens available now and capacity, for status and metrics. */
  public List<Headroom> headroom() {
    List<Headroom> out = new ArrayList<>();
    synchronized (limits) {
      for (Limit l : limits.values()) {
        out.add(new Headroom(l.name, l.bucket.getAvailableTokens(), l.capacity));
      }
    }
    return out;
  }

  public String venue() {
    return venue;
  }

  /** A named limit. */
  public static final class Limit {
    private final String name;
    private final long capacity;
    private final Duration window;
    private final Bucket bucket;

    private Limit(String name, long capacity, Duration window, Bucket bucket) {
      this.name = name;
      this.capacity = capacity;
      this.window = window;
      this.bucket = bucket;
    }

    public String name() {
      return name;
    }

    public long capacity() {
      return capacity;
    }

    public Duration window() {
      return window;
    }

    public long available() {
      return bucket.getAvailableTokens();
    }

    @Override
    public String toString() {
      return name + "[" + capacity + "/" + window + "]";
    }
  }

  /** Tokens one request takes from each limit; build once per endpoint and reuse. */
  public static final class Cost {
    private final Limit[] limits;
    private final long[] tokens;

    private Cost(Limit[] limits, long[] tokens) {
      this.limits = limits;
      this.tokens = tokens;
    }

    /** Builder for a {@link Cost}. */
    public static final class Builder {
      private final List<Limit> limits = new ArrayList<>();
      private final List<Long> tokens = new ArrayList<>();

      public Builder add(Limit limit, long n) {
        limits.add(Objects.requireNonNull(limit));
        tokens.add(n);
        return this;
      }

      public Cost build() {
        long[] t = new long[tokens.size()];
        for (int i = 0; i < t.length; i++) {
          t[i] = tokens.get(i);
        }
        return new Cost(limits.toArray(new Limit[0]), t);
      }
    }
  }

  /** A limit's state. */
  public record Headroom(String limit, long available, long capacity) {}
}
