package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client order id in use is refused; arithmetic overflow is a denial, never a wrap. */
class DuplicateAndOverflowTest {
  private RiskFixture f;

  @BeforeEach
  void setUp() {
    f = new RiskFixture().rich();
    f.book(f.btc, "99.99", "100.01");
    f.book(f.eth, "99.99", "100.01");
  }

  @Test
  void duplicateClientOrderId() {
    OrderRequest first = f.limit(f.btc, Side.BUY, "100.00", "1");
    f.open(f.pass(first));
    OrderRequest again =
        OrderRequest.limit(
            first.clientOrderId(), f.btc, Side.SELL, Price.parse("100.00"), Quantity.parse("1"));
    assertThat(f.deny(again)).isEqualTo("DUPLICATE_CLIENT_ORDER_ID clientOrderId=c1");
  }

  @Test
  void notionalOverflowOfALimitOrder() {
    // The largest price the fixed point holds, on tick, inside the venue's quantity limit.
    OrderRequest o = f.limit(f.eth, Side.BUY, "92233720368547758.07", "100");
    assertThat(f.deny(o))
        .isEqualTo(
            "NOTIONAL_OVERFLOW price=92233720368547758.07 quantity=100.0000"
                + " does not fit 64-bit fixed point");
  }

  @Test
  void priceOverflowWhenBroughtToTheVenuesDecimals() {
    OrderRequest o =
        OrderRequest.limit(
            "big", f.eth, Side.SELL, Price.of(Long.MAX_VALUE, 0), Quantity.parse("1", 4));
    assertThat(f.deny(o))
        .isEqualTo(
            "NOTIONAL_OVERFLOW price=9223372036854775807 quantity=1.0000"
                + " does not fit 64-bit fixed point");
  }

  @Test
  void notionalOverflowOfAMarketOrder() {
    OrderRequest o =
        new OrderRequest(
            "m",
            f.eth,
            Side.BUY,
            OrderType.MARKET,
            TimeInForce.IOC,
            null,
            Quantity.of(Long.MAX_VALUE, 4),
            null,
            null,
            null,
            "s",
            0);
    assertThat(f.deny(o))
        .isEqualTo(
            "NOTIONAL_OVERFLOW price=market quantity=922337203685477.5807"
                + " does not fit 64-bit fixed point");
  }

  @Test
  void theLargestRepresentableOrderThatFitsStillPasses() {
    f.book(f.eth, "92233720368.54", "92233720368.56");
    f.balances("sim", "USDT", "92233720368.55");
    f.pass(f.limit(f.eth, Side.BUY, "92233720368.55", "1"));
  }
}
