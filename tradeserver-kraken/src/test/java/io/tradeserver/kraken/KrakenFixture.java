package io.tradeserver.kraken;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.kraken.FakeKraken.FakeOrder;
import io.tradeserver.kraken.internal.KrakenExchangeClient;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientContractTest;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingVenueListener;
import io.tradeserver.testing.TestContexts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;

/**
 * The contract fixture: a {@link KrakenExchangeClient} wired to a {@link FakeKraken}, with REST or
 * (when the config asks for it) WebSocket v2 order entry.
 */
public final class KrakenFixture implements ExchangeClientContractTest.Fixture {
  public final FakeKraken kraken;
  public final TestContexts kit = new TestContexts();
  public final KrakenExchangeClient client;
  private final boolean ws;

  public KrakenFixture() throws IOException {
    this(b -> b);
  }

  public KrakenFixture(UnaryOperator<VenueConfig.Builder> tweak) throws IOException {
    kraken = new FakeKraken();
    VenueConfig vc =
        tweak
            .apply(
                VenueConfig.builder("kraken")
                    .restUrl(kraken.restUrl())
                    .streamUrl(kraken.publicStreamUrl())
                    .privateStreamUrl(kraken.privateStreamUrl())
                    .credentials(Credentials.of(FakeKraken.API_KEY, FakeKraken.SECRET))
                    .requestTimeout(Duration.ofSeconds(3))
                    .symbols(List.of("BTC-USD")))
            .build();
    ws = vc.orderEntry() == OrderEntry.WEBSOCKET;
    client = (KrakenExchangeClient) new KrakenExchangeProvider().create(kit.context(vc));
  }

  @Override
  public ExchangeClient client() {
    return client;
  }

  @Override
  public RecordingVenueListener events() {
    return kit.listener;
  }

  @Override
  public String symbol() {
    return "BTC-USD";
  }

  @Override
  public void acceptNextOrder() {
    // The fake accepts by default; over WebSocket the order needs the authenticated connection.
    awaitOrderEntryReady();
  }

  @Override
  public void rejectNextOrderInsufficientBalance() {
    if (ws) {
      awaitOrderEntryReady();
      kraken.scriptWs(
          "add_order", r -> FakeKraken.wsError("add_order", r, "EOrder:Insufficient funds"));
      return;
    }
    kraken.script("AddOrder", c -> FakeKraken.json("{\"error\":[\"EOrder:Insufficient funds\"]}"));
  }

  @Override
  public void failNextOrderAmbiguously() {
    if (ws) {
      // Kraken took the order but answered that it is unavailable: the outcome is unknown.
      awaitOrderEntryReady();
      kraken.scriptWs(
          "add_order",
          r -> {
            kraken.acceptWs(r);
            return FakeKraken.wsError("add_order", r, "EService:Unavailable");
          });
      return;
    }
    kraken.script(
        "AddOrder",
        c -> {
          FakeKrakenAnswers.accept(kraken, c);
          return new MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build();
        });
  }

  /**
   * With WebSocket order entry, waits until the client's authenticated connection is ready (the
   * executions subscription acknowledged); with REST, returns at once.
   */
  public void awaitOrderEntryReady() {
    if (ws) {
      kit.listener.await(
          ConnectionEvent.class,
          e -> e.channel() == Channel.PRIVATE_STREAM && e.state() == ConnectionState.CONNECTED);
    }
  }

  /**
   * Waits for the instruments to load and returns the one named {@code symbol} ({@code BTC-USD}).
   */
  public Instrument awaitInstrument(String symbol) {
    return kit.listener.await(InstrumentsLoaded.class).instruments().stream()
        .filter(i -> i.symbol().equals(symbol))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Advances the test clock in steps (reconnect backoff runs on it) until the fake has seen {@code
   * n} executions subscriptions.
   */
  public void awaitExecutionsSubscriptions(int n) {
    Await.until(
        Duration.ofSeconds(10),
        () -> {
          kit.scheduler.advance(Duration.ofMillis(500));
          return kraken.executions.subscriptions >= n;
        },
        () -> "no executions subscription #" + n);
  }

  /** Waits until the client has subscribed to executions. */
  public void awaitExecutionsSubscribed() {
    Await.until(
        Duration.ofSeconds(5),
        () -> kraken.executions.subscriptions > 0,
        () -> "no executions subscription");
  }

  @Override
  public void fill(
      OrderRequest order, String tradeId, Price price, Quantity quantity, Quantity cumulative) {
    awaitExecutionsSubscribed();
    FakeOrder o = FakeKrakenAnswers.find(kraken, null, order.clientOrderId());
    o.volExec = cumulative.toString();
    kraken.executions.send(
        ExecutionMessages.trade(o, tradeId, price, quantity, cumulative, order.side()));
  }

  @Override
  public void acceptNextCancel(OrderRequest order) {
    // The fake cancels open orders by default.
  }

  @Override
  public void reportNextQueryNotFound(String clientOrderId) {
    // Stateful fake: an order it never received is in neither OpenOrders nor ClosedOrders.
  }

  @Override
  public void reportNextQuery(
      OrderRequest order, OrderStatus status, Quantity filled, Price averagePrice) {
    FakeOrder o = FakeKrakenAnswers.find(kraken, null, order.clientOrderId());
    o.status =
        switch (status) {
          case FILLED -> "closed";
          case CANCELED -> "canceled";
          case EXPIRED -> "expired";
          default -> "open";
        };
    o.volExec = filled.withScale(8).toString();
    o.avgPrice = averagePrice == null ? "0.0" : averagePrice.toString();
    if (filled.isPositive()) {
      String id = "TQ" + o.txid.substring(1);
      o.tradeIds.add(id);
      kraken.trades.put(
          id,
          Map.of(
              "ordertxid",
              o.txid,
              "type",
              order.side() == Side.BUY ? "buy" : "sell",
              "price",
              averagePrice.toString(),
              "vol",
              filled.withScale(8).toString(),
              "fee",
              "0.00010"));
    }
  }

  @Override
  public void reportOpenOrders(List<OrderRequest> orders) {
    kraken.openOrdersScripted = true;
    for (OrderRequest r : orders) {
      FakeKrakenAnswers.find(kraken, null, r.clientOrderId()).status = "open";
    }
  }

  @Override
  public void reportBalances(Map<String, String> free) {
    StringBuilder sb = new StringBuilder("{\"error\":[],\"result\":{");
    free.forEach(
        (asset, amount) ->
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(krakenName(asset))
                .append("\":{\"balance\":\"")
                .append(amount)
                .append("\",\"hold_trade\":\"0.0000\"}"));
    kraken.balances = sb.append("}}").toString();
  }

  /** Kraken's legacy asset ids, so the test also covers the mapping back. */
  static String krakenName(String canonical) {
    return switch (canonical) {
      case "BTC" -> "XXBT";
      case "USD" -> "ZUSD";
      case "ETH" -> "XETH";
      default -> canonical;
    };
  }

  /** AddOrder calls plus {@code add_order} frames for this client order id. */
  @Override
  public int submissionsOf(String clientOrderId) {
    long rest =
        kraken.calls("AddOrder").stream()
            .filter(c -> clientOrderId.equals(c.field("cl_ord_id")))
            .count();
    long frames =
        kraken.executions.receivedContaining("\"cl_ord_id\":\"" + clientOrderId + "\"").stream()
            .filter(m -> m.startsWith("{\"method\":\"add_order\""))
            .count();
    return (int) (rest + frames);
  }

  @Override
  public void close() {
    client.close();
    kraken.close();
  }
}
