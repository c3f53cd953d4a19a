package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderAccepted;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.order.OrderGateway;
import io.tradeserver.order.OrderListener;
import io.tradeserver.order.OrderManager;
import io.tradeserver.order.OrderManagerConfig;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionTracker;
import io.tradeserver.time.TestClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A risk engine wired to a real order manager, position tracker and balance ledger, with books and
 * venue answers set by the test and a test clock. Instruments: {@code sim:BTC-USDT} (tick 0.01,
 * step 0.00001, min 0.0001, max 100, market max 10, min notional 5, max notional 1,000,000), {@code
 * sim:ETH-USDT} (tick 0.01, step 0.0001) and {@code simb:BTC-USDT} (like the first).
 */
final class RiskFixture {
  final TestClock clock = new TestClock();
  final Map<InstrumentId, OrderBook> books = new HashMap<>();
  final List<RiskEvent> events = new ArrayList<>();
  final List<String> gateway = new ArrayList<>();
  final PositionTracker positions = new PositionTracker();
  final BalanceLedger balances = new BalanceLedger();
  final Instrument btc = btc("sim");
  final Instrument eth =
      Instrument.builder(InstrumentId.of("sim", "ETH-USDT"), "ETHUSDT")
          .tickSize(Price.parse("0.01"))
          .stepSize(Quantity.parse("0.0001"))
          .minNotional(Quantity.parse("5"))
          .build();
  final Instrument btcB = btc("simb");
  final OrderManager orders;
  final RiskEngine risk;
  private int seq;

  RiskFixture() {
    this(RiskConfig.defaults());
  }

  RiskFixture(RiskConfig config) {
    Map<InstrumentId, Instrument> byId = Map.of(btc.id(), btc, eth.id(), eth, btcB.id(), btcB);
    orders =
        new OrderManager(
            clock,
            OrderManagerConfig.defaults(),
            new OrderGateway() {
              @Override
              public void submit(ManagedOrder o) {
                gateway.add("submit " + o.clientOrderId());
              }

              @Override
              public void cancel(ManagedOrder o) {
                gateway.add("cancel " + o.clientOrderId());
              }

              @Override
              public void query(ManagedOrder o) {
                gateway.add("query " + o.clientOrderId());
              }

              @Override
              public void requestOpenOrders(String venue) {}
            },
            new OrderListener() {
              @Override
              public void onOrderChanged(ManagedOrder order, OrderStatus previous) {}

              @Override
              public void onFill(ManagedOrder order, Fill fill, boolean reconciled) {}
            },
            byId::get);
    risk = new RiskEngine(clock, config, books::get, orders, positions, balances, events::add);
    risk.knownVenues(List.of("sim", "simb"));
  }

  static Instrument btc(String venue) {
    return Instrument.builder(InstrumentId.of(venue, "BTC-USDT"), "BTCUSDT")
        .tickSize(Price.parse("0.01"))
        .stepSize(Quantity.parse("0.00001"))
        .minQuantity(Quantity.parse("0.0001"))
        .maxQuantity(Quantity.parse("100"))
        .marketMaxQuantity(Quantity.parse("10"))
        .minNotional(Quantity.parse("5"))
        .maxNotional(Quantity.parse("1000000"))
        .build();
  }

  /** A book updated now with one level of 10 on each side. */
  OrderBook book(Instrument in, String bid, String ask) {
    return book(in, new String[][] {{bid, "10"}}, new String[][] {{ask, "10"}});
  }

  /** A book updated now: {price, quantity} levels, best first. */
  OrderBook book(Instrument in, String[][] bids, String[][] asks) {
    OrderBook b = OrderBook.of(in);
    for (String[] l : bids) {
      b.set(Side.BUY, in.price(l[0]), in.quantity(l[1]));
    }
    for (String[] l : asks) {
      b.set(Side.SELL, in.price(l[0]), in.quantity(l[1]));
    }
    b.updatedNanos(clock.nanos());
    books.put(in.id(), b);
    return b;
  }

  /** A complete balance report: asset, total, asset, total... */
  void balances(String venue, String... assetTotal) {
    List<Balance> list = new ArrayList<>();
    for (int i = 0; i < assetTotal.length; i += 2) {
      list.add(new Balance(assetTotal[i], Quantity.parse(assetTotal[i + 1]), Quantity.zero(0)));
    }
    balances.onBalances(venue, list, true);
  }

  /** Plenty of everything on both venues. */
  RiskFixture rich() {
    balances("sim", "USDT", "100000000", "BTC", "1000", "ETH", "10000");
    balances("simb", "USDT", "100000000", "BTC", "1000");
    return this;
  }

  String nextId() {
    return "c" + (++seq);
  }

  OrderRequest limit(Instrument in, Side side, String price, String quantity) {
    return OrderRequest.limit(
        nextId(), in, side, in.price(price), Quantity.parse(quantity, in.quantityScale()));
  }

  /** A limit order with the price and quantity at the scales written. */
  OrderRequest rawLimit(Instrument in, Side side, String price, String quantity) {
    return OrderRequest.limit(nextId(), in, side, Price.parse(price), Quantity.parse(quantity));
  }

  OrderRequest market(Instrument in, Side side, String quantity) {
    return new OrderRequest(
        nextId(),
        in,
        side,
        OrderType.MARKET,
        TimeInForce.IOC,
        null,
        Quantity.parse(quantity, in.quantityScale()),
        null,
        null,
        null,
        "default",
        clock.nanos());
  }

  RiskResult check(OrderRequest o) {
    return risk.check(o, "default", -1);
  }

  /** Checks and expects acceptance; returns the order to send. */
  OrderRequest pass(OrderRequest o) {
    RiskResult r = check(o);
    assertThat(r.denial()).as("denial of %s", o).isNull();
    return r.order();
  }

  /** Checks and expects a denial; returns it as "CODE detail". */
  String deny(OrderRequest o) {
    RiskResult r = check(o);
    assertThat(r.accepted()).as("%s accepted", o).isFalse();
    return r.denial().toString();
  }

  /** An order working at the venue (submitted and acknowledged). */
  ManagedOrder open(OrderRequest o) {
    ManagedOrder m = orders.submit(o);
    orders.onOrderAccepted(
        new OrderAccepted(
            o.instrument().exchange(), o.instrumentId(), o.clientOrderId(), "x" + seq, 0));
    return m;
  }

  /** A position built from one fill at {@code price}, without fee. */
  void position(Instrument in, Side side, String quantity, String price) {
    positions.apply(
        new Fill(
            in.id(),
            null,
            null,
            "t" + (++seq),
            side,
            in.price(price),
            in.quantity(quantity),
            Quantity.zero(0),
            null,
            Liquidity.TAKER,
            clock.nanos()),
        in);
  }
}
