package io.tradeserver.bench.jmh;

import io.tradeserver.model.Balance;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.order.OrderGateway;
import io.tradeserver.order.OrderListener;
import java.util.List;

/** Instruments, books and no-op collaborators shared by the benchmarks. */
final class Fixtures {
  private Fixtures() {}

  /** BTC-USDT with Binance's rules: 0.01 tick, 0.00001 step, 5 USDT minimum notional. */
  static Instrument btcUsdt(String venue) {
    return Instrument.builder(InstrumentId.of(venue, "BTC-USDT"), "BTCUSDT")
        .tickSize(Price.parse("0.01"))
        .stepSize(Quantity.parse("0.00001"))
        .minQuantity(Quantity.parse("0.00001"))
        .minNotional(Quantity.parse("5"))
        .build();
  }

  /** A two-sided book of {@code levels} per side, 0.01 apart around {@code mid}. */
  static OrderBook book(Instrument in, String mid, int levels, long updatedNanos) {
    OrderBook b = OrderBook.of(in);
    long m = Price.parse(mid).unitsAt(in.priceScale());
    long q = Quantity.parse("0.5").unitsAt(in.quantityScale());
    for (int i = 1; i <= levels; i++) {
      b.set(Side.BUY, m - i, q * i);
      b.set(Side.SELL, m + i, q * i);
    }
    b.updatedNanos(updatedNanos);
    return b;
  }

  static List<Balance> balances(String quote, String quoteAmount, String base, String baseAmount) {
    return List.of(
        new Balance(quote, Quantity.parse(quoteAmount), Quantity.parse("0")),
        new Balance(base, Quantity.parse(baseAmount), Quantity.parse("0")));
  }

  static final OrderGateway NO_GATEWAY =
      new OrderGateway() {
        @Override
        public void submit(ManagedOrder order) {}

        @Override
        public void cancel(ManagedOrder order) {}

        @Override
        public void query(ManagedOrder order) {}

        @Override
        public void requestOpenOrders(String venue) {}
      };

  static final OrderListener NO_LISTENER =
      new OrderListener() {
        @Override
        public void onOrderChanged(ManagedOrder order, io.tradeserver.model.OrderStatus previous) {}

        @Override
        public void onFill(
            ManagedOrder order, io.tradeserver.model.Fill fill, boolean reconciled) {}
      };

  /** RFC 8032 section 7.1 TEST 1's private key as a PKCS#8 PEM (a public test vector). */
  static String ed25519Pem() {
    byte[] der =
        java.util.HexFormat.of()
            .parseHex(
                "302e020100300506032b657004220420"
                    + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    return "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
