package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.RejectCode;
import io.tradeserver.position.PositionTracker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Breakers that trip the trading state automatically (DESIGN §5): daily loss, drawdown from peak,
 * consecutive venue errors and venue reject rate, acknowledgement latency p99, stale market data on
 * an instrument with open orders, a volatility move, and a venue ban. Each trips once to its target
 * state, publishing the cause, and stays tripped until {@link #reset()} (an explicit resume), which
 * re-arms it. A trip to HALTED is also passed to the {@link HaltListener}, which pulls resting
 * orders. Fed by the engine on its thread; time comes from the arguments.
 */
public final class CircuitBreakers {
  /** P&L breakers are evaluated at most this often. */
  public static final Duration PNL_INTERVAL = Duration.ofMillis(100);

  private static final long DAY = 86_400_000_000_000L;

  /** Told when a breaker trips to HALTED. */
  @FunctionalInterface
  public interface HaltListener {
    /**
     * @param cause the breaker's cause
     * @param tripNanos clock time of the trip
     */
    void onHalt(String cause, long tripNanos);
  }

  private final RiskEngine risk;
  private final PositionTracker positions;
  private final Map<String, int[]> consecutiveErrors = new HashMap<>();
  private final Map<String, WindowCounts> rejects = new HashMap<>(); // a: sent, b: rejected
  private final Map<String, WindowCounts> acks = new HashMap<>(); // a: acks, b: slower than limit
  private final Map<InstrumentId, long[]> lastBook = new HashMap<>();
  private final Map<InstrumentId, VolatilityWindow> volatility = new HashMap<>();
  private final Map<String, BigDecimal> dayStart = new HashMap<>();
  private final Map<String, BigDecimal> peak = new HashMap<>();
  private final Set<String> tripped = new HashSet<>();
  private HaltListener haltListener;
  private long day = Long.MIN_VALUE;
  private long nextPnlCheck = Long.MIN_VALUE;

  public CircuitBreakers(RiskEngine risk, PositionTracker positions) {
    this.risk = risk;
    this.positions = positions;
  }

  /** Sets who pulls resting orders when a breaker halts trading. */
  public void onHalt(HaltListener l) {
    this.haltListener = l;
  }

  private BreakerConfig config() {
    return risk.config().breakers();
  }

  /** An order went to {@code venue}. */
  public void onOrderSent(String venue, long now) {
    if (config().rejectRatePercent() != null) {
      window(rejects, venue, config().rejectRateWindow()).add(now, 1, 0);
    }
  }

  /**
   * The venue rejected one of our orders, with the rejection's code. Two refusals are not venue
   * problems and count for neither the reject rate nor the error run: a post-only order that would
   * have taken liquidity is the order's own choice (a market maker would otherwise halt itself),
   * and a rate-limit refusal says we are sending too fast, which the adapter's limiter and the
   * venue pause already handle (a burst refused by the adapter's local limiter, never sent, would
   * otherwise halt all trading).
   */
  public void onVenueRejection(String venue, RejectCode code, String detail, long now) {
    if (code != RejectCode.POST_ONLY_WOULD_TAKE && code != RejectCode.RATE_LIMITED) {
      onVenueRejection(venue, detail, now);
    }
  }

  /** The venue rejected one of our orders: counts for the reject rate and as a venue error. */
  public void onVenueRejection(String venue, String detail, long now) {
    BreakerConfig c = config();
    if (c.rejectRatePercent() != null) {
      WindowCounts w = window(rejects, venue, c.rejectRateWindow());
      w.add(now, 0, 1);
      long sent = w.a(now);
      long rejected = w.b(now);
      if (sent >= c.rejectRateMinOrders() && rejected * 100 > (long) c.rejectRatePercent() * sent) {
        trip(
            "reject-rate:" + venue,
            c.venueErrorTarget(),
            venue
                + " rejected "
                + rejected
                + " of "
                + sent
                + " orders within "
                + c.rejectRateWindow().toSeconds()
                + "s (limit "
                + c.rejectRatePercent()
                + "%)");
      }
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
          venue + ": " + n + " consecutive venue errors (limit " + limit + "), last: " + detail);
    }
  }

  /** A venue answered normally (ack, fill): the error run ends. */
  public void onVenueSuccess(String venue) {
    int[] c = consecutiveErrors.get(venue);
    if (c != null) {
      c[0] = 0;
    }
  }

  /**
   * Submit → ack latency of one order. The p99 of the window's acks exceeds the limit exactly when
   * more than {@code n − ceil(0.99 n)} of its {@code n} acks took longer, so only counts are kept.
   */
  public void onAckLatency(String venue, long latencyNanos, long now) {
    BreakerConfig c = config();
    if (c.ackLatencyP99() == null) {
      return;
    }
    long limit = c.ackLatencyP99().toNanos();
    WindowCounts w = window(acks, venue, c.ackLatencyWindow());
    w.add(now, 1, latencyNanos > limit ? 1 : 0);
    long n = w.a(now);
    long slow = w.b(now);
    if (n >= BreakerConfig.ACK_LATENCY_MIN_SAMPLES && slow > n - (99 * n + 99) / 100) {
      trip(
          "ack-latency:" + venue,
          c.ackLatencyTarget(),
          venue
              + " ack p99 above "
              + c.ackLatencyP99().toMillis()
              + "ms: "
              + slow
              + " of "
              + n
              + " acks slower within "
              + c.ackLatencyWindow().toSeconds()
              + "s");
    }
  }

  /** A new mid for an instrument (book update): freshness and the volatility window. */
  public void onMid(InstrumentId id, Price mid, long now) {
    lastBook.computeIfAbsent(id, k -> new long[1])[0] = now;
    BreakerConfig c = config();
    if (c.volatilityMovePercent() == null || mid == null) {
      return;
    }
    long windowNanos = c.volatilityWindow().toNanos();
    VolatilityWindow w = volatility.get(id);
    if (w == null || w.windowNanos() != windowNanos) {
      w = new VolatilityWindow(windowNanos, mid.scale());
      volatility.put(id, w);
    }
    int s = w.scale(); // mids carry one decimal more than the book's prices
    w.add(now, Decimals.rescale(mid.units(), mid.scale(), s, RoundingMode.HALF_EVEN));
    long min = w.min();
    long max = w.max();
    long ppm = c.volatilityMovePercent().movePointRight(4).longValueExact();
    if (min > 0 && Decimals.compareProducts(max - min, 1_000_000, ppm, min) > 0) {
      trip(
          "volatility:" + id,
          c.volatilityTarget(),
          id
              + " moved "
              + Amounts.show(max - min, s, s - 1)
              + " ("
              + Amounts.show(min, s, s - 1)
              + " to "
              + Amounts.show(max, s, s - 1)
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
   * Time-based checks: P&L limits (every {@link #PNL_INTERVAL}) and stale market data on
   * instruments with open orders.
   *
   * @param hasOpenOrders tells whether a venue has our open orders
   */
  public void onTimer(long now, Predicate<String> hasOpenOrders) {
    BreakerConfig c = config();
    if (now >= nextPnlCheck) {
      nextPnlCheck = now + PNL_INTERVAL.toNanos();
      checkPnl(now, c);
    }
    if (c.staleMarketData() == null) {
      return;
    }
    long limit = c.staleMarketData().toNanos();
    for (Map.Entry<InstrumentId, long[]> e : lastBook.entrySet()) {
      InstrumentId id = e.getKey();
      long age = now - e.getValue()[0];
      if (age > limit
          && hasOpenOrders.test(id.exchange())
          && risk.orders().exposure().of(id).orders() > 0) {
        trip(
            "stale:" + id.exchange(),
            c.staleMarketDataTarget(),
            id
                + " market data "
                + Amounts.show(age, 6, 0)
                + "ms old with open orders (limit "
                + c.staleMarketData().toMillis()
                + "ms)");
      }
    }
  }

  private void checkPnl(long now, BreakerConfig c) {
    if (c.dailyLoss().isEmpty() && c.drawdown().isEmpty()) {
      return;
    }
    Map<String, BigDecimal> net = positions.netPnlByQuote();
    long today = Math.floorDiv(now, DAY);
    if (today != day) { // 00:00 UTC: today's P&L counts from here
      day = today;
      dayStart.clear();
      dayStart.putAll(net);
    }
    for (Map.Entry<String, BigDecimal> e : net.entrySet()) {
      String quote = e.getKey();
      BigDecimal pnl = e.getValue();
      BigDecimal lossLimit = c.dailyLoss().get(quote);
      BigDecimal daily = pnl.subtract(dayStart.getOrDefault(quote, BigDecimal.ZERO));
      if (lossLimit != null && daily.compareTo(lossLimit.negate()) < 0) {
        trip(
            "daily-loss:" + quote,
            c.dailyLossTarget(),
            "daily " + quote + " P&L " + plain(daily) + " below -" + plain(lossLimit));
      }
      BigDecimal top = peak.merge(quote, pnl, BigDecimal::max);
      BigDecimal ddLimit = c.drawdown().get(quote);
      BigDecimal drawdown = top.subtract(pnl);
      if (ddLimit != null && drawdown.compareTo(ddLimit) > 0) {
        trip(
            "drawdown:" + quote,
            c.drawdownTarget(),
            quote
                + " drawdown "
                + plain(drawdown)
                + " from peak "
                + plain(top)
                + " exceeds "
                + plain(ddLimit));
      }
    }
  }

  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  /**
   * Re-arms every breaker (after an explicit resume): error runs, windows and volatility history
   * start again and the drawdown peak is re-based to the current P&L. Today's P&L baseline stays: a
   * daily loss still beyond its limit trips again at the next check, until the limit is raised or
   * the day ends.
   */
  public void reset() {
    tripped.clear();
    consecutiveErrors.clear();
    rejects.values().forEach(WindowCounts::clear);
    acks.values().forEach(WindowCounts::clear);
    volatility.values().forEach(VolatilityWindow::clear);
    peak.clear();
    peak.putAll(positions.netPnlByQuote());
  }

  /** Breaker keys tripped since the last reset, e.g. {@code volatility:sim:BTC-USDT}. */
  public Set<String> tripped() {
    return java.util.Collections.unmodifiableSet(tripped);
  }

  private void trip(String key, TradingState target, String cause) {
    if (!tripped.add(key)) {
      return;
    }
    String full = "breaker " + key.substring(0, key.indexOf(':')) + ": " + cause;
    risk.trip(target, full);
    if (target == TradingState.HALTED && haltListener != null) {
      haltListener.onHalt(full, risk.now());
    }
  }

  private static WindowCounts window(Map<String, WindowCounts> m, String venue, Duration d) {
    long nanos = d.toNanos();
    WindowCounts w = m.get(venue);
    if (w == null || w.windowNanos() != nanos) {
      w = new WindowCounts(nanos);
      m.put(venue, w);
    }
    return w;
  }
}
