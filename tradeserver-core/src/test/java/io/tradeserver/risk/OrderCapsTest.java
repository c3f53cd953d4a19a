package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Side;
import org.junit.jupiter.api.Test;

/** Configured order quantity and notional caps, and which level's value applies. */
class OrderCapsTest {

  private static RiskFixture with(RiskConfig config) {
    RiskFixture f = new RiskFixture(config).rich();
    f.book(f.btc, "3060.24", "3060.26");
    f.book(f.eth, "3060.24", "3060.26");
    f.book(f.btcB, "3060.24", "3060.26");
    return f;
  }

  @Test
  void maxOrderQuantity() {
    RiskFixture f =
        with(RiskConfig.defaults().withGlobal(Limits.builder().maxOrderQuantity("0.5").build()));
    f.pass(f.limit(f.btc, Side.BUY, "3060.25", "0.5"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "3060.25", "0.50001")))
        .isEqualTo("ORDER_QUANTITY_ABOVE_LIMIT limit=0.5 quantity=0.50001");
  }

  @Test
  void maxOrderNotional() {
    RiskFixture f =
        with(RiskConfig.defaults().withGlobal(Limits.builder().maxOrderNotional("5000").build()));
    f.pass(f.limit(f.btc, Side.SELL, "3060.25", "1.63"));
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "3060.25", "2")))
        .isEqualTo("NOTIONAL_ABOVE_LIMIT limit=5000 notional=6120.50");
  }

  @Test
  void maxOrderNotionalJustInsideAndOutside() {
    RiskFixture f =
        with(RiskConfig.defaults().withGlobal(Limits.builder().maxOrderNotional("5000").build()));
    f.book(f.btc, "99.99", "100.01");
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "50"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "50.00001")))
        .isEqualTo("NOTIONAL_ABOVE_LIMIT limit=5000 notional=5000.001");
  }

  @Test
  void instrumentOverridesVenueOverridesGlobal() {
    RiskConfig c =
        RiskConfig.defaults()
            .withGlobal(Limits.builder().maxOrderNotional("5000").maxOrderQuantity("3").build())
            .withVenue("sim", Limits.builder().maxOrderNotional("4000").build())
            .withInstrument("sim:BTC-USDT", Limits.builder().maxOrderNotional("3000").build());
    RiskFixture f = with(c);
    // sim:BTC-USDT: its own 3000
    f.pass(f.limit(f.btc, Side.BUY, "3060.25", "0.98"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "3060.25", "0.99")))
        .isEqualTo("NOTIONAL_ABOVE_LIMIT limit=3000 notional=3029.6475");
    // sim:ETH-USDT: the venue's 4000
    f.pass(f.limit(f.eth, Side.BUY, "3060.25", "1.3"));
    assertThat(f.deny(f.limit(f.eth, Side.BUY, "3060.25", "1.31")))
        .isEqualTo("NOTIONAL_ABOVE_LIMIT limit=4000 notional=4008.9275");
    // simb:BTC-USDT: the global 5000
    f.pass(f.limit(f.btcB, Side.BUY, "3060.25", "1.63"));
    assertThat(f.deny(f.limit(f.btcB, Side.BUY, "3060.25", "1.64")))
        .isEqualTo("NOTIONAL_ABOVE_LIMIT limit=5000 notional=5018.81");
    // A field the instrument does not set is inherited: the global quantity cap.
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "3.00001")))
        .startsWith("ORDER_QUANTITY_ABOVE_LIMIT limit=3 ");
  }

  @Test
  void venueQuantityCapOverGlobal() {
    RiskConfig c =
        RiskConfig.defaults()
            .withGlobal(Limits.builder().maxOrderQuantity("2").build())
            .withVenue("simb", Limits.builder().maxOrderQuantity("1").build());
    RiskFixture f = with(c);
    f.pass(f.limit(f.btc, Side.BUY, "3060.25", "2"));
    f.pass(f.limit(f.btcB, Side.BUY, "3060.25", "1"));
    assertThat(f.deny(f.limit(f.btcB, Side.BUY, "3060.25", "1.00001")))
        .isEqualTo("ORDER_QUANTITY_ABOVE_LIMIT limit=1 quantity=1.00001");
  }
}
