package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.fixture;
import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Balances;
import io.tradeserver.event.Channel;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.Ticker;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Every signed endpoint: the exact method, path, query and body sent, and the five KuCoin auth
 * headers recomputed independently (HMAC-SHA256 with the test's secret over timestamp + method +
 * path-with-query + body). The venue's clock runs 1.5 s ahead, so the timestamp must carry the
 * measured offset.
 */
class SignedRequestsTest extends KucoinTestBase {
  private static final long OFFSET_MS = 1500;

  @Override
  protected void beforeStart() {
    venue.serverTimeOffsetMillis = OFFSET_MS;
  }

  private void assertSigned(RecordedRequest r, String method, String target, String body) {
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getTarget()).isEqualTo(target);
    assertThat(r.getBody() == null ? "" : r.getBody().utf8()).isEqualTo(body);
    assertThat(r.getHeaders().get("KC-API-KEY")).isEqualTo(MockKucoin.KEY);
    assertThat(r.getHeaders().get("KC-API-TIMESTAMP"))
        .isEqualTo(Long.toString(venue.kit.clock.millis() + OFFSET_MS));
    assertThat(r.getHeaders().get("KC-API-SIGN")).isEqualTo(MockKucoin.expectedSignature(r));
    assertThat(r.getHeaders().get("KC-API-PASSPHRASE")).isEqualTo(MockKucoin.expectedPassphrase());
    assertThat(r.getHeaders().get("KC-API-KEY-VERSION")).isEqualTo("3");
    if (!body.isEmpty()) {
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    }
  }

  private static void assertUnsigned(RecordedRequest r) {
    assertThat(r.getHeaders().names()).noneMatch(h -> h.startsWith("KC-API"));
  }

  @Test
  void submitSignsTheExactBodyItSends() {
    venue.once("POST", "/api/v1/hf/orders", r -> json(fixture("hf-add-order.json")));
    client.submit(limitBuy("ab12CD34", "100.0", "0.002"));
    OrderAccepted ack = events.await(OrderAccepted.class);
    RecordedRequest r = venue.await("POST", "/api/v1/hf/orders", 1);
    assertSigned(
        r,
        "POST",
        "/api/v1/hf/orders",
        "{\"clientOid\":\"ab12CD34\",\"symbol\":\"BTC-USDT\",\"side\":\"buy\",\"type\":\"limit\","
            + "\"price\":\"100.0\",\"size\":\"0.00200000\",\"timeInForce\":\"GTC\"}");
    assertThat(ack)
        .isEqualTo(
            new OrderAccepted(
                "kucoin", btc.id(), "ab12CD34", "670fd33bf9406e0007ab3945", ack.timeNanos()));
  }

  @Test
  void feeRatesAreFetchedForTheLoadedSymbolsOnceInstrumentsAreLoaded() {
    assertSigned(
        venue.await("GET", "/api/v1/trade-fees", 1),
        "GET",
        "/api/v1/trade-fees?symbols=BTC-USDT",
        "");
    io.tradeserver.testing.Await.until(
        () -> client.feeRates("BTC-USDT") != null, "BTC-USDT rates from trade-fees.json");
    assertThat(client.feeRates("BTC-USDT"))
        .isEqualTo(
            new TradeFees.Rates(
                new java.math.BigDecimal("0.001"), new java.math.BigDecimal("0.001")));
  }

  @Test
  void cancelsByOrderIdAndByClientOidUseTheSyncEndpointsWithTheSymbol() {
    venue.once(
        "DELETE",
        "/api/v1/hf/orders/sync/671128ee365ccb0007534d45",
        r -> json(fixture("hf-cancel-order-sync.json")));
    client.cancel(btc, "ab12", "671128ee365ccb0007534d45");
    events.await(OrderCanceled.class);
    assertSigned(
        venue.await("DELETE", "/api/v1/hf/orders/sync/671128ee365ccb0007534d45", 1),
        "DELETE",
        "/api/v1/hf/orders/sync/671128ee365ccb0007534d45?symbol=BTC-USDT",
        "");

    venue.once(
        "DELETE",
        "/api/v1/hf/orders/sync/client-order/cd34",
        r -> json(fixture("hf-cancel-order-sync.json")));
    client.cancel(btc, "cd34", null);
    events.await(OrderCanceled.class, c -> c.clientOrderId().equals("cd34"));
    assertSigned(
        venue.await("DELETE", "/api/v1/hf/orders/sync/client-order/cd34", 1),
        "DELETE",
        "/api/v1/hf/orders/sync/client-order/cd34?symbol=BTC-USDT",
        "");
    assertThat(only(OrderCanceled.class))
        .extracting(
            e -> ((OrderCanceled) e).clientOrderId(), e -> ((OrderCanceled) e).exchangeOrderId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ab12", "671128ee365ccb0007534d45"),
            org.assertj.core.groups.Tuple.tuple("cd34", "671128ee365ccb0007534d45"));
  }

  @Test
  void queryByClientOidThenFetchesTheOrdersFills() {
    String coid = "5c52e11203aa677f33e493fb";
    venue.once(
        "GET", "/api/v1/hf/orders/client-order/" + coid, r -> json(fixture("hf-get-order.json")));
    venue.once("GET", "/api/v1/hf/fills", r -> json(fixture("hf-fills.json")));
    client.queryOrder(btc, coid);
    FillReport fill = events.await(FillReport.class);
    assertSigned(
        venue.await("GET", "/api/v1/hf/orders/client-order/" + coid, 1),
        "GET",
        "/api/v1/hf/orders/client-order/" + coid + "?symbol=BTC-USDT",
        "");
    assertSigned(
        venue.await("GET", "/api/v1/hf/fills", 1),
        "GET",
        "/api/v1/hf/fills?symbol=BTC-USDT&orderId=6717422bd51c29000775ea03&limit=100",
        "");
    OrderStatusReport report = events.await(OrderStatusReport.class);
    assertThat(only(OrderStatusReport.class, FillReport.class)).containsExactly(report, fill);
    assertThat(report)
        .isEqualTo(
            new OrderStatusReport(
                "kucoin",
                btc.id(),
                coid,
                "6717422bd51c29000775ea03",
                OrderStatus.FILLED,
                Side.BUY,
                OrderType.LIMIT,
                Price.parse("70000"),
                Quantity.parse("0.00001"),
                Quantity.parse("0.00001"),
                Price.parse("67717.6"),
                report.timeNanos()));
    assertThat(fill.fill())
        .isEqualTo(
            new Fill(
                btc.id(),
                coid,
                "6717422bd51c29000775ea03",
                "11029373945659392",
                Side.BUY,
                Price.parse("67717.6"),
                Quantity.parse("0.00001"),
                Quantity.parse("0.000677176"),
                "USDT",
                Liquidity.TAKER,
                1729577515473L * 1_000_000L));
    assertThat(fill.cumulativeQuantity()).isNull();
  }

  @Test
  void openOrdersOfAllSymbolsAskWhichSymbolsHaveAnyThenListEach() {
    venue.once(
        "GET", "/api/v1/hf/orders/active/symbols", r -> json(fixture("hf-active-symbols.json")));
    venue.always("GET", "/api/v1/hf/orders/active", r -> json(fixture("hf-open-orders.json")));
    client.requestOpenOrders(null);
    OpenOrders open = events.await(OpenOrders.class);
    assertSigned(
        venue.requests("GET", "/api/v1/hf/orders/active/symbols").get(0),
        "GET",
        "/api/v1/hf/orders/active/symbols",
        "");
    List<RecordedRequest> lists = venue.requests("GET", "/api/v1/hf/orders/active");
    assertThat(lists)
        .extracting(RecordedRequest::getTarget)
        .containsExactlyInAnyOrder(
            "/api/v1/hf/orders/active?symbol=ETH-USDT", "/api/v1/hf/orders/active?symbol=BTC-USDT");
    lists.forEach(r -> assertSigned(r, "GET", r.getTarget(), ""));
    assertThat(open.scope()).isNull();
    assertThat(open.orders()).hasSize(2);
    assertThat(open.orders().get(0))
        .isEqualTo(
            new OrderStatusReport(
                "kucoin",
                btc.id(),
                "5c52e11203aa677f33e493fb",
                "67120bbef094e200070976f6",
                OrderStatus.ACCEPTED,
                Side.BUY,
                OrderType.LIMIT,
                Price.parse("50000"),
                Quantity.parse("0.00001"),
                Quantity.zero(8),
                null,
                open.orders().get(0).timeNanos()));
  }

  @Test
  void balancesComeFromTheTradeAccountOnly() {
    venue.once("GET", "/api/v1/accounts", r -> json(fixture("accounts.json")));
    client.requestBalances();
    Balances b = events.await(Balances.class);
    assertSigned(
        venue.await("GET", "/api/v1/accounts", 1), "GET", "/api/v1/accounts?type=trade", "");
    assertThat(b.complete()).isTrue();
    assertThat(b.balances())
        .containsExactly(new Balance("USDT", Quantity.parse("26.66759503"), Quantity.parse("0")));
  }

  @Test
  void cancelAllPerSymbolAndEverywhere() {
    venue.once("DELETE", "/api/v1/hf/orders", r -> json(fixture("hf-cancel-symbol.json")));
    venue.once("DELETE", "/api/v1/hf/orders/cancelAll", r -> json(fixture("hf-cancel-all.json")));
    client.cancelAll(btc);
    client.cancelAll(null);
    assertSigned(
        venue.await("DELETE", "/api/v1/hf/orders", 1),
        "DELETE",
        "/api/v1/hf/orders?symbol=BTC-USDT",
        "");
    assertSigned(
        venue.await("DELETE", "/api/v1/hf/orders/cancelAll", 1),
        "DELETE",
        "/api/v1/hf/orders/cancelAll",
        "");
    venue.once(
        "DELETE",
        "/api/v1/hf/orders/cancelAll",
        r ->
            json(
                "{\"code\":\"200000\",\"data\":{\"succeedSymbols\":[],\"failedSymbols\":"
                    + "[{\"symbol\":\"BTC-USDT\",\"error\":\"can't cancel, system timeout\"}]}}"));
    client.cancelAll(null);
    RequestFailed f = events.await(RequestFailed.class, e -> e.request() == RequestKind.CANCEL_ALL);
    assertThat(f.retryable()).isTrue();
    assertThat(f.detail()).contains("BTC-USDT: can't cancel, system timeout");
  }

  @Test
  void privateTokenIsASignedPostWithAnEmptyBodyAndPublicEndpointsAreUnsigned() {
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
    assertSigned(
        venue.requests("POST", "/api/v1/bullet-private").get(0),
        "POST",
        "/api/v1/bullet-private",
        "");
    assertUnsigned(venue.requests("GET", "/api/v1/timestamp").get(0));
    assertUnsigned(venue.requests("GET", "/api/v2/symbols").get(0));
    venue.once("GET", "/api/v1/market/orderbook/level1", r -> json(fixture("ticker.json")));
    client.requestTicker(btc);
    events.await(Ticker.class);
    RecordedRequest r = venue.await("GET", "/api/v1/market/orderbook/level1", 1);
    assertUnsigned(r);
    assertThat(r.getTarget()).isEqualTo("/api/v1/market/orderbook/level1?symbol=BTC-USDT");
  }
}
