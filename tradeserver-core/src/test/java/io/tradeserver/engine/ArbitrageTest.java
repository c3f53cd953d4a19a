package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeserver.engine.ArbitrageOpportunity.Limit;
import io.tradeserver.engine.ArbitrageOutcome.Result;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.testing.SimRig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two simulated venues on separate markets (each mid set by the test), 10 bps taker fees, BTC-USDT
 * books of 0.50 spread and 0.25 BTC levels, 1,000,000 USDT and 20 BTC on each. When {@code b}'s mid
 * is moved 200 above {@code a}'s, b's bid (≈64,199.75) crosses a's ask (≈64,000.25) by ≈31 bps: ≈11
 * bps after fees, above the 5 bps threshold.
 */
class ArbitrageTest {
  final SimRig rig = new SimRig();

  @AfterEach
  void close() {
    rig.close();
  }

  void start(ArbitrageConfig config, RiskConfig risk) {
    rig.sim(
        "a",
        new SimulatedMarket(1, Duration.ofMillis(100)),
        b -> b.instruments(List.of(SimRig.btc(20, "0.25"))));
    rig.sim(
        "b",
        new SimulatedMarket(2, Duration.ofMillis(100)),
        b -> b.instruments(List.of(SimRig.btc(20, "0.25"))));
    rig.builder().arbitrage(config).risk(risk);
    rig.start();
    rig.step(Duration.ofMillis(100), 2);
  }

  void cross(String bMid) {
    rig.venue("b").control().setMid("BTC-USDT", Price.parse(bMid));
    rig.step(Duration.ofMillis(100), 1);
  }

  static ArbitrageConfig.Builder config() {
    return ArbitrageConfig.builder().thresholdBps("5").minInterval(Duration.ofSeconds(1));
  }

  @Test
  void anOpportunityIsPublishedWhenBidsCrossAsksByMoreThanFeesAndThreshold() {
    start(config().build(), RiskConfig.defaults());
    assertThat(rig.rec.of(ArbitrageOpportunity.class)).as("equal prices").isEmpty();
    cross("64200.00");

    List<ArbitrageOpportunity> found = rig.rec.of(ArbitrageOpportunity.class);
    assertThat(found).hasSize(1);
    ArbitrageOpportunity o = found.get(0);
    assertThat(o.buyVenue() + ">" + o.sellVenue()).isEqualTo("a>b");
    assertThat(o.bestAsk().toBigDecimal()).isCloseTo(new BigDecimal("64000.25"), within(tick()));
    assertThat(o.bestBid().toBigDecimal()).isCloseTo(new BigDecimal("64199.75"), within(tick()));
    assertThat(o.grossEdgeBps()).isCloseTo(new BigDecimal("31.17"), within(new BigDecimal("0.01")));
    assertThat(o.netEdgeBps()).isCloseTo(new BigDecimal("11.14"), within(new BigDecimal("0.05")));
    // 1,000,000 USDT on a buys ≈15.61 BTC at ≈64,064 a coin with the fee: less than b's 20 BTC
    assertThat(o.limitedBy()).isEqualTo(Limit.BUY_BALANCE);
    assertThat(o.quantity().toBigDecimal())
        .isCloseTo(new BigDecimal("15.609"), within(new BigDecimal("0.005")));
    BigDecimal q = o.quantity().toBigDecimal();
    BigDecimal cost = o.buyPrice().multiply(q).multiply(new BigDecimal("1.001"));
    assertThat(cost).isLessThanOrEqualTo(new BigDecimal("1000000"));
    BigDecimal profit = o.sellPrice().multiply(q).multiply(new BigDecimal("0.999")).subtract(cost);
    assertThat(o.expectedProfit()).isCloseTo(profit, within(new BigDecimal("0.0001")));
    assertThat(o.expectedProfit()).isCloseTo(new BigDecimal("1113"), within(new BigDecimal("5")));
    assertThat(o.quote()).isEqualTo("USDT");
    assertThat(rig.fresh().arbitrageOpportunities()).isEqualTo(1);
  }

  @Test
  void aPersistingOpportunityIsRepublishedAtMostOncePerIntervalAndAtOnceWhenItComesBack() {
    start(config().build(), RiskConfig.defaults());
    cross("64200.00");
    rig.step(Duration.ofMillis(100), 25); // 2.5 s of book updates every 100 ms
    assertThat(rig.rec.of(ArbitrageOpportunity.class))
        .extracting(ArbitrageOpportunity::id)
        .containsExactly(1L, 2L, 3L);
    cross("64000.00"); // gone
    cross("64200.00"); // back: published at once
    assertThat(rig.rec.of(ArbitrageOpportunity.class)).hasSize(4);
  }

  @Test
  void theSizeIsLimitedByWhatTheSellVenueHolds() {
    start(config().build(), RiskConfig.defaults());
    rig.venue("b").control().setBalance("BTC", "0.05");
    rig.venue("b").requestBalances();
    rig.settle();
    cross("64200.00");
    ArbitrageOpportunity o = rig.rec.of(ArbitrageOpportunity.class).get(0);
    assertThat(o.limitedBy()).isEqualTo(Limit.SELL_BALANCE);
    assertThat(o.quantity().toBigDecimal()).isEqualByComparingTo("0.05");
  }

  @Test
  void onlyTheConfiguredVenuesAndSymbolsAreCompared() {
    start(config().venues(List.of("a")).build(), RiskConfig.defaults());
    cross("64200.00");
    assertThat(rig.rec.of(ArbitrageOpportunity.class)).as("b is not compared").isEmpty();
  }

  @Test
  void aSymbolNotWatchedIsIgnored() {
    start(config().symbols(List.of("ETH-USDT")).build(), RiskConfig.defaults());
    cross("64200.00");
    assertThat(rig.rec.of(ArbitrageOpportunity.class)).isEmpty();
  }

  @Test
  void aSmallCrossInsideTheFeesIsNoOpportunity() {
    start(config().build(), RiskConfig.defaults());
    cross("64150.00"); // ≈23 bps gross: less than 20 bps of fees + 5 bps
    assertThat(rig.rec.of(ArbitrageOpportunity.class)).isEmpty();
  }

  @Test
  void autoExecutionTradesBothLegsAndRecordsTheProfit() {
    start(config().autoExecute(true).maxNotional("6500").build(), RiskConfig.defaults());
    cross("64200.00");
    rig.settle();

    ArbitrageOutcome out = single(ArbitrageOutcome.class);
    assertThat(out.result()).isEqualTo(Result.COMPLETED);
    assertThat(out.planned()).isEqualByComparingTo("0.10156"); // 6500 / 64000.25, to the step
    assertThat(out.bought()).isEqualByComparingTo("0.10156");
    assertThat(out.sold()).isEqualByComparingTo("0.10156");
    assertThat(out.residual()).isZero();
    assertThat(out.realizedPnl()).isEqualByComparingTo(cashFlow());
    assertThat(out.realizedPnl()).isCloseTo(new BigDecimal("7.24"), within(new BigDecimal("0.05")));
    assertThat(rig.rec.statuses(out.buyOrderId()))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "FILLED");
    assertThat(rig.rec.statuses(out.sellOrderId()))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "FILLED");
    assertThat(orders()).extracting(Order::signalId).contains("arb-1-buy", "arb-1-sell");
    assertThat(positions()).containsExactly("a:BTC-USDT 0.10156", "b:BTC-USDT -0.10156");
    assertThat(rig.fresh().arbitragePairs()).containsEntry("COMPLETED", 1L);
    assertThat(rig.rec.all()).last().isEqualTo(out); // published after the last leg's events
  }

  @Test
  void aFailedLegIsUnwoundAndTheOutcomeRecorded() {
    start(config().autoExecute(true).maxNotional("6500").build(), RiskConfig.defaults());
    rig.venue("b").control().rejectNext(RejectCode.VENUE_REJECTED);
    cross("64200.00");
    rig.settle();

    ArbitrageOutcome out = single(ArbitrageOutcome.class);
    assertThat(out.result()).isEqualTo(Result.UNWOUND);
    assertThat(out.bought()).isEqualByComparingTo("0.10156");
    assertThat(out.sold()).isZero();
    assertThat(out.unwound()).isEqualByComparingTo("0.10156");
    assertThat(out.residual()).isZero();
    assertThat(out.detail()).contains("sell b REJECTED VENUE_REJECTED");
    assertThat(rig.rec.statuses(out.sellOrderId()))
        .containsExactly("PENDING_NEW", "SUBMITTED", "REJECTED");
    assertThat(rig.rec.statuses(out.unwindOrderId()))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "FILLED");
    Order unwind = last(out.unwindOrderId());
    assertThat(unwind.instrumentId().exchange()).isEqualTo("a");
    assertThat(unwind.side()).isEqualTo(Side.SELL);
    assertThat(unwind.signalId()).isEqualTo("arb-1-unwind");
    assertThat(out.realizedPnl()).isEqualByComparingTo(cashFlow());
    // bought at the ask, sold back at the bid: the spread and two fees lost
    assertThat(out.realizedPnl())
        .isCloseTo(new BigDecimal("-13.05"), within(new BigDecimal("0.05")));
    assertThat(positions()).containsExactly("a:BTC-USDT 0.00000");
  }

  @Test
  void aLegRiskWouldRefuseMeansNothingIsSent() {
    RiskConfig risk =
        RiskConfig.defaults()
            .withInstrument("b:BTC-USDT", Limits.builder().maxPosition("0.05").build());
    start(config().autoExecute(true).maxNotional("6500").build(), risk);
    cross("64200.00");
    rig.settle();

    ArbitrageOutcome out = single(ArbitrageOutcome.class);
    assertThat(out.result()).isEqualTo(Result.NOT_SENT);
    assertThat(out.detail()).startsWith("sell b refused: POSITION_ABOVE_LIMIT");
    assertThat(out.buyOrderId()).isNull();
    assertThat(orders()).isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static BigDecimal tick() {
    return new BigDecimal("0.01");
  }

  private <T> T single(Class<T> type) {
    List<T> all = rig.rec.of(type);
    assertThat(all).as("%s in %s", type.getSimpleName(), rig.rec.all()).hasSize(1);
    return all.get(0);
  }

  private List<Order> orders() {
    return rig.rec.of(Order.class);
  }

  private Order last(String clientOrderId) {
    return orders().stream()
        .filter(o -> o.clientOrderId().equals(clientOrderId))
        .reduce((x, y) -> y)
        .orElseThrow();
  }

  /** Sells − buys − quote fees over every fill, computed from the fill events. */
  private BigDecimal cashFlow() {
    BigDecimal cash = BigDecimal.ZERO;
    for (Fill f : rig.rec.of(Fill.class)) {
      BigDecimal n =
          f.price().toBigDecimal().multiply(f.quantity().toBigDecimal(), MathContext.DECIMAL128);
      cash = cash.add(f.side() == Side.SELL ? n : n.negate()).subtract(f.fee().toBigDecimal());
    }
    return cash;
  }

  private List<String> positions() {
    return rig.fresh().positions().stream()
        .map((Position p) -> p.instrumentId() + " " + p.quantity())
        .sorted()
        .collect(Collectors.toList());
  }
}
