package io.tradeserver.kraken.internal;

import io.tradeserver.kraken.KrakenTier;
import io.tradeserver.time.Clock;
import io.tradeserver.venue.RateLimiter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kraken's two counters, enforced locally before anything is sent: the per-key REST call counter
 * (every private call but AddOrder/CancelOrder costs 1, trade history 2) and the per-pair trading
 * counter (AddOrder +1; CancelOrder +1 plus a penalty that shrinks with the order's age, per "Spot
 * Trading Limits"). Both decay continuously at the tier's rate. A venue rate-limit error snaps the
 * matching counter to full. Thread-safe.
 */
final class KrakenLimits {
  private final Clock clock;
  private final KrakenTier tier;
  private final RateLimiter api;
  private final RateLimiter trading;
  private final RateLimiter.Limit apiCounter;
  private final RateLimiter.Cost apiCost1;
  private final RateLimiter.Cost apiCost2;
  private final ConcurrentHashMap<String, Pair> pairs = new ConcurrentHashMap<>();

  KrakenLimits(String venue, Clock clock, KrakenTier tier) {
    this.clock = clock;
    this.tier = tier;
    this.api = new RateLimiter(venue, clock);
    this.trading = new RateLimiter(venue, clock);
    this.apiCounter =
        api.decayingLimit("API_COUNTER", tier.apiCounterMax(), tier.apiCounterDrain());
    this.apiCost1 = api.cost().add(apiCounter, 1).build();
    this.apiCost2 = api.cost().add(apiCounter, 2).build();
  }

  /** Takes REST counter points for a private call; 0 when granted, else nanos to wait. */
  long acquireApi(int points) {
    return api.tryAcquire(points >= 2 ? apiCost2 : apiCost1);
  }

  /** Takes one trading point for an AddOrder on {@code pair}; 0 when granted. */
  long acquireOrder(String pair) {
    return trading.tryAcquire(pair(pair).add);
  }

  /**
   * Charges a cancel (fixed +1 plus the age penalty). Cancels are never held back: a cancel must
   * always be sent, so an exhausted counter only means the venue may refuse it.
   */
  void chargeCancel(String pair, long orderAgeNanos) {
    Pair p = pair(pair);
    int points = 1 + cancelPenalty(orderAgeNanos);
    trading.tryAcquire(p.cancel[Math.min(points, p.cancel.length - 1)]);
  }

  /** The decaying count Kraken adds to a cancel of an order this old ("Spot Trading Limits"). */
  static int cancelPenalty(long ageNanos) {
    long s = ageNanos / 1_000_000_000L;
    if (s < 5) {
      return 8;
    } else if (s < 10) {
      return 6;
    } else if (s < 15) {
      return 5;
    } else if (s < 45) {
      return 4;
    } else if (s < 90) {
      return 2;
    } else if (s < 300) {
      return 1;
    }
    return 0;
  }

  /** Applies a venue rate-limit answer: snap the counter to full, pause when told how long. */
  void onVenueLimit(KrakenError e, String pair) {
    String head = KrakenErrors.head(e.venueCode());
    if (head.startsWith("EOrder:") && pair != null) {
      trading.observeUsed(pair(pair).limit, tier.tradingCounterMax());
    } else {
      api.observeUsed(apiCounter, tier.apiCounterMax());
    }
    if (e.retryAfterNanos() > 0) {
      long until = clock.nanos() + e.retryAfterNanos();
      api.pauseUntil(until);
      trading.pauseUntil(until);
    }
  }

  long pausedUntilNanos() {
    return Math.max(api.pausedUntilNanos(), trading.pausedUntilNanos());
  }

  long apiAvailable() {
    return apiCounter.available();
  }

  private Pair pair(String pair) {
    return pairs.computeIfAbsent(pair, this::newPair);
  }

  private Pair newPair(String pair) {
    RateLimiter.Limit l =
        trading.decayingLimit(
            "TRADING_" + pair, tier.tradingCounterMax(), tier.tradingCounterDrain());
    RateLimiter.Cost[] cancel = new RateLimiter.Cost[10];
    for (int i = 1; i < cancel.length; i++) {
      cancel[i] = trading.cost().add(l, i).build();
    }
    return new Pair(l, cancel[1], cancel);
  }

  private record Pair(RateLimiter.Limit limit, RateLimiter.Cost add, RateLimiter.Cost[] cancel) {}

  /** The REST call counter and per-pair trading counters, for metrics. */
  java.util.List<RateLimiter.Headroom> headroom() {
    java.util.List<RateLimiter.Headroom> all = new java.util.ArrayList<>(api.headroom());
    all.addAll(trading.headroom());
    return all;
  }
}
