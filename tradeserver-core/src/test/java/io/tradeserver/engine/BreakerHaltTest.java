package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.risk.BreakerConfig;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.TradingState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Breakers through a running TradeServer: a trip to HALTED fires the kill switch (resting orders
 * are pulled) once the event that tripped it has been applied; a trip to REDUCING leaves orders
 * alone; every trip latches until resume, which re-arms it.
 */
class BreakerHaltTest {

  private static Signal buy(String id, String price) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(Side.BUY)
        .type(OrderType.LIMIT)
        .quantity("0.01")
        .price(price)
        .exchange("sim")
        .build();
  }

  private static RiskConfig breakers(BreakerConfig.Builder b) {
    return RiskConfig.defaults().withBreakers(b.build());
  }

  @Test
  void volatilityHaltPullsRestingOrdersAndResumeReArms() {
    RiskConfig risk =
        breakers(
            BreakerConfig.builder()
                .noneEnabled()
                .volatility("1", Duration.ofSeconds(60), TradingState.HALTED));
    try (RiskHarness h = new RiskHarness(risk)) {
      h.offer(buy("rest", "63000.00"));
      h.settle();
      h.rec.clear();
      h.sim.control().setMid("BTC-USDT", Price.parse("64700.00")); // +1.09 %
      h.pump(Duration.ofMillis(100), 1);
      h.settle();
      List<String> lines = h.lines();
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0))
          .matches(
              "RISK BREAKER_TRIP ACTIVE->HALTED breaker volatility: sim:BTC-USDT moved"
                  + " 7\\d\\d\\.\\d\\d\\d? \\(6\\d{4}\\.\\d\\d\\d? to 64[67]\\d\\d\\.\\d\\d\\d?\\) within 60s"
                  + " \\(limit 1%\\)");
      String cause = lines.get(0).substring("RISK BREAKER_TRIP ACTIVE->HALTED ".length());
      assertThat(lines.subList(1, 4))
          .containsExactly(
              "RISK KILL_SWITCH HALTED->HALTED kill switch: " + cause,
              "ORDER rest PENDING_CANCEL",
              "ORDER rest CANCELED");

      h.rec.clear();
      h.run(h.ts.resume("looked at it"));
      h.pump(Duration.ofMillis(100), 3); // same prices: the re-armed window starts afresh
      h.sim.control().setMid("BTC-USDT", Price.parse("64000.00")); // −1.08 %: trips again
      h.pump(Duration.ofMillis(100), 2);
      assertThat(h.lines()).first().isEqualTo("RISK STATE_CHANGE HALTED->ACTIVE looked at it");
      assertThat(h.lines().get(1))
          .startsWith("RISK BREAKER_TRIP ACTIVE->HALTED breaker volatility");
      assertThat(h.lines().get(2)).startsWith("RISK KILL_SWITCH HALTED->HALTED");
      assertThat(h.lines()).hasSize(3);
    }
  }

  @Test
  void consecutiveVenueRejectionsHaltAfterTheRejectionIsApplied() {
    RiskConfig risk =
        breakers(
            BreakerConfig.builder().noneEnabled().consecutiveVenueErrors(2, TradingState.HALTED));
    try (RiskHarness h = new RiskHarness(risk)) {
      h.offer(buy("rest", "63000.00"));
      h.settle();
      h.sim.control().rejectNext(RejectCode.VENUE_REJECTED);
      h.offer(buy("e1", "63000.00"));
      h.settle();
      h.rec.clear();
      h.sim.control().rejectNext(RejectCode.VENUE_REJECTED);
      h.offer(buy("e2", "63000.00"));
      h.settle();
      String cause =
          "breaker venue-errors: sim: 2 consecutive venue errors (limit 2), last: VENUE_REJECTED"
              + " SIM-REJECT";
      assertThat(h.lines())
          .containsExactly(
              "ORDER e2 PENDING_NEW",
              "ORDER e2 SUBMITTED",
              "RISK BREAKER_TRIP ACTIVE->HALTED " + cause,
              "ORDER e2 REJECTED VENUE_REJECTED simulated rejection",
              "RISK KILL_SWITCH HALTED->HALTED kill switch: " + cause,
              "ORDER rest PENDING_CANCEL",
              "ORDER rest CANCELED");
    }
  }

  @Test
  void venueBanDisablesTheVenueUntilReEnabled() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(buy("rest", "63000.00"));
      h.settle();
      h.rec.clear();
      h.venueEvent(new VenueAlert("sim", AlertKind.BANNED, "HTTP 418", 0, h.clock.nanos()));
      h.settle();
      String cause = "breaker ban: sim banned us: HTTP 418";
      assertThat(h.lines())
          .containsExactly(
              "RISK VENUE_DISABLED banned: HTTP 418",
              "RISK BREAKER_TRIP ACTIVE->HALTED " + cause,
              "RISK KILL_SWITCH HALTED->HALTED kill switch: " + cause,
              "ORDER rest PENDING_CANCEL",
              "ORDER rest CANCELED");

      h.rec.clear();
      h.run(h.ts.resume("ban lifted?"));
      h.offer(buy("after", "63000.00"));
      h.settle();
      h.run(h.ts.setVenueEnabled("sim", true, "ban lifted"));
      h.offer(buy("enabled", "63000.00"));
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK STATE_CHANGE HALTED->ACTIVE ban lifted?",
              "RISK DENIAL VENUE_UNAVAILABLE [after] venue sim disabled: banned: HTTP 418",
              "ORDER after REJECTED VENUE_UNAVAILABLE venue sim disabled: banned: HTTP 418",
              "RISK VENUE_ENABLED ban lifted",
              "ORDER enabled PENDING_NEW",
              "ORDER enabled SUBMITTED",
              "ORDER enabled ACCEPTED");
    }
  }

  @Test
  void staleMarketDataDeniesNewOrdersThenReducesWithoutPullingOrders() {
    RiskConfig risk =
        RiskConfig.defaults()
            .withGlobal(Limits.builder().staleAfterMillis(500).build())
            .withBreakers(
                BreakerConfig.builder()
                    .noneEnabled()
                    .staleMarketData(Duration.ofSeconds(1), TradingState.REDUCING)
                    .build());
    SimConfig sim =
        SimConfig.builder("sim")
            .instruments(RiskHarness.STILL)
            .staleAfter(Duration.ofMillis(1_000))
            .build();
    try (RiskHarness h = new RiskHarness(risk, sim, false)) {
      h.offer(buy("rest", "63000.00"));
      h.settle();
      h.rec.clear();
      // The sim's last book is from 1.1 s after its start (it stops after 1 s); now is 1.6 s.
      h.pump(Duration.ofMillis(100), 11);
      h.offer(buy("edge", "63000.00")); // reference exactly 500 ms old: still fresh
      h.settle();
      h.pump(Duration.ofMillis(100), 1);
      h.offer(buy("late", "63000.00"));
      h.settle();
      h.pump(Duration.ofMillis(100), 4); // 2.1 s: the book is 1 s old, not older
      assertThat(h.ts.status().state()).isEqualTo(TradingState.ACTIVE);
      h.pump(Duration.ofMillis(100), 1);
      assertThat(h.lines())
          .containsExactly(
              "ORDER edge PENDING_NEW",
              "ORDER edge SUBMITTED",
              "ORDER edge ACCEPTED",
              "RISK DENIAL STALE_MARKET_DATA [late] age=600ms limit=500ms",
              "ORDER late REJECTED STALE_MARKET_DATA age=600ms limit=500ms",
              "RISK BREAKER_TRIP ACTIVE->REDUCING breaker stale: sim:BTC-USDT market data 1100ms"
                  + " old with open orders (limit 1000ms)");
      // REDUCING keeps resting orders: nothing was canceled.
      h.settle();
      assertThat(h.lines()).hasSize(6);
    }
  }
}
