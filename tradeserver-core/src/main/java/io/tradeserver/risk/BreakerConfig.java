package io.tradeserver.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Circuit breakers: each trips automatically to its target state ({@code HALTED} or {@code
 * REDUCING}) and latches until an explicit resume. A null threshold disables that breaker. A trip
 * to {@code HALTED} also pulls every resting order (the kill switch without flattening). Validated
 * as part of {@link RiskConfig}, which reports every problem at once.
 *
 * @param dailyLoss per quote currency: trip when today's net P&L (realized + unrealized − fees,
 *     since 00:00 UTC) falls below minus this amount
 * @param dailyLossTarget state on trip
 * @param drawdown per quote currency: trip when net P&L falls more than this below its peak since
 *     the last resume
 * @param drawdownTarget state on trip
 * @param consecutiveVenueErrors trip after this many venue failures in a row on one venue
 *     (rejections by the venue, unknown outcomes, failed requests)
 * @param rejectRatePercent trip when more than this percentage of orders sent in the last {@code
 *     rejectRateWindow} were rejected by the venue (needs at least {@code rejectRateMinOrders})
 * @param rejectRateWindow sliding window for the reject rate
 * @param rejectRateMinOrders orders sent in the window before the rate counts
 * @param venueErrorTarget state on trip for both venue-error breakers
 * @param ackLatencyP99 trip when the p99 submit→ack latency of the last {@code ackLatencyWindow}
 *     exceeds this (needs {@link #ACK_LATENCY_MIN_SAMPLES} acks in the window)
 * @param ackLatencyWindow window for the latency breaker
 * @param ackLatencyTarget state on trip
 * @param staleMarketData trip when an instrument with open orders has had no book update for longer
 *     than this
 * @param staleMarketDataTarget state on trip
 * @param volatilityMovePercent trip when a mid moves more than this percentage (of the window's
 *     lowest mid, at most 4 decimals) within {@code volatilityWindow}
 * @param volatilityWindow window for the volatility halt
 * @param volatilityTarget state on trip
 * @param venueBanTarget state when a venue bans us (HTTP 418); the venue itself is always disabled
 *     until re-enabled explicitly
 */
public record BreakerConfig(
    Map<String, BigDecimal> dailyLoss,
    TradingState dailyLossTarget,
    Map<String, BigDecimal> drawdown,
    TradingState drawdownTarget,
    Integer consecutiveVenueErrors,
    Integer rejectRatePercent,
    Duration rejectRateWindow,
    int rejectRateMinOrders,
    TradingState venueErrorTarget,
    Duration ackLatencyP99,
    Duration ackLatencyWindow,
    TradingState ackLatencyTarget,
    Duration staleMarketData,
    TradingState staleMarketDataTarget,
    BigDecimal volatilityMovePercent,
    Duration volatilityWindow,
    TradingState volatilityTarget,
    TradingState venueBanTarget) {

  /** Acks needed in a window before its p99 is judged. */
  public static final int ACK_LATENCY_MIN_SAMPLES = 20;

  public BreakerConfig {
    dailyLoss = Map.copyOf(dailyLoss == null ? Map.of() : dailyLoss);
    drawdown = Map.copyOf(drawdown == null ? Map.of() : drawdown);
  }

  /**
   * Defaults: 10 consecutive venue errors or &gt;50 % rejects of ≥20 orders in 60 s halt; ack p99
   * over 2 s in 60 s reduces; 30 s without market data on an instrument with open orders reduces; a
   * 10 % move within 60 s halts; a ban halts. Loss and drawdown limits have no default.
   */
  public static BreakerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.dailyLoss = dailyLoss;
    b.dailyLossTarget = dailyLossTarget;
    b.drawdown = drawdown;
    b.drawdownTarget = drawdownTarget;
    b.consecutiveVenueErrors = consecutiveVenueErrors;
    b.rejectRatePercent = rejectRatePercent;
    b.rejectRateWindow = rejectRateWindow;
    b.rejectRateMinOrders = rejectRateMinOrders;
    b.venueErrorTarget = venueErrorTarget;
    b.ackLatencyP99 = ackLatencyP99;
    b.ackLatencyWindow = ackLatencyWindow;
    b.ackLatencyTarget = ackLatencyTarget;
    b.staleMarketData = staleMarketData;
    b.staleMarketDataTarget = staleMarketDataTarget;
    b.volatilityMovePercent = volatilityMovePercent;
    b.volatilityWindow = volatilityWindow;
    b.volatilityTarget = volatilityTarget;
    b.venueBanTarget = venueBanTarget;
    return b;
  }

  /** Adds every problem to {@code out}. */
  void problems(List<String> out) {
    target("dailyLossTarget", dailyLossTarget, out);
    target("drawdownTarget", drawdownTarget, out);
    target("venueErrorTarget", venueErrorTarget, out);
    target("ackLatencyTarget", ackLatencyTarget, out);
    target("staleMarketDataTarget", staleMarketDataTarget, out);
    target("volatilityTarget", volatilityTarget, out);
    target("venueBanTarget", venueBanTarget, out);
    amounts("dailyLoss", dailyLoss, out);
    amounts("drawdown", drawdown, out);
    if (consecutiveVenueErrors != null && consecutiveVenueErrors < 1) {
      out.add("breakers: consecutiveVenueErrors must be >= 1, was " + consecutiveVenueErrors);
    }
    if (rejectRatePercent != null) {
      if (rejectRatePercent < 1 || rejectRatePercent > 100) {
        out.add("breakers: rejectRatePercent must be 1..100, was " + rejectRatePercent);
      }
      positive("rejectRateWindow", rejectRateWindow, out);
      if (rejectRateMinOrders < 1) {
        out.add("breakers: rejectRateMinOrders must be >= 1, was " + rejectRateMinOrders);
      }
    }
    if (ackLatencyP99 != null) {
      positive("ackLatencyP99", ackLatencyP99, out);
      positive("ackLatencyWindow", ackLatencyWindow, out);
    }
    if (staleMarketData != null) {
      positive("staleMarketData", staleMarketData, out);
    }
    if (volatilityMovePercent != null) {
      if (volatilityMovePercent.signum() <= 0
          || volatilityMovePercent.compareTo(BigDecimal.valueOf(1000)) > 0
          || volatilityMovePercent.stripTrailingZeros().scale() > 4) {
        out.add(
            "breakers: volatilityMovePercent must be > 0 and <= 1000 with at most 4 decimals, was "
                + volatilityMovePercent.toPlainString());
      }
      positive("volatilityWindow", volatilityWindow, out);
    }
  }

  private static void target(String name, TradingState t, List<String> out) {
    if (t == null || t == TradingState.ACTIVE) {
      out.add("breakers: " + name + " must be HALTED or REDUCING, was " + t);
    }
  }

  private static void amounts(String name, Map<String, BigDecimal> m, List<String> out) {
    m.forEach(
        (quote, v) -> {
          if (quote.isBlank() || v.signum() <= 0) {
            out.add(
                "breakers: "
                    + name
                    + " needs a quote currency and an amount > 0, was "
                    + quote
                    + "="
                    + v.toPlainString());
          }
        });
  }

  private static void positive(String name, Duration d, List<String> out) {
    if (d == null || d.isNegative() || d.isZero()) {
      out.add("breakers: " + name + " must be > 0, was " + d);
    }
  }

  /** Builder with the defaults of {@link #defaults()}; null thresholds disable a breaker. */
  public static final class Builder {
    private Map<String, BigDecimal> dailyLoss = Map.of();
    private TradingState dailyLossTarget = TradingState.HALTED;
    private Map<String, BigDecimal> drawdown = Map.of();
    private TradingState drawdownTarget = TradingState.HALTED;
    private Integer consecutiveVenueErrors = 10;
    private Integer rejectRatePercent = 50;
    private Duration rejectRateWindow = Duration.ofSeconds(60);
    private int rejectRateMinOrders = 20;
    private TradingState venueErrorTarget = TradingState.HALTED;
    private Duration ackLatencyP99 = Duration.ofSeconds(2);
    private Duration ackLatencyWindow = Duration.ofSeconds(60);
    private TradingState ackLatencyTarget = TradingState.REDUCING;
    private Duration staleMarketData = Duration.ofSeconds(30);
    private TradingState staleMarketDataTarget = TradingState.REDUCING;
    private BigDecimal volatilityMovePercent = new BigDecimal("10");
    private Duration volatilityWindow = Duration.ofSeconds(60);
    private TradingState volatilityTarget = TradingState.HALTED;
    private TradingState venueBanTarget = TradingState.HALTED;

    private Builder() {}

    /** Daily loss limit for one quote currency, e.g. {@code ("USDT", "2500")}. */
    public Builder dailyLoss(String quote, String amount, TradingState target) {
      dailyLoss = with(dailyLoss, quote, amount);
      dailyLossTarget = target;
      return this;
    }

    /** Drawdown limit from the P&L peak for one quote currency. */
    public Builder drawdown(String quote, String amount, TradingState target) {
      drawdown = with(drawdown, quote, amount);
      drawdownTarget = target;
      return this;
    }

    public Builder consecutiveVenueErrors(Integer n, TradingState target) {
      consecutiveVenueErrors = n;
      venueErrorTarget = target;
      return this;
    }

    public Builder rejectRate(Integer percent, Duration window, int minOrders) {
      rejectRatePercent = percent;
      rejectRateWindow = window;
      rejectRateMinOrders = minOrders;
      return this;
    }

    public Builder ackLatency(Duration p99, Duration window, TradingState target) {
      ackLatencyP99 = p99;
      ackLatencyWindow = window;
      ackLatencyTarget = target;
      return this;
    }

    public Builder staleMarketData(Duration after, TradingState target) {
      staleMarketData = after;
      staleMarketDataTarget = target;
      return this;
    }

    public Builder volatility(String movePercent, Duration window, TradingState target) {
      volatilityMovePercent = movePercent == null ? null : new BigDecimal(movePercent);
      volatilityWindow = window;
      volatilityTarget = target;
      return this;
    }

    public Builder venueBanTarget(TradingState target) {
      venueBanTarget = target;
      return this;
    }

    /** Disables every breaker with a threshold (the ban breaker always applies). */
    public Builder noneEnabled() {
      dailyLoss = Map.of();
      drawdown = Map.of();
      consecutiveVenueErrors = null;
      rejectRatePercent = null;
      ackLatencyP99 = null;
      staleMarketData = null;
      volatilityMovePercent = null;
      return this;
    }

    /** Builds without validating; {@link RiskConfig} validates the whole configuration. */
    public BreakerConfig build() {
      return new BreakerConfig(
          dailyLoss,
          dailyLossTarget,
          drawdown,
          drawdownTarget,
          consecutiveVenueErrors,
          rejectRatePercent,
          rejectRateWindow,
          rejectRateMinOrders,
          venueErrorTarget,
          ackLatencyP99,
          ackLatencyWindow,
          ackLatencyTarget,
          staleMarketData,
          staleMarketDataTarget,
          volatilityMovePercent,
          volatilityWindow,
          volatilityTarget,
          venueBanTarget);
    }

    private static Map<String, BigDecimal> with(
        Map<String, BigDecimal> m, String quote, String amount) {
      Map<String, BigDecimal> copy = new java.util.HashMap<>(m);
      copy.put(quote, new BigDecimal(amount));
      return copy;
    }
  }
}
