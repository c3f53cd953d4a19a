package io.tradeserver.binance.internal;

import io.tradeserver.time.Clock;
import io.tradeserver.venue.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;

/**
 * Binance's limits as {@link RateLimiter} buckets: REQUEST_WEIGHT, ORDERS and RAW_REQUESTS from
 * {@code exchangeInfo.rateLimits} (until then a default 6000 weight per minute, the documented
 * value), overridable by {@code VenueConfig.rateLimits}. Costs per endpoint are request weights
 * from rest-api.md; every order also takes one token from each ORDERS limit. Corrected from the
 * venue's {@code X-MBX-USED-WEIGHT-*} / {@code X-MBX-ORDER-COUNT-*} headers and the WebSocket API
 * {@code rateLimits} arrays. Thread-safe.
 */
final class VenueLimits {
  private final RateLimiter limiter;
  private final Map<String, Integer> overrides;
  private volatile Costs costs;

  VenueLimits(String venue, Clock clock, Map<String, Integer> overrides) {
    this.limiter = new RateLimiter(venue, clock);
    this.overrides = overrides;
    configure(List.of(new ExchangeInfo.RateLimitSpec("REQUEST_WEIGHT", "MINUTE", 1, 6000)));
  }

  /** Replaces the limits with the venue's (from exchangeInfo). */
  void configure(List<ExchangeInfo.RateLimitSpec> specs) {
    List<Tracked> tracked = new ArrayList<>();
    for (ExchangeInfo.RateLimitSpec s : specs) {
      Duration window = window(s.interval(), s.intervalNum());
      if (window == null) {
        continue;
      }
      String name =
          s.type() + "_" + s.intervalNum() + letter(s.interval()).toLowerCase(Locale.ROOT);
      long capacity = override(name, s.limit());
      RateLimiter.Limit limit = limiter.limit(name, capacity, window);
      tracked.add(
          new Tracked(
              s.type(),
              Character.toLowerCase(letter(s.interval()).charAt(0)),
              s.intervalNum(),
              header(s),
              limit));
    }
    costs = new Costs(tracked);
  }

  private long override(String name, long venueLimit) {
    for (Map.Entry<String, Integer> e : overrides.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return venueLimit;
  }

  private static Duration window(String interval, int n) {
    return switch (interval) {
      case "SECOND" -> Duration.ofSeconds(n);
      case "MINUTE" -> Duration.ofMinutes(n);
      case "HOUR" -> Duration.ofHours(n);
      case "DAY" -> Duration.ofDays(n);
      default -> null;
    };
  }

  private static String letter(String interval) {
    return interval.substring(0, 1);
  }

  /** X-MBX-USED-WEIGHT-(intervalNum)(intervalLetter), X-MBX-ORDER-COUNT-...; rest-api.md LIMITS. */
  private static String header(ExchangeInfo.RateLimitSpec s) {
    String suffix = s.intervalNum() + letter(s.interval());
    return switch (s.type()) {
      case "REQUEST_WEIGHT" -> "X-MBX-USED-WEIGHT-" + suffix;
      case "ORDERS" -> "X-MBX-ORDER-COUNT-" + suffix;
      default -> null;
    };
  }

  /** A request of {@code weight}. */
  RateLimiter.Cost weight(int weight) {
    return costs.weight(weight);
  }

  /** A new order: weight 1, one order on every ORDERS limit. */
  RateLimiter.Cost order() {
    return costs.order;
  }

  /** 0 when granted, else the wait in nanoseconds (nothing is taken). */
  long tryAcquire(RateLimiter.Cost cost) {
    return limiter.tryAcquire(cost);
  }

  /** Pauses every request until {@code nanos}; true when this extends the current pause. */
  synchronized boolean pauseUntil(long nanos) {
    if (nanos <= limiter.pausedUntilNanos()) {
      return false;
    }
    limiter.pauseUntil(nanos);
    return true;
  }

  /** Applies the venue's counters from REST response headers. */
  void observe(Headers headers) {
    for (Tracked t : costs.tracked) {
      if (t.header != null) {
        String v = headers.get(t.header);
        if (v != null) {
          try {
            limiter.observeUsed(t.limit, Long.parseLong(v.trim()));
          } catch (NumberFormatException ignored) {
            // A malformed header must not break the response path.
          }
        }
      }
    }
  }

  /**
   * Applies one WebSocket API {@code rateLimits} entry to the limit named alike ({@code
   * ORDERS_10s}: type, interval count, the interval's first letter in any case), matched field by
   * field so that every answer does not build names.
   */
  void observe(String type, String interval, int intervalNum, long count) {
    char letter = Character.toLowerCase(interval.charAt(0));
    for (Tracked t : costs.tracked) {
      if (t.intervalNum == intervalNum && t.letter == letter && t.type.equals(type)) {
        limiter.observeUsed(t.limit, count);
      }
    }
  }

  List<RateLimiter.Headroom> headroom() {
    return limiter.headroom();
  }

  private record Tracked(
      String type, char letter, int intervalNum, String header, RateLimiter.Limit limit) {}

  /** Costs built against one generation of limits. */
  private final class Costs {
    final List<Tracked> tracked;
    final RateLimiter.Cost order;
    final Map<Integer, RateLimiter.Cost> byWeight = new ConcurrentHashMap<>();

    Costs(List<Tracked> tracked) {
      this.tracked = tracked;
      RateLimiter.Cost.Builder b = base(1);
      for (Tracked t : tracked) {
        if (t.type.equals("ORDERS")) {
          b.add(t.limit, 1);
        }
      }
      this.order = b.build();
    }

    RateLimiter.Cost weight(int w) {
      return byWeight.computeIfAbsent(w, k -> base(k).build());
    }

    private RateLimiter.Cost.Builder base(int w) {
      RateLimiter.Cost.Builder b = limiter.cost();
      for (Tracked t : tracked) {
        if (t.type.equals("REQUEST_WEIGHT")) {
          b.add(t.limit, w);
        } else if (t.type.equals("RAW_REQUESTS")) {
          b.add(t.limit, 1);
        }
      }
      return b;
    }
  }
}
