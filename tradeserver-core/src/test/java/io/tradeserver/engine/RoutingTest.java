package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.order.ClientOrderIds;
import io.tradeserver.testing.SimRig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Best-venue routing across three simulated venues around one market (mid 64,000.00, spread 0.50):
 *
 * <ul>
 *   <li>{@code thin}: 20 bps below the market, 10 bps taker fee, only 0.09 BTC per side;
 *   <li>{@code lowfee}: 10 bps below, 1 bp fee, deep;
 *   <li>{@code deep}: at the market, 10 bps fee, deep.
 * </ul>
 *
 * Expected effective prices are computed here from that book shape (level i at best + i ticks,
 * holding q × (1 + i/2)), independently of the router, to within the simulation's ±1 tick noise.
 */
class RoutingTest {
  static final BigDecimal TICK = new BigDecimal("0.01");
  final SimRig rig = new SimRig();

  @BeforeEach
  void venues() {
    rig.sim("thin", b -> b.instruments(List.of(SimRig.btc(5, "0.01"))).priceOffsetBps(-20));
    rig.sim(
        "lowfee",
        b ->
            b.instruments(List.of(SimRig.btc(20, "0.25")))
                .priceOffsetBps(-10)
                .takerFeeBps(BigDecimal.ONE));
    rig.sim("deep", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))));
    rig.start();
    rig.btcMid("64000.00");
    rig.step(Duration.ofMillis(100), 2);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void aSmallBuyGoesToTheVenueWithTheBestPriceAfterFees() {
    Order o = route("b1", Side.BUY, "0.05");
    assertThat(o.instrumentId().exchange()).isEqualTo("thin");
    Map<String, BigDecimal> quoted = assertRoute(o.route(), "thin", "lowfee", "deep");
    assertThat(quoted.get("thin")).isCloseTo(buy("63872.25", "0.01", "0.05", "10"), tol());
    assertThat(quoted.get("lowfee")).isCloseTo(buy("63936.25", "0.25", "0.05", "1"), tol());
    assertThat(quoted.get("deep")).isCloseTo(buy("64000.25", "0.25", "0.05", "10"), tol());
    assertThat(filledStatus(o)).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aBuyTooLargeForTheCheapestBookGoesWhereItCanBeFilled() {
    Order o = route("b2", Side.BUY, "0.5"); // thin holds 0.09: not a candidate
    assertThat(o.instrumentId().exchange()).isEqualTo("lowfee");
    Map<String, BigDecimal> quoted = assertRoute(o.route(), "lowfee", "deep");
    assertThat(quoted).doesNotContainKey("thin");
    assertThat(quoted.get("lowfee")).isCloseTo(buy("63936.25", "0.25", "0.5", "1"), tol());
  }

  @Test
  void aSellGoesToTheHighestBidAfterFeesThenFallsThroughDisabledAndUnfundedVenues() {
    Order first = route("s1", Side.SELL, "0.05");
    assertThat(first.instrumentId().exchange()).isEqualTo("deep");
    Map<String, BigDecimal> quoted = assertRoute(first.route(), "deep", "lowfee", "thin");
    assertThat(quoted.get("deep")).isCloseTo(sell("63999.75", "0.25", "0.05", "10"), tol());
    assertThat(quoted.get("lowfee")).isCloseTo(sell("63935.75", "0.25", "0.05", "1"), tol());

    control(rig.ts().setVenueEnabled("deep", false, "test"));
    Order second = route("s2", Side.SELL, "0.05");
    assertThat(second.instrumentId().exchange()).isEqualTo("lowfee");
    assertThat(second.route())
        .matches("lowfee@[0-9.]+ \\(alternatives: deep@[0-9.]+ refused, thin@.*");

    rig.venue("lowfee").control().setBalance("BTC", "0");
    rig.venue("lowfee").requestBalances();
    rig.settle();
    Order third = route("s3", Side.SELL, "0.05");
    assertThat(third.instrumentId().exchange()).isEqualTo("thin");
    assertRoute(third.route(), "thin", "deep", "lowfee");
    assertThat(third.route()).contains("deep@").contains(" refused, lowfee@").endsWith(" refused)");
    assertThat(filledStatus(third)).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void whenNoVenueTakesItTheOrderIsDeniedOnTheBestWithItsReason() {
    for (String v : List.of("thin", "lowfee", "deep")) {
      control(rig.ts().setVenueEnabled(v, false, "test"));
    }
    Order o = route("b3", Side.BUY, "0.05");
    assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(o.reason()).isEqualTo(RejectCode.VENUE_UNAVAILABLE);
    assertThat(o.instrumentId().exchange()).isEqualTo("thin");
    assertThat(o.route()).startsWith("thin@");
  }

  @Test
  void aVenueThatAskedUsToPauseRanksLastWhateverItsPrice() {
    long until = rig.clock.nanos() + Duration.ofSeconds(30).toNanos();
    rig.builder()
        .sink()
        .onEvent(new VenueAlert("thin", AlertKind.RATE_LIMITED, "429", until, rig.clock.nanos()));
    rig.settle();
    Order o = route("b4", Side.BUY, "0.05");
    assertThat(o.instrumentId().exchange()).isEqualTo("lowfee");
    assertThat(o.route())
        .endsWith(
            "thin@"
                + assertRoute(o.route(), "lowfee", "deep", "thin").get("thin").toPlainString()
                + " paused)");
  }

  @Test
  void aSignalNamingAVenueIsNotRouted() {
    rig.ts()
        .offer(
            Signal.builder()
                .signalId("named")
                .symbol("BTC-USDT")
                .side(Side.BUY)
                .type(OrderType.MARKET)
                .quantity("0.05")
                .exchange("deep")
                .build());
    rig.settle();
    Order o = rig.rec.of(Order.class).get(0);
    assertThat(o.instrumentId().exchange()).isEqualTo("deep");
    assertThat(o.route()).isNull();
  }

  @Test
  void
      aRedeliveredRoutedSignalWhoseOrderAnEarlierInstanceSentElsewhereIsTrackedThereNotSentAgain() {
    Signal s =
        Signal.builder()
            .signalId("r1")
            .symbol("BTC-USDT")
            .side(Side.BUY)
            .type(OrderType.LIMIT)
            .price("63000.00")
            .quantity("0.05")
            .exchange("best")
            .build();
    String cid = ClientOrderIds.forSignal(s.strategy(), s.signalId());
    // The instance that crashed had routed it to deep (books move) and sent it there.
    rig.venue("deep")
        .submit(
            OrderRequest.limit(
                cid,
                Instrument.builder(InstrumentId.of("deep", "BTC-USDT"), "BTCUSDT")
                    .tickSize(Price.parse("0.01"))
                    .stepSize(Quantity.parse("0.00001"))
                    .build(),
                Side.BUY,
                Price.parse("63000.00"),
                Quantity.parse("0.05")));
    rig.settle();
    rig.rec.clear();

    assertThat(rig.ts().offerRedelivery(s)).isEqualTo(OfferResult.ACCEPTED);
    rig.step(Duration.ofMillis(10), 5);

    List<Order> events = rig.rec.of(Order.class);
    assertThat(events.get(0).instrumentId().exchange())
        .as("routed here this time")
        .isEqualTo("thin");
    assertThat(events)
        .extracting(o -> o.instrumentId().exchange() + " " + o.status())
        .containsExactly("thin PENDING_NEW", "deep PENDING_NEW", "deep ACCEPTED");
    assertThat(events.get(2).reasonDetail()).contains("found on deep");
    assertThat(rig.fresh().openOrders()).as("one order, on deep").isEqualTo(1);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Order route(String id, Side side, String qty) {
    rig.rec.clear();
    rig.ts()
        .offer(
            Signal.builder()
                .signalId(id)
                .symbol("BTC-USDT")
                .side(side)
                .type(OrderType.MARKET)
                .quantity(qty)
                .exchange(id.length() % 2 == 0 ? "best" : null)
                .build());
    rig.settle();
    List<Order> orders = rig.rec.of(Order.class);
    assertThat(orders).as("order events for %s: %s", id, rig.rec.all()).isNotEmpty();
    return orders.get(0);
  }

  private OrderStatus filledStatus(Order o) {
    return rig.rec.of(Order.class).stream()
        .filter(x -> x.clientOrderId().equals(o.clientOrderId()))
        .reduce((a, b) -> b)
        .orElseThrow()
        .status();
  }

  private void control(java.util.concurrent.CompletableFuture<ControlResult> f) {
    rig.ts().doWork();
    assertThat(f.join().ok()).isTrue();
  }

  /** Parses "v@price [refused|paused] (alternatives: ...)" and checks the venue order. */
  private static Map<String, BigDecimal> assertRoute(String route, String... venuesInOrder) {
    Matcher m = Pattern.compile("([a-z]+)@([0-9.]+)").matcher(route);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    while (m.find()) {
      out.put(m.group(1), new BigDecimal(m.group(2)));
    }
    assertThat(out.keySet()).as(route).containsExactly(venuesInOrder);
    return out;
  }

  private static org.assertj.core.data.Offset<BigDecimal> tol() {
    return within(new BigDecimal("0.02"));
  }

  /** VWAP of taking {@code qty} from a side starting at {@code best}, times (1 ± fee). */
  private static BigDecimal buy(String best, String level, String qty, String feeBps) {
    return vwap(new BigDecimal(best), TICK, new BigDecimal(level), new BigDecimal(qty))
        .multiply(BigDecimal.ONE.add(new BigDecimal(feeBps).movePointLeft(4)));
  }

  private static BigDecimal sell(String best, String level, String qty, String feeBps) {
    return vwap(new BigDecimal(best), TICK.negate(), new BigDecimal(level), new BigDecimal(qty))
        .multiply(BigDecimal.ONE.subtract(new BigDecimal(feeBps).movePointLeft(4)));
  }

  private static BigDecimal vwap(BigDecimal best, BigDecimal step, BigDecimal level, BigDecimal q) {
    BigDecimal left = q;
    BigDecimal cost = BigDecimal.ZERO;
    for (int i = 0; left.signum() > 0; i++) {
      BigDecimal take = left.min(level.multiply(BigDecimal.valueOf(1 + i / 2)));
      cost = cost.add(take.multiply(best.add(step.multiply(BigDecimal.valueOf(i)))));
      left = left.subtract(take);
    }
    return cost.divide(q, MathContext.DECIMAL64);
  }
}
