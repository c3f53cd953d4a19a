package io.tradeserver.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Circuit breakers: each trips automatically to its target state ({@code HALTED} or {@code
 * REDUCING}) and latches until an explicit resume. A null threshold disables that breaker.
 *
 * @param dailyLoss per quote currency: trip when today's net P&L (realized + unrealized − fees,
 *     since 00:00 UTC) falls below minus this amount
 * @param dailyLossTarget state on trip
 * @param drawdown per quote currency: trip when net P&L falls this far below its peak
 * @param drawdownTarget state on trip
 * @param consecutiveVenueErrors trip after this many venue failures in a row on one venue
 *     (rejections by the venue, unknown outcomes, failed requests)
 * @param rejectRatePercent trip when more than this percentage of orders sent in {@code
 *     rejectRateWindow} were rejected by venues (needs at least {@code rejectRateMinOrders})
 * @param rejectRateWindow window for the reject rate
 * @param rejectRateMinOrders orders needed in the window before the rate counts
 * @param venueErrorTarget state on trip for both venue-error breakers
 * @param ackLatencyP99 trip when the p99 submit→ack latency over {@code ackLatencyWindow} exceeds
 *     this
 * @param ackLatencyWindow window (and minimum sample span) for the latency breaker
 * @param ackLatencyTarget state on trip
 * @param staleMarketData trip when a venue with open orders has had no book update for this long
 * @param staleMarketDataTarget state on trip
 * @param volatilityMovePercent trip when a mid moves more than this percentage within {@code
 *     volatilityWindow}
 * @param volatilityWindow window for the volatility halt
 * @param volatilityTarget state on trip
 * @param venueBanTarget state when a venue bans us (HTTP 418); the venue itself is always disabled
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

  public BreakerConfig {
    dailyLoss = Map.copyOf(dailyLoss == null ? Map.of() : dailyLoss);
    drawdown = Map.copyOf(drawdown == null ? Map.of() : drawdown);
    List<String> p = new ArrayList<>();
    for (TradingState t :
        new TradingState[] {
          dailyLossTarget,
          drawdownTarget,
          venueErrorTarget,
          ackLatencyTarget,
          staleMarketDataTarget,
          volatilityTarget,
          venueBanTarget
        }) {
      if (t == TradingState.ACTIVE) {
        p.add("a breaker target must be HALTED or REDUCING");
        break;
      }
    }
    if (consecutiveVenueErrors != null && consecutiveVenueErrors < 1) {
      p.add("consecutiveVenueErrors must be >= 1");
    }
    if (rejectRatePercent != null && (rejectRatePercent < 1 || rejectRatePercent > 100)) {
      p.add("rejectRatePercent must be 1..100");
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid breakers: " + String.join("; ", p));
    }
  }

  /**
   * Defaults: 10 consecutive venue errors or &gt;50 % rejects of ≥20 orders in 60 s halt; ack p99
   * over 2 s in 60 s reduces; 30 s without market data on a venue with open orders reduces; a 10 %
   * move within 60 s halts; a ban halts. Loss and drawdown limits have no default.
   */
  public static BreakerConfig defaults() {
    return new BreakerConfig(
        Map.of(),
        TradingState.HALTED,
        Map.of(),
        TradingState.HALTED,
        10,
        50,
        Duration.ofSeconds(60),
        20,
        TradingState.HALTED,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        TradingState.REDUCING,
        Duration.ofSeconds(30),
        TradingState.REDUCING,
        new BigDecimal("10"),
        Duration.ofSeconds(60),
        TradingState.HALTED,
        TradingState.HALTED);
  }
}
