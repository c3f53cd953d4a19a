package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.Sizing;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Risk wired into a running TradeServer: sizing, routing to venues, reloads, halts, overflow. */
class RiskServerTest {

  private static Signal.Builder btc(String id, Side side) {
    return Signal.builder().signalId(id).symbol("BTC-USDT").side(side).exchange("sim");
  }

  private static Order first(RiskHarness h, String signalId) {
    return h.rec.of(Order.class).stream()
        .filter(o -> signalId.equals(o.signalId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void notionalSignalIsSizedAtItsLimitPriceDownToTheStep() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(
          btc("n", Side.BUY)
              .type(OrderType.LIMIT)
              .price("64000.00")
              .notional(Quantity.parse("1000"))
              .build());
      h.settle();
      // 1000 / 64000.00 = 0.015625 → 0.01562 at the 0.00001 step
      assertThat(first(h, "n").quantity()).hasToString("0.01562");
    }
  }

  @Test
  void equityFractionSignal() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(
          btc("e", Side.BUY)
              .type(OrderType.LIMIT)
              .price("64000.00")
              .sizing(new Sizing(Sizing.Mode.EQUITY_FRACTION, new BigDecimal("0.001")))
              .build());
      h.settle();
      // equity 1,000,000 USDT + 20 BTC × 64000 = 2,280,000; 0.1 % = 2280 → 0.035625 → 0.03562
      assertThat(first(h, "e").quantity()).hasToString("0.03562");
    }
  }

  @Test
  void volatilitySizingWaitsForEnoughSamples() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(
          btc("v", Side.BUY)
              .type(OrderType.LIMIT)
              .price("64000.00")
              .sizing(new Sizing(Sizing.Mode.VOLATILITY, new BigDecimal("100")))
              .build());
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "SIGNAL_REJECTED v NO_REFERENCE_PRICE volatility of sim:BTC-USDT not known yet"
                  + " (needs 20 samples)");
    }
  }

  @Test
  void roundingIsVisibleInTheOrderEvents() {
    RiskConfig risk = RiskConfig.defaults().withGlobal(Limits.builder().roundToRules(true).build());
    try (RiskHarness h = new RiskHarness(risk)) {
      h.offer(
          btc("r", Side.BUY)
              .type(OrderType.LIMIT)
              .price("63000.009")
              .quantity("0.0123456")
              .build());
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "ORDER r PENDING_NEW price 63000.009 -> 63000.00; quantity 0.0123456 -> 0.01234",
              "ORDER r SUBMITTED price 63000.009 -> 63000.00; quantity 0.0123456 -> 0.01234",
              "ORDER r ACCEPTED price 63000.009 -> 63000.00; quantity 0.0123456 -> 0.01234");
      assertThat(h.venue.submitted.get(0).price()).isEqualTo(Price.parse("63000.00"));
    }
  }

  @Test
  void marketOrderGoesOutAsIocLimitWhereTheVenueHasNoProtectionPrice() {
    SimConfig sim = SimConfig.builder("sim").instruments(RiskHarness.STILL).build();
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults(), sim, true)) {
      h.offer(btc("m", Side.BUY).type(OrderType.MARKET).quantity("0.3").maxSlippageBps(30).build());
      h.settle();
      OrderRequest sent = h.venue.submitted.get(0);
      assertThat(sent.type()).isEqualTo(OrderType.LIMIT);
      assertThat(sent.timeInForce()).isEqualTo(TimeInForce.IOC);
      assertThat(sent.protectionPrice()).isNull();
      Order pending = first(h, "m");
      assertThat(pending.reasonDetail()).isEqualTo("protection " + sent.price());
      // The sim's asks are 0.25 per level from one tick above mid: 0.3 takes two levels, both
      // far below mid + 30 bps.
      assertThat(h.rec.of(Fill.class))
          .allSatisfy(f -> assertThat(f.price()).isLessThanOrEqualTo(sent.price()))
          .extracting(f -> f.quantity().toString())
          .containsExactly("0.25000", "0.05000");
    }
  }

  @Test
  void marketOrderKeepsItsTypeWhereTheVenueSupportsProtection() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(btc("m", Side.BUY).type(OrderType.MARKET).quantity("0.01").build());
      h.settle();
      OrderRequest sent = h.venue.submitted.get(0);
      assertThat(sent.type()).isEqualTo(OrderType.MARKET);
      assertThat(sent.price()).isNull();
      assertThat(sent.protectionPrice()).isNotNull();
    }
  }

  @Test
  void reloadWhileRunningSwapsOrRefusesWhole() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      RiskConfig tight =
          RiskConfig.defaults().withGlobal(Limits.builder().maxOrderQuantity("0.01").build());
      ControlResult ok = h.run(h.ts.reloadRisk(tight));
      assertThat(ok.ok()).isTrue();
      CompletableFuture<ControlResult> refused =
          h.ts.reloadRisk(tight.withVenue("binance", Limits.builder().maxOpenOrders(1).build()));
      h.settle();
      assertThat(refused.join().ok()).isFalse();
      assertThat(refused.join().detail())
          .isEqualTo(
              "risk limits refused: venue 'binance' has limits but is not configured (venues:"
                  + " [sim])");
      h.offer(btc("q", Side.BUY).type(OrderType.LIMIT).price("63000.00").quantity("0.02").build());
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK LIMITS_RELOADED risk limits reloaded",
              "RISK LIMITS_REFUSED risk limits refused: venue 'binance' has limits but is not"
                  + " configured (venues: [sim])",
              "RISK DENIAL ORDER_QUANTITY_ABOVE_LIMIT [q] limit=0.01 quantity=0.02000",
              "ORDER q REJECTED ORDER_QUANTITY_ABOVE_LIMIT limit=0.01 quantity=0.02000");
    }
  }

  @Test
  void haltedStillLetsCancelsThrough() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(
          btc("rest", Side.BUY).type(OrderType.LIMIT).price("63000.00").quantity("0.01").build());
      h.settle();
      String cid = first(h, "rest").clientOrderId();
      h.run(h.ts.halt("ops"));
      h.rec.clear();
      assertThat(h.run(h.ts.cancel(cid))).isTrue();
      h.settle();
      assertThat(h.lines()).containsExactly("ORDER rest PENDING_CANCEL", "ORDER rest CANCELED");
    }
  }

  @Test
  void extremeValuesAreDeniedAsOverflowAndTheEngineGoesOn() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(
          btc("p", Side.BUY)
              .type(OrderType.LIMIT)
              .price("92233720368547758.07")
              .quantity("1")
              .build(),
          btc("big", Side.SELL)
              .type(OrderType.LIMIT)
              .price("92233720368547759") // does not fit at the instrument's 2 decimals
              .quantity("0.01")
              .build(),
          btc("q", Side.BUY).type(OrderType.MARKET).quantity("92233720368547.75807").build(),
          btc("n", Side.BUY)
              .type(OrderType.MARKET)
              .notional(Quantity.parse("92233720368547758.07"))
              .build(),
          btc("ok", Side.BUY).type(OrderType.LIMIT).price("63000.00").quantity("0.01").build());
      h.settle();
      assertThat(h.lines())
          .containsExactly(
              "RISK DENIAL NOTIONAL_OVERFLOW [p] price=92233720368547758.07 quantity=1.00000 does"
                  + " not fit 64-bit fixed point",
              "ORDER p REJECTED NOTIONAL_OVERFLOW price=92233720368547758.07 quantity=1.00000"
                  + " does not fit 64-bit fixed point",
              "RISK DENIAL NOTIONAL_OVERFLOW [big] price=92233720368547759 quantity=0.01000 does"
                  + " not fit 64-bit fixed point",
              "ORDER big REJECTED NOTIONAL_OVERFLOW price=92233720368547759 quantity=0.01000"
                  + " does not fit 64-bit fixed point",
              "RISK DENIAL NOTIONAL_OVERFLOW [q] price=market quantity=92233720368547.75807 does"
                  + " not fit 64-bit fixed point",
              "ORDER q REJECTED NOTIONAL_OVERFLOW price=market quantity=92233720368547.75807"
                  + " does not fit 64-bit fixed point",
              // 92233720368547758.07 USDT / mid 64000.00 is a representable quantity, but its
              // notional does not fit the instrument's 7 notional decimals.
              "RISK DENIAL NOTIONAL_OVERFLOW [n] price=market quantity=1441152105938.57527 does"
                  + " not fit 64-bit fixed point",
              "ORDER n REJECTED NOTIONAL_OVERFLOW price=market quantity=1441152105938.57527"
                  + " does not fit 64-bit fixed point",
              "ORDER ok PENDING_NEW",
              "ORDER ok SUBMITTED",
              "ORDER ok ACCEPTED");
    }
  }
}
