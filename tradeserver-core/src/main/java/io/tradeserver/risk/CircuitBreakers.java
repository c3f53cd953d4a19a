package io.tradeserver.risk;

import io.tradeserver.engine.LatencyHistogram;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.position.PositionTracker;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Breakers that trip the trading state automatically (DESIGN §5): daily loss, drawdown from peak,
 * consecutive venue errors and venue reject rate, acknowledgement latency p99, stale market data on
 * a venue with open orders, a volatility move, and a venue ban. Each trips once to its target state
 * and stays tripped until {@link #reset()} (called on an explicit resume). Fed by the engine on its
 * thread; time comes only from the arguments.
 */
public final class CircuitBreakers {
  private static final long DAY = 86_400_000_000_000L;
  private final RiskEngine risk;
  private final PositionTracker positions;
  private final Map<String, int[]> consecutiveErrors = new HashMap<>();
  private final Map<String, long[]> rejectWindow = new HashMap<>(); // {windowStart, sent, rejected}
  private final Map<String, LatencyHistogram> ackWindow = new HashMap<>();
  private final Map<String, Long> ackWindowStart = new HashMap<>();
  private final Map<String, Long> lastMarketData = new HashMap<>();
  private final Map<InstrumentId, VolatilityWindow> volatility = new HashMap<>();
  private final Map<String, BigDecimal> dayStart = new HashMap<>();
  private final Map<String, BigDecimal> peak = new HashMap<>();
  private final java.util.Set<String> tripped = new java.util.HashSet<>();
  private long day = Long.MIN_VALUE;

  public CircuitBreakers(RiskEngine risk, PositionTracker positions) {
    this.risk = risk;
    this.positions = positions;
  }

  private BreakerConfig config() {
    return risk.config().breakers();
  }

  /** An order went to {@code venue}. */
  public void onOrderSent(String venue, long now) {
    long[] w = window(venue, now);
    w[1]++;
  }

  /** The venue rejected one of our orders. */
  public void onVenueRejection(String venue, String detail, long now) {
    long[] w = window(venue, now);
    w[2]++;
    BreakerConfig c = config();
    if (c.rejectRatePercent() != null
        && w[1] >= c.rejectRateMinOrders()
        && w[2] * 100 > c.rejectRatePercent() * w[1]) {
      trip(
          "reject-rate:" + venue,
          c.venueErrorTarget(),
          venue
              + " rejected "
              + w[2]
              + " of "
              + w[1]
              + " orders within "
              + c.rejectRateWindow().toSeconds()
              + "s (limit "
              + c.rejectRatePercent()
              + "%)");
    }
    onVenueError(venue, detail);
  }

  /** A venue failure: rejection, unknown outcome, failed request. */
  public void onVenueError(String venue, String detail) {
    int n = ++consecutiveErrors.computeIfAbsent(venue, k -> new int[1])[0];
    Integer limit = config().consecutiveVenueErrors();
    if (limit != null && n >= limit) {
      trip(
          "venue-errors:" + venue,
          config().venueErrorTarget(),
          venue + ": " + n + " consecutive venue errors, last: " + detail);
    }
  }

  /** A venue answered normally (ack, fill): the error run ends. */
  public void onVenueSuccess(String venue) {
    int[] c = consecutiveErrors.get(venue);
    if (c != null) {
      c[0] = 0;
    }
  }

  /** Submit → ack latency of one order. */
  public void onAckLatency(String venue, long latencyNanos, long now) {
    BreakerConfig c = config();
    if (c.ackLatencyP99() == null) {
      return;
    }
    LatencyHistogram h = ackWindow.computeIfAbsent(venue, k -> new LatencyHistogram());
    long start = ackWindowStart.computeIfAbsent(venue, k -> now);
    h.record(latencyNanos);
    if (now - start >= c.ackLatencyWindow().toNanos()) {
      long p99 = h.percentileNanos(99);
      if (h.count() >= 20 && p99 > c.ackLatencyP99().toNanos()) {
        trip(
            "ack-latency:" + venue,
            c.ackLatencyTarget(),
            venue
                + " ack p99 "
                + p99 / 1_000_000
                + "ms over "
                + c.ackLatencyWindow().toSeconds()
                + "s (limit "
                + c.ackLatencyP99().toMillis()
                + "ms)");
      }
      h.reset();
      ackWindowStart.put(venue, now);
    }
  }

  /** A new mid for an instrument (book update). */
  public void onMid(InstrumentId id, Price mid, long now) {
    lastMarketData.put(id.exchange(), now);
    BreakerConfig c = config();
    if (c.volatilityMovePercent() == null || mid == null) {
      return;
    }
    VolatilityWindow w =
        volatility.computeIfAbsent(id, k -> new VolatilityWindow(c.volatilityWindow().toNanos()));
    w.add(now, mid.units());
    long min = w.min();
    long max = w.max();
    long bps = c.volatilityMovePercent().movePointRight(2).longValue();
    if (min > 0 && Decimals.compareProducts(max - min, 10_000, bps, min) > 0) {
      trip(
          "volatility:" + id,
          c.volatilityTarget(),
          id
              + " moved "
              + Price.of(max - min, mid.scale())
              + " ("
              + Price.of(min, mid.scale())
              + " to "
              + Price.of(max, mid.scale())
              + ") within "
              + c.volatilityWindow().toSeconds()
              + "s (limit "
              + c.volatilityMovePercent().toPlainString()
              + "%)");
    }
  }

  /** The venue banned us (HTTP 418): the venue is disabled and the breaker trips. */
  public void onVenueBanned(String venue, String detail) {
    risk.disableVenue(venue, "banned: " + detail);
    trip("ban:" + venue, config().venueBanTarget(), venue + " banned us: " + detail);
  }

  /**
   * Time-based checks: P&L limits and stale market data.
   *
   * @param hasOpenOrders tells whether a venue has our open orders
   */
  public void onTimer(long now, Predicate<String> hasOpenOrders) {
    BreakerConfig c = config();
    checkPnl(now, c);
    if (c.staleMarketData() != null) {
      for (Map.Entry<String, Long> e : lastMarketData.entrySet()) {
        String venue = e.getKey();
        if (now - e.getValue() > c.staleMarketData().toNanos() && hasOpenOrders.test(venue)) {
          trip(
              "stale:" + venue,
              c.staleMarketDataTarget(),
              venue
                  + " market data "
                  + (now - e.getValue()) / 1_000_000
                  + "ms old with open orders (limit "
                  + c.staleMarketData().toMillis()
                  + "ms)");
        }
      }
    }
  }

  private void checkPnl(long now, BreakerConfig c) {
    if (c.dailyLoss().isEmpty() && c.drawdown().isEmpty()) {
      return;
    }
    Map<String, BigDecimal> net = positions.netPnlByQuote();
    long today = Math.floorDiv(now, DAY);
    if (today != day) {
      day = today;
      dayStart.clear();
      dayStart.putAll(net);
    }
    for (Map.Entry<String, BigDecimal> e : net.entrySet()) {
      String quote = e.getKey();
      BigDecimal pnl = e.getValue();
      BigDecimal lossLimit = c.dailyLoss().get(quote);
      BigDecimal today0 = dayStart.getOrDefault(quote, BigDecimal.ZERO);
      if (lossLimit != null && pnl.subtract(today0).compareTo(lossLimit.negate()) < 0) {
        trip(
            "daily-loss:" + quote,
            c.dailyLossTarget(),
            "daily "
                + quote
                + " P&L "
                + pnl.subtract(today0).toPlainString()
                + " below -"
                + lossLimit.toPlainString());
      }
      BigDecimal top = peak.merge(quote, pnl, BigDecimal::max);
      BigDecimal ddLimit = c.drawdown().get(quote);
      if (ddLimit != null && top.subtract(pnl).compareTo(ddLimit) > 0) {
        trip(
            "drawdown:" + quote,
            c.drawdownTarget(),
            quote
                + " drawdown "
                + top.subtract(pnl).toPlainString()
                + " from peak "
                + top.toPlainString()
                + " exceeds "
                + ddLimit.toPlainString());
      }
    }
  }

  /** Re-arms every breaker (after an explicit resume). */
  public void reset() {
    tripped.clear();
    consecutiveErrors.clear();
    rejectWindow.clear();
    ackWindow.clear();
    ackWindowStart.clear();
    volatility.values().forEach(VolatilityWindow::clear);
  }

  private void trip(String key, TradingState target, String cause) {
    if (tripped.add(key)) {
      risk.trip(target, "breaker " + key.substring(0, key.indexOf(':')) + ": " + cause);
    }
  }

  private long[] window(String venue, long now) {
    long[] w = rejectWindow.computeIfAbsent(venue, k -> new long[] {now, 0, 0});
    if (now - w[0] >= config().rejectRateWindow().toNanos()) {
      w[0] = now;
      w[1] = 0;
      w[2] = 0;
    }
    return w;
  }
}
