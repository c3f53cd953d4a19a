package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderCanceled;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.TradingState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kill switch: halt, cancel everything everywhere, optionally flatten, latch until resume. */
class KillSwitchTest {

  static Signal limit(String id, Side side, String qty, String price) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(side)
        .type(OrderType.LIMIT)
        .quantity(qty)
        .price(price)
        .exchange("sim")
        .build();
  }

  static Signal market(String id, Side side, String qty) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(side)
        .type(OrderType.MARKET)
        .quantity(qty)
        .exchange("sim")
        .build();
  }

  @Test
  void cancelsAcceptedSubmittedAndUnknownOrdersAndEverythingAtTheVenue() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      // An order of another session, unknown to us, resting at the venue.
      Instrument btc =
          Instrument.builder(InstrumentId.of("sim", "BTC-USDT"), "BTCUSDT")
              .tickSize(Price.parse("0.01"))
              .stepSize(Quantity.parse("0.00001"))
              .build();
      h.sim.submit(
          OrderRequest.limit(
              "other1", btc, Side.BUY, Price.parse("60000.00"), Quantity.parse("1")));
      h.offer(limit("a", Side.BUY, "0.01", "63000.00"));
      h.settle(); // a: ACCEPTED
      h.sim.control().loseNextAnswer();
      h.offer(limit("b", Side.BUY, "0.01", "63000.00"));
      h.ts.doWork(); // b: SUBMITTED
      h.offer(limit("c", Side.BUY, "0.01", "63000.00"));
      h.ts.doWork(); // b: UNKNOWN (answer lost, query sent); c: SUBMITTED
      assertThat(h.rec.statuses(cid(h, "b"))).endsWith("UNKNOWN");
      assertThat(h.rec.statuses(cid(h, "c"))).endsWith("SUBMITTED");
      h.rec.clear();
      h.venue.commands.clear();

      ControlResult r = h.run(h.ts.killSwitch("ops: test"));

      assertThat(r)
          .isEqualTo(
              new ControlResult(
                  true,
                  TradingState.HALTED,
                  "kill switch: 3 order cancels and 1 venue cancel-alls sent in 0 µs",
                  0));
      assertThat(h.venue.commands)
          .containsExactly(
              "cancel " + cid(h, "a"),
              "cancel " + cid(h, "b"),
              "cancel " + cid(h, "c"),
              "cancelAll");
      // b's answer was lost (UNKNOWN), c had not been acknowledged yet: both are canceled too.
      assertThat(h.lines())
          .containsExactly(
              "RISK KILL_SWITCH ACTIVE->HALTED kill switch: ops: test",
              "ORDER a PENDING_CANCEL",
              "ORDER b PENDING_CANCEL simulated timeout",
              "ORDER c PENDING_CANCEL",
              "ORDER a CANCELED",
              "ORDER b CANCELED simulated timeout",
              "ORDER c CANCELED");
      assertThat(h.venueEvents)
          .filteredOn(OrderCanceled.class::isInstance)
          .extracting(e -> ((OrderCanceled) e).clientOrderId())
          .endsWith("other1");
    }
  }

  @Test
  void flattensPositionsWithProtectedMarketOrdersWhileCancelingTheRest() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults().withFlattenOnKill(true))) {
      h.offer(market("buy", Side.BUY, "0.05"));
      h.settle();
      h.offer(limit("ask", Side.SELL, "0.02", "65000.00")); // same side as the flatten
      h.settle();
      h.rec.clear();

      ControlResult r = h.run(h.ts.killSwitch("flatten test"));

      assertThat(r.detail())
          .isEqualTo(
              "kill switch: 1 order cancels and 1 venue cancel-alls sent in 0 µs,"
                  + " 1 positions flattening");
      Order flatten =
          h.rec.of(Order.class).stream()
              .filter(o -> "kill-switch".equals(o.strategy()))
              .findFirst()
              .orElseThrow();
      String detail = flatten.reasonDetail();
      assertThat(detail).matches("kill switch flatten; protection \\d+\\.\\d{2}");
      assertThat(flatten.type()).isEqualTo(OrderType.MARKET);
      assertThat(h.lines())
          .containsExactly(
              "RISK KILL_SWITCH ACTIVE->HALTED kill switch: flatten test",
              "ORDER ask PENDING_CANCEL",
              "ORDER kill-switch PENDING_NEW " + detail,
              "ORDER kill-switch SUBMITTED " + detail,
              "ORDER ask CANCELED",
              "ORDER kill-switch ACCEPTED " + detail,
              "FILL SELL 0.05000",
              "POSITION sim:BTC-USDT 0.00000",
              "ORDER kill-switch FILLED " + detail);
      assertThat(h.rec.of(Position.class).get(0).quantity().isZero()).isTrue();
    }
  }

  @Test
  void latchesUntilResume() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.run(h.ts.killSwitch("latched"));
      ControlResult reduce = h.run(h.ts.reduce("try to loosen"));
      assertThat(reduce)
          .isEqualTo(
              new ControlResult(
                  false,
                  TradingState.HALTED,
                  "refused: HALTED is latched (kill switch: latched); resume first"));
      h.rec.clear();
      h.offer(limit("x", Side.BUY, "0.01", "63000.00"));
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK DENIAL TRADING_HALTED [x] state=HALTED cause=kill switch: latched",
              "ORDER x REJECTED TRADING_HALTED state=HALTED cause=kill switch: latched");
      assertThat(h.run(h.ts.resume("ok")))
          .isEqualTo(new ControlResult(true, TradingState.ACTIVE, "resumed: ok"));
      assertThat(h.run(h.ts.reduce("now allowed")).ok()).isTrue();
      assertThat(h.run(h.ts.resume("again")).state()).isEqualTo(TradingState.ACTIVE);
      h.rec.clear();
      h.offer(limit("y", Side.BUY, "0.01", "63000.00"));
      h.settle();
      assertThat(h.rec.statuses(cid(h, "y")))
          .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED");
    }
  }

  @Test
  void measuresTheTimeUntilEveryCancelIsSent() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      for (int i = 0; i < 5; i++) {
        h.offer(limit("o" + i, Side.BUY, "0.01", "63000.00"));
      }
      h.settle();
      h.clock.tickOnRead(Duration.ofNanos(3_000)); // every clock read now takes 3 µs
      ControlResult r = h.run(h.ts.killSwitch("timed"));
      h.clock.tickOnRead(Duration.ZERO);
      assertThat(r.cancelsSentNanos()).isPositive();
      assertThat(r.cancelsSentNanos() % 3_000).isZero();
      assertThat(r.detail())
          .isEqualTo(
              "kill switch: 5 order cancels and 1 venue cancel-alls sent in "
                  + r.cancelsSentNanos() / 1_000
                  + " µs");
      assertThat(h.rec.of(Order.class))
          .filteredOn(o -> o.status() == OrderStatus.CANCELED)
          .hasSize(5);
    }
  }

  static String cid(RiskHarness h, String signalId) {
    return h.rec.of(Order.class).stream()
        .filter(o -> signalId.equals(o.signalId()))
        .findFirst()
        .orElseThrow()
        .clientOrderId();
  }
}
