package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The venue's instrument rules, and optional rounding to them. */
class VenueRulesTest {
  private RiskFixture f;

  @BeforeEach
  void setUp() {
    f = new RiskFixture().rich();
    f.book(f.btc, "99.99", "100.01");
  }

  @Test
  void instrumentMustBeTradable() {
    Instrument halted = f.btc.toBuilder().tradable(false).build();
    assertThat(f.deny(f.limit(halted, Side.BUY, "100.00", "1")))
        .isEqualTo("INSTRUMENT_NOT_TRADABLE sim:BTC-USDT not tradable");
  }

  @Test
  void priceMustBePositive() {
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "0.00", "1")))
        .isEqualTo("PRICE_NOT_POSITIVE price=0.00");
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "-0.01", "1")))
        .isEqualTo("PRICE_NOT_POSITIVE price=-0.01");
  }

  @Test
  void priceMustBeOnTheTick() {
    f.pass(f.limit(f.btc, Side.BUY, "100.01", "1"));
    assertThat(f.deny(f.rawLimit(f.btc, Side.BUY, "100.005", "1")))
        .isEqualTo("PRICE_NOT_ON_TICK price=100.005 tick=0.01");
  }

  @Test
  void aPriceOnTheTickWithOtherDecimalsIsSentAtTheVenuesDecimals() {
    OrderRequest sent =
        f.pass(
            OrderRequest.limit(
                "x1", f.btc, Side.BUY, Price.parse("100.0100", 4), Quantity.parse("1.000000", 6)));
    assertThat(sent.price().scale()).isEqualTo(2);
    assertThat(sent.price().toString()).isEqualTo("100.01");
    assertThat(sent.quantity().toString()).isEqualTo("1.00000");
  }

  @Test
  void quantityMustBePositiveAndOnTheStep() {
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0")))
        .isEqualTo("QUANTITY_NOT_POSITIVE quantity=0.00000");
    f.pass(f.rawLimit(f.btc, Side.BUY, "100.00", "0.12"));
    assertThat(f.deny(f.rawLimit(f.btc, Side.BUY, "100.00", "0.120005")))
        .isEqualTo("QUANTITY_NOT_ON_STEP quantity=0.120005 step=0.00001");
  }

  @Test
  void minimumAndMaximumQuantity() {
    f.book(f.btc, "99999.99", "100000.01");
    f.pass(f.limit(f.btc, Side.BUY, "100000.00", "0.0001"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100000.00", "0.00009")))
        .isEqualTo("QUANTITY_BELOW_MIN quantity=0.00009 min=0.0001");
    f.book(f.btc, "9999.99", "10000.01");
    f.pass(f.limit(f.btc, Side.BUY, "10000.00", "100"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "10000.00", "100.00001")))
        .isEqualTo("QUANTITY_ABOVE_MAX quantity=100.00001 max=100");
  }

  @Test
  void marketOrdersHaveTheirOwnMaximum() {
    f.book(f.btc, new String[][] {{"99.99", "50"}}, new String[][] {{"100.01", "50"}});
    f.pass(f.market(f.btc, Side.BUY, "10"));
    assertThat(f.deny(f.market(f.btc, Side.BUY, "10.00001")))
        .isEqualTo("QUANTITY_ABOVE_MAX quantity=10.00001 marketMax=10");
  }

  @Test
  void minimumNotional() {
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "0.05"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0.04999")))
        .isEqualTo("NOTIONAL_BELOW_MIN notional=4.999 min=5");
  }

  @Test
  void maximumNotionalFromTheVenue() {
    f.book(f.btc, "9999.99", "10000.01");
    f.pass(f.limit(f.btc, Side.BUY, "10000.00", "100"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "10000.01", "100")))
        .isEqualTo("NOTIONAL_ABOVE_MAX notional=1000001.00 max=1000000");
  }

  @Test
  void roundingMovesThePriceToThePassiveSideAndTheQuantityDown() {
    f =
        new RiskFixture(
                RiskConfig.defaults().withGlobal(Limits.builder().roundToRules(true).build()))
            .rich();
    f.book(f.btc, "99.99", "100.01");
    RiskResult buy = f.check(f.rawLimit(f.btc, Side.BUY, "100.009", "0.123456"));
    assertThat(buy.accepted()).isTrue();
    assertThat(buy.order().price()).isEqualTo(Price.parse("100.00"));
    assertThat(buy.order().price().scale()).isEqualTo(2);
    assertThat(buy.order().quantity().toString()).isEqualTo("0.12345");
    assertThat(buy.adjustment()).isEqualTo("price 100.009 -> 100.00; quantity 0.123456 -> 0.12345");

    RiskResult sell = f.check(f.rawLimit(f.btc, Side.SELL, "100.001", "0.5"));
    assertThat(sell.order().price().toString()).isEqualTo("100.01");
    assertThat(sell.adjustment()).isEqualTo("price 100.001 -> 100.01");
  }

  @Test
  void roundingStillRefusesWhatRoundsToNothing() {
    f =
        new RiskFixture(
                RiskConfig.defaults().withGlobal(Limits.builder().roundToRules(true).build()))
            .rich();
    f.book(f.btc, "0.01", "0.02");
    assertThat(f.deny(f.rawLimit(f.btc, Side.BUY, "0.005", "1000")))
        .isEqualTo("PRICE_NOT_ON_TICK price=0.005 tick=0.01");
    f.book(f.btc, "99.99", "100.01");
    assertThat(f.deny(f.rawLimit(f.btc, Side.BUY, "100.00", "0.000099")))
        .isEqualTo("QUANTITY_BELOW_MIN quantity=0.00009 min=0.0001");
  }

  @Test
  void withoutRoundingNothingIsAdjusted() {
    RiskResult r = f.check(f.limit(f.btc, Side.BUY, "100.00", "1"));
    assertThat(r.adjustment()).isNull();
    assertThat(r.order().quantity()).isEqualTo(Quantity.parse("1"));
  }
}
