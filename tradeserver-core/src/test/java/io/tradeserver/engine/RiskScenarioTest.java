package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.TradingState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst of signals through a TradeServer on the simulated venue, host-driven with a TestClock:
 * the exact sequence of order, risk and dead-letter events, then a market order, the kill switch, a
 * denial while halted and a resume.
 */
class RiskScenarioTest {

  private static Signal limit(String id, Side side, String symbol, String qty, String price) {
    return Signal.builder()
        .signalId(id)
        .strategy("burst")
        .symbol(symbol)
        .side(side)
        .type(OrderType.LIMIT)
        .quantity(qty)
        .price(price)
        .exchange("sim")
        .build();
  }

  @Test
  void burstThroughTheSimVenue() {
    RiskConfig risk =
        RiskConfig.defaults()
            .withGlobal(Limits.builder().maxOrderNotional("5000").build())
            .withInstrument(
                "sim:BTC-USDT", Limits.builder().maxPosition("0.1").maxOpenOrders(3).build())
            .withStrategyRate("burst", 4);
    try (RiskHarness h = new RiskHarness(risk)) {
      h.offer(
          limit("s1", Side.BUY, "BTC-USDT", "0.02", "63000.00"),
          limit("s2", Side.BUY, "BTC-USDT", "0.1", "63000.00"),
          limit("s3", Side.BUY, "BTC-USDT", "0.05", "63000.005"),
          limit("s1", Side.BUY, "BTC-USDT", "0.02", "63000.00"),
          limit("s5", Side.BUY, "BTC-USDT", "0.05", "63000.00"),
          limit("s6", Side.BUY, "BTC-USDT", "0.04", "63000.00"),
          limit("s7", Side.SELL, "BTC-USDT", "0.01", "65000.00"),
          limit("s8", Side.SELL, "BTC-USDT", "0.01", "65000.00"),
          limit("s9", Side.BUY, "ETH-USDT", "0.1", "3100.00"),
          limit("s10", Side.BUY, "ETH-USDT", "0.1", "3100.00"),
          limit("s11", Side.BUY, "XRP-USDT", "10", "0.50"));
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "ORDER s1 PENDING_NEW",
              "ORDER s1 SUBMITTED",
              "RISK DENIAL NOTIONAL_ABOVE_LIMIT [s2] limit=5000 notional=6300.00",
              "ORDER s2 REJECTED NOTIONAL_ABOVE_LIMIT limit=5000 notional=6300.00",
              "RISK DENIAL PRICE_NOT_ON_TICK [s3] price=63000.005 tick=0.01",
              "ORDER s3 REJECTED PRICE_NOT_ON_TICK price=63000.005 tick=0.01",
              "SIGNAL_REJECTED s1 DUPLICATE_SIGNAL signalId s1 seen before",
              "ORDER s5 PENDING_NEW",
              "ORDER s5 SUBMITTED",
              "RISK DENIAL POSITION_ABOVE_LIMIT [s6] limit=0.1 projected=0.11000",
              "ORDER s6 REJECTED POSITION_ABOVE_LIMIT limit=0.1 projected=0.11000",
              "ORDER s7 PENDING_NEW",
              "ORDER s7 SUBMITTED",
              "RISK DENIAL OPEN_ORDERS_ABOVE_LIMIT [s8] sim:BTC-USDT limit=3 open=3",
              "ORDER s8 REJECTED OPEN_ORDERS_ABOVE_LIMIT sim:BTC-USDT limit=3 open=3",
              "ORDER s9 PENDING_NEW",
              "ORDER s9 SUBMITTED",
              "RISK DENIAL ORDER_RATE_EXCEEDED [s10] strategy burst limit=4/s",
              "ORDER s10 REJECTED ORDER_RATE_EXCEEDED strategy burst limit=4/s",
              "SIGNAL_REJECTED s11 UNKNOWN_SYMBOL XRP-USDT not traded on sim",
              "ORDER s1 ACCEPTED",
              "ORDER s5 ACCEPTED",
              "ORDER s7 ACCEPTED",
              "ORDER s9 ACCEPTED");
      assertThat(h.run(h.ts.freshStatus()).rejectsByReason())
          .containsOnly(
              java.util.Map.entry("DUPLICATE_SIGNAL", 1L),
              java.util.Map.entry("NOTIONAL_ABOVE_LIMIT", 1L),
              java.util.Map.entry("OPEN_ORDERS_ABOVE_LIMIT", 1L),
              java.util.Map.entry("ORDER_RATE_EXCEEDED", 1L),
              java.util.Map.entry("POSITION_ABOVE_LIMIT", 1L),
              java.util.Map.entry("PRICE_NOT_ON_TICK", 1L),
              java.util.Map.entry("UNKNOWN_SYMBOL", 1L));

      // A second later the bucket has refilled: a market sell (ETH: BTC has 3 open orders) goes
      // out with its protection price and fills.
      h.rec.clear();
      h.pump(Duration.ofSeconds(1), 1);
      h.offer(
          Signal.builder()
              .signalId("s12")
              .strategy("burst")
              .symbol("ETH-USDT")
              .side(Side.SELL)
              .type(OrderType.MARKET)
              .quantity("0.1")
              .exchange("sim")
              .maxSlippageBps(20)
              .build());
      h.settle();
      List<String> lines = h.lines();
      Order pending = h.rec.of(Order.class).get(0);
      String protection = pending.reasonDetail().substring("protection ".length());
      assertThat(lines)
          .containsExactly(
              "ORDER s12 PENDING_NEW protection " + protection,
              "ORDER s12 SUBMITTED protection " + protection,
              "ORDER s12 ACCEPTED protection " + protection,
              "FILL SELL 0.1000",
              "POSITION sim:ETH-USDT -0.1000",
              "ORDER s12 FILLED protection " + protection);
      Fill fill = h.rec.of(Fill.class).get(0);
      assertThat(fill.price()).isGreaterThanOrEqualTo(Price.parse(protection));
      assertThat(pending.type()).isEqualTo(OrderType.MARKET);

      // The kill switch pulls the four resting orders and latches HALTED.
      h.rec.clear();
      ControlResult kill = h.run(h.ts.killSwitch("scenario"));
      assertThat(kill.ok()).isTrue();
      assertThat(kill.state()).isEqualTo(TradingState.HALTED);
      assertThat(kill.detail())
          .isEqualTo("kill switch: 4 order cancels and 1 venue cancel-alls sent in 0 µs");
      assertThat(kill.cancelsSentNanos()).isZero(); // the test clock did not move
      h.offer(limit("s13", Side.BUY, "BTC-USDT", "0.01", "63000.00"));
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK KILL_SWITCH ACTIVE->HALTED kill switch: scenario",
              "ORDER s1 PENDING_CANCEL",
              "ORDER s5 PENDING_CANCEL",
              "ORDER s7 PENDING_CANCEL",
              "ORDER s9 PENDING_CANCEL",
              "ORDER s1 CANCELED",
              "ORDER s5 CANCELED",
              "ORDER s7 CANCELED",
              "ORDER s9 CANCELED",
              "RISK DENIAL TRADING_HALTED [s13] state=HALTED cause=kill switch: scenario",
              "ORDER s13 REJECTED TRADING_HALTED state=HALTED cause=kill switch: scenario");

      h.rec.clear();
      assertThat(h.run(h.ts.resume("scenario over")).state()).isEqualTo(TradingState.ACTIVE);
      h.offer(limit("s14", Side.BUY, "BTC-USDT", "0.01", "63000.00"));
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK STATE_CHANGE HALTED->ACTIVE scenario over",
              "ORDER s14 PENDING_NEW",
              "ORDER s14 SUBMITTED",
              "ORDER s14 ACCEPTED");
      assertThat(h.rec.of(Order.class).get(2).status()).isEqualTo(OrderStatus.ACCEPTED);
    }
  }
}
