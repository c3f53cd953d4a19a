package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderCanceled;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Position, exposure, open-order and balance limits, counting open orders. */
class PortfolioLimitsTest {

  private static RiskFixture with(RiskConfig config) {
    RiskFixture f = new RiskFixture(config).rich();
    f.book(f.btc, "99.99", "100.01");
    f.book(f.eth, "99.99", "100.01");
    f.book(f.btcB, "99.99", "100.01");
    return f;
  }

  @Test
  void maxPositionCountsPositionAndOpenOrdersOnTheOrdersSide() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withInstrument("sim:BTC-USDT", Limits.builder().maxPosition("1").build()));
    f.position(f.btc, Side.BUY, "0.4", "100");
    f.open(f.limit(f.btc, Side.BUY, "99.00", "0.5"));
    f.open(f.limit(f.btc, Side.SELL, "101.00", "0.2"));
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "0.1"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0.10001")))
        .isEqualTo("POSITION_ABOVE_LIMIT limit=1 projected=1.00001");
    // Short side: 0.4 − 0.2 working − 1.2 = −1.0
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "1.2"));
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "1.20001")))
        .isEqualTo("POSITION_ABOVE_LIMIT limit=1 projected=-1.00001");
  }

  @Test
  void venueGrossExposureInQuoteCurrency() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withVenue("sim", Limits.builder().maxGrossExposure("1000").build()));
    f.position(f.btc, Side.BUY, "5", "90"); // 500 at mid 100
    f.open(f.limit(f.eth, Side.BUY, "99.00", "2")); // 200 more if it fills
    f.pass(f.limit(f.eth, Side.BUY, "100.00", "3"));
    assertThat(f.deny(f.limit(f.eth, Side.BUY, "100.00", "3.0001")))
        .isEqualTo("GROSS_EXPOSURE_ABOVE_LIMIT sim USDT limit=1000 projected=1000.01");
    // The other venue has no limit.
    f.pass(f.limit(f.btcB, Side.BUY, "100.00", "50"));
  }

  @Test
  void anOrderThatDoesNotIncreaseExposurePassesEvenAboveTheLimit() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withVenue("sim", Limits.builder().maxGrossExposure("600").build()));
    f.position(f.btc, Side.BUY, "5", "100");
    f.open(f.limit(f.eth, Side.BUY, "99.00", "2")); // 700 > 600 already
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "1"));
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "5"));
    // Selling 10 at most turns +5 into −5: the worst case is no larger.
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "10"));
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "10.00001")))
        .isEqualTo("GROSS_EXPOSURE_ABOVE_LIMIT sim USDT limit=600 projected=700.001");
    assertThat(f.deny(f.limit(f.eth, Side.BUY, "100.00", "0.05")))
        .isEqualTo("GROSS_EXPOSURE_ABOVE_LIMIT sim USDT limit=600 projected=705.00");
  }

  @Test
  void venueNetExposureOnBothSides() {
    RiskFixture f =
        with(
            RiskConfig.defaults().withVenue("sim", Limits.builder().maxNetExposure("600").build()));
    f.position(f.btc, Side.BUY, "5", "100"); // +500
    f.pass(f.limit(f.eth, Side.BUY, "100.00", "1"));
    assertThat(f.deny(f.limit(f.eth, Side.BUY, "100.00", "1.0001")))
        .isEqualTo("NET_EXPOSURE_ABOVE_LIMIT sim USDT limit=600 projected=600.01");
    // Short eth offsets the long btc first: +500 − 1100 = −600.
    f.pass(f.limit(f.eth, Side.SELL, "100.00", "11"));
    assertThat(f.deny(f.limit(f.eth, Side.SELL, "100.00", "11.0001")))
        .isEqualTo("NET_EXPOSURE_ABOVE_LIMIT sim USDT limit=600 projected=600.01");
  }

  @Test
  void totalExposureAcrossVenues() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withTotals(
                    Map.of("USDT", new BigDecimal("800")), Map.of("USDT", new BigDecimal("750"))));
    f.position(f.btc, Side.BUY, "5", "100");
    f.position(f.btcB, Side.BUY, "2", "100");
    f.pass(f.limit(f.btcB, Side.BUY, "100.00", "0.5"));
    assertThat(f.deny(f.limit(f.btcB, Side.BUY, "100.00", "0.50001")))
        .isEqualTo("NET_EXPOSURE_ABOVE_LIMIT total USDT limit=750 projected=750.001");
    f.pass(f.limit(f.btcB, Side.SELL, "100.00", "3"));
    f.position(f.eth, Side.SELL, "1", "100"); // gross 800 now, net 600
    assertThat(f.deny(f.limit(f.btcB, Side.BUY, "100.00", "0.05")))
        .isEqualTo("GROSS_EXPOSURE_ABOVE_LIMIT total USDT limit=800 projected=805.00");
  }

  @Test
  void openOrdersPerInstrumentAndPerVenue() {
    RiskFixture f =
        with(
            RiskConfig.defaults()
                .withVenue("sim", Limits.builder().maxOpenOrders(3).build())
                .withInstrument("sim:BTC-USDT", Limits.builder().maxOpenOrders(2).build()));
    f.open(f.pass(f.limit(f.btc, Side.BUY, "99.00", "0.1")));
    f.open(f.pass(f.limit(f.btc, Side.BUY, "99.00", "0.1")));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "99.00", "0.1")))
        .isEqualTo("OPEN_ORDERS_ABOVE_LIMIT sim:BTC-USDT limit=2 open=2");
    f.open(f.pass(f.limit(f.eth, Side.BUY, "99.00", "0.1")));
    assertThat(f.deny(f.limit(f.eth, Side.BUY, "99.00", "0.1")))
        .isEqualTo("OPEN_ORDERS_ABOVE_LIMIT venue sim limit=3 open=3");
    f.pass(f.limit(f.btcB, Side.BUY, "99.00", "0.1"));
  }

  @Test
  void freeQuoteCountsWhatOpenBuysReserveOnEveryInstrument() {
    RiskFixture f = with(RiskConfig.defaults());
    f.balances("sim", "USDT", "1000", "BTC", "1");
    f.open(f.limit(f.btc, Side.BUY, "100.00", "2.5")); // 250 at notional scale 7
    f.open(f.limit(f.eth, Side.BUY, "100.00", "1.5")); // 150 at notional scale 6
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "6"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "6.00001")))
        .isEqualTo("INSUFFICIENT_BALANCE USDT total=1000 reserved=400 order=600.001");
  }

  @Test
  void freeBaseCountsWhatOpenSellsReserve() {
    RiskFixture f = with(RiskConfig.defaults());
    f.balances("sim", "USDT", "1000", "BTC", "1");
    f.open(f.limit(f.btc, Side.SELL, "101.00", "0.4"));
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "0.6"));
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.60001")))
        .isEqualTo("INSUFFICIENT_BALANCE BTC total=1 reserved=0.4 order=0.60001");
  }

  @Test
  void marketBuyReservesAtItsProtectionPrice() {
    RiskFixture f = with(RiskConfig.defaults());
    f.book(
        f.btc, new String[][] {{"99.99", "1"}}, new String[][] {{"100.01", "1"}, {"100.05", "1"}});
    f.balances("sim", "USDT", "200.06");
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", 3).accepted()).isTrue();
    f.balances("sim", "USDT", "200.05");
    assertThat(f.risk.check(f.market(f.btc, Side.BUY, "2"), "s", 3).denial().toString())
        .isEqualTo("INSUFFICIENT_BALANCE USDT total=200.05 reserved=0 order=200.06");
  }

  @Test
  void unknownBalancesAreRefusedUnlessNotRequired() {
    RiskFixture f = new RiskFixture();
    f.book(f.btc, "99.99", "100.01");
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "1")))
        .isEqualTo("INSUFFICIENT_BALANCE balances of sim unknown (requireBalances)");
    RiskFixture g =
        new RiskFixture(
            RiskConfig.defaults()
                .withVenue("sim", Limits.builder().requireBalances(false).build()));
    g.book(g.btc, "99.99", "100.01");
    g.pass(g.limit(g.btc, Side.BUY, "100.00", "1"));
  }

  @Test
  void anOrderRiskNeverCheckedReservesBalanceAtOnce() {
    RiskFixture f = with(RiskConfig.defaults());
    f.balances("sim", "USDT", "1000");
    // An order adopted from the venue: it never passed risk.
    f.orders.submit(f.limit(f.eth, Side.BUY, "100.00", "5"));
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "5"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "6")))
        .isEqualTo("INSUFFICIENT_BALANCE USDT total=1000 reserved=500 order=600");
  }

  @Test
  void onlyOrdersOnTheVenueAndInTheAssetReserveIt() {
    RiskFixture f = with(RiskConfig.defaults());
    f.balances("sim", "USDT", "1000", "BTC", "10");
    f.open(f.limit(f.eth, Side.BUY, "100.00", "2")); // reserves 200 USDT
    f.open(f.limit(f.btcB, Side.BUY, "100.00", "5")); // on the other venue
    f.open(f.limit(f.btc, Side.SELL, "100.00", "3")); // reserves 3 BTC, no USDT
    OrderRequest closed = f.limit(f.eth, Side.BUY, "100.00", "4");
    f.open(closed);
    f.orders.onOrderCanceled(
        new OrderCanceled("sim", f.eth.id(), closed.clientOrderId(), null, 0)); // reserves no more
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "8"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "8.01")))
        .isEqualTo("INSUFFICIENT_BALANCE USDT total=1000 reserved=200 order=801");
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "7.01")))
        .isEqualTo("INSUFFICIENT_BALANCE BTC total=10 reserved=3 order=7.01");
  }
}
