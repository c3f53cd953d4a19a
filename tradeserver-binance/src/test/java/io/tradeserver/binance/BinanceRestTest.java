package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Balances;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact signed requests for every REST endpoint, and the mapping of venue answers to events. */
class BinanceRestTest {
  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
    client = new BinanceExchangeProvider().create(kit.context(Configs.rest(venue)));
    client.start();
    btc = Configs.btcUsdt(kit);
    kit.listener.await(OpenOrders.class);
    kit.listener.await(Balances.class);
    kit.listener.clear();
    venue.requests.clear();
  }

  @AfterEach
  void stop() {
    client.close();
    venue.close();
    kit.assertNoErrors();
  }

  /** The timestamp the client sends: the test clock corrected by the measured server offset. */
  private long timestamp() {
    return kit.clock.millis() + MockBinance.SERVER_OFFSET_MILLIS;
  }

  /** An independent HMAC-SHA256 of the documented secret: the expected signature. */
  static String sign(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(MockBinance.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static String signed(String params) throws Exception {
    return params + "&signature=" + sign(params);
  }

  private RecordedRequest only(String methodAndPath) {
    List<RecordedRequest> r = venue.requests(methodAndPath);
    assertThat(r).as(methodAndPath).hasSize(1);
    RecordedRequest req = r.get(0);
    assertThat(req.getHeaders().get("X-MBX-APIKEY")).isEqualTo(MockBinance.API_KEY);
    return req;
  }

  private OrderRequest limitBuy(String id) {
    return OrderRequest.limit(id, btc, Side.BUY, btc.price("64000.50"), btc.quantity("0.01"));
  }

  @Test
  void limitOrderIsPostedAsASignedFormBody() throws Exception {
    client.submit(limitBuy("c1").withTimeInForce(TimeInForce.IOC));
    kit.listener.await(OrderAccepted.class);
    RecordedRequest r = only("POST /api/v3/order");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getUrl().encodedQuery()).isNull();
    assertThat(r.getBody().utf8())
        .isEqualTo(
            signed(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.01000&price=64000.50"
                    + "&newClientOrderId=c1&newOrderRespType=FULL&recvWindow=5000&timestamp="
                    + timestamp()));
  }

  @Test
  void quoteSizedMarketAndPostOnlyOrdersCarryOnlyTheirParameters() throws Exception {
    OrderRequest market =
        new OrderRequest(
            "m1",
            btc,
            Side.BUY,
            OrderType.MARKET,
            TimeInForce.GTC,
            null,
            null,
            Quantity.of(10_000, 2),
            null,
            null,
            "s",
            0);
    OrderRequest maker =
        new OrderRequest(
            "p1",
            btc,
            Side.SELL,
            OrderType.LIMIT_MAKER,
            TimeInForce.GTC,
            btc.price("70000"),
            btc.quantity("0.5"),
            null,
            null,
            null,
            "s",
            0);
    client.submit(market);
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("m1"));
    client.submit(maker);
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("p1"));
    List<RecordedRequest> posts = venue.requests("POST /api/v3/order");
    assertThat(posts.get(0).getBody().utf8())
        .isEqualTo(
            signed(
                "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=100.00&newClientOrderId=m1"
                    + "&newOrderRespType=FULL&recvWindow=5000&timestamp="
                    + timestamp()));
    assertThat(posts.get(1).getBody().utf8())
        .isEqualTo(
            signed(
                "symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.50000&price=70000.00"
                    + "&newClientOrderId=p1&newOrderRespType=FULL&recvWindow=5000&timestamp="
                    + timestamp()));
  }

  @Test
  void ordersBinanceCannotExpressAreRefusedUnsent() {
    OrderRequest fokMarket =
        OrderRequest.market("f1", btc, Side.SELL, btc.quantity("1"))
            .withTimeInForce(TimeInForce.FOK);
    client.submit(fokMarket);
    OrderRejected r = kit.listener.await(OrderRejected.class);
    assertThat(r.code()).isEqualTo(RejectCode.UNSUPPORTED_ORDER);
    assertThat(venue.requests("POST /api/v3/order")).isEmpty();
  }

  @Test
  void cancelQueryOpenOrdersBalancesCancelAllAreSignedExactly() throws Exception {
    venue.script("DELETE /api/v3/order", 200, MockBinance.fixture("cancel-order.json"));
    client.cancel(btc, "c9", "4");
    kit.listener.await(io.tradeserver.event.OrderCanceled.class);
    assertThat(only("DELETE /api/v3/order").getTarget())
        .isEqualTo(
            "/api/v3/order?"
                + signed("symbol=BTCUSDT&orderId=4&recvWindow=5000&timestamp=" + timestamp()));

    venue.script("GET /api/v3/order", 200, MockBinance.fixture("query-order.json"));
    client.queryOrder(btc, "myOrder1");
    kit.listener.await(OrderStatusReport.class);
    assertThat(only("GET /api/v3/order").getTarget())
        .isEqualTo(
            "/api/v3/order?"
                + signed(
                    "symbol=BTCUSDT&origClientOrderId=myOrder1&recvWindow=5000&timestamp="
                        + timestamp()));

    client.requestOpenOrders(btc);
    kit.listener.await(OpenOrders.class);
    assertThat(only("GET /api/v3/openOrders").getTarget())
        .isEqualTo(
            "/api/v3/openOrders?"
                + signed("symbol=BTCUSDT&recvWindow=5000&timestamp=" + timestamp()));

    client.requestBalances();
    kit.listener.await(Balances.class);
    assertThat(only("GET /api/v3/account").getTarget())
        .isEqualTo(
            "/api/v3/account?"
                + signed("omitZeroBalances=true&recvWindow=5000&timestamp=" + timestamp()));

    venue.script("DELETE /api/v3/openOrders", 200, "[]");
    client.cancelAll(btc);
    kit.listener.clear();
    io.tradeserver.testing.Await.until(
        () -> !venue.requests("DELETE /api/v3/openOrders").isEmpty(), "cancel-all sent");
    assertThat(only("DELETE /api/v3/openOrders").getTarget())
        .isEqualTo(
            "/api/v3/openOrders?"
                + signed("symbol=BTCUSDT&recvWindow=5000&timestamp=" + timestamp()));
  }

  @Test
  void publicEndpointsAreUnsigned() {
    assertThat(venue.requests).isEmpty(); // cleared after start; check the start sequence instead
    TestContexts k = new TestContexts();
    try (MockBinance v = new MockBinance(k.clock)) {
      ExchangeClient c = new BinanceExchangeProvider().create(k.context(Configs.rest(v)));
      c.start();
      k.listener.await(InstrumentsLoaded.class);
      assertThat(v.requests("GET /api/v3/time").get(0).getTarget()).isEqualTo("/api/v3/time");
      RecordedRequest info = v.requests("GET /api/v3/exchangeInfo").get(0);
      assertThat(info.getTarget()).isEqualTo("/api/v3/exchangeInfo");
      assertThat(info.getHeaders().get("X-MBX-APIKEY")).isEqualTo(MockBinance.API_KEY);
      c.close();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void instrumentsCarryTheVenueFilters() throws Exception {
    TestContexts k = new TestContexts();
    try (MockBinance v = new MockBinance(k.clock)) {
      ExchangeClient c = new BinanceExchangeProvider().create(k.context(Configs.rest(v)));
      c.start();
      List<Instrument> all = k.listener.await(InstrumentsLoaded.class).instruments();
      Instrument eth =
          all.stream().filter(i -> i.symbol().equals("ETH-BTC")).findFirst().orElseThrow();
      assertThat(eth.nativeSymbol()).isEqualTo("ETHBTC");
      assertThat(eth.id().toString()).isEqualTo("binance:ETH-BTC");
      assertThat(eth.tickSize()).isEqualTo(Price.parse("0.000001"));
      assertThat(eth.stepSize()).isEqualTo(Quantity.parse("0.001"));
      assertThat(eth.minQuantity()).isEqualTo(Quantity.parse("0.001"));
      assertThat(eth.maxQuantity()).isEqualTo(Quantity.parse("100000"));
      assertThat(eth.marketMaxQuantity()).isEqualTo(Quantity.parse("100000"));
      assertThat(eth.minNotional()).isEqualTo(Quantity.parse("10")); // NOTIONAL over MIN_NOTIONAL
      assertThat(eth.maxNotional()).isEqualTo(Quantity.parse("10000"));
      assertThat(eth.tradable()).isTrue();
      Instrument bnb =
          all.stream().filter(i -> i.symbol().equals("BNB-USDT")).findFirst().orElseThrow();
      assertThat(bnb.tradable()).as("status HALT").isFalse();
      c.close();
    }
  }

  @Test
  void fullAnswerEmitsAcceptedThenTakerFillsThenExpiry() {
    venue.script(
        "POST /api/v3/order",
        r -> {
          ObjectNode n = (ObjectNode) MockBinance.tree("new-order-full.json");
          n.put("symbol", "BTCUSDT").put("clientOrderId", "x1").put("status", "EXPIRED");
          return MockBinance.json(200, n.toString());
        });
    client.submit(OrderRequest.market("x1", btc, Side.SELL, btc.quantity("11")));
    kit.listener.await(OrderExpired.class);
    List<VenueEvent> seq = kit.listener.events();
    assertThat(seq)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "OrderAccepted",
            "FillReport",
            "FillReport",
            "FillReport",
            "FillReport",
            "FillReport",
            "OrderExpired");
    OrderAccepted ack = (OrderAccepted) seq.get(0);
    assertThat(ack.exchangeOrderId()).isEqualTo("28");
    FillReport first = (FillReport) seq.get(1);
    assertThat(first.fill().tradeId()).isEqualTo("56");
    assertThat(first.fill().price()).isEqualTo(Price.parse("4000"));
    assertThat(first.fill().quantity()).isEqualTo(Quantity.parse("1"));
    assertThat(first.fill().fee()).isEqualTo(Quantity.parse("4"));
    assertThat(first.fill().feeAsset()).isEqualTo("USDT");
    assertThat(first.fill().liquidity()).isEqualTo(Liquidity.TAKER);
    assertThat(first.fill().timeNanos()).isEqualTo(1507725176595L * 1_000_000L);
    assertThat(((FillReport) seq.get(5)).cumulativeQuantity()).isEqualTo(Quantity.parse("10"));
  }

  private OrderRejected rejectWith(int status, String body) {
    venue.script("POST /api/v3/order", status, body);
    String id = "r" + venue.requests.size();
    client.submit(limitBuy(id));
    return kit.listener.await(OrderRejected.class, r -> r.clientOrderId().equals(id));
  }

  @Test
  void refusalsMapByCodeAndDocumentedMessage() {
    assertThat(
            rejectWith(
                    400,
                    "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}")
                .code())
        .isEqualTo(RejectCode.VENUE_INSUFFICIENT_BALANCE);
    assertThat(
            rejectWith(400, "{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}")
                .code())
        .isEqualTo(RejectCode.POST_ONLY_WOULD_TAKE);
    assertThat(rejectWith(400, "{\"code\":-2010,\"msg\":\"Market is closed.\"}").code())
        .isEqualTo(RejectCode.VENUE_REJECTED);
    OrderRejected lot = rejectWith(400, "{\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"}");
    assertThat(lot.code()).isEqualTo(RejectCode.VENUE_FILTER_FAILURE);
    assertThat(lot.venueCode()).isEqualTo("-1013");
    assertThat(
            rejectWith(
                    400, "{\"code\":-1111,\"msg\":\"Parameter 'price' has too much precision.\"}")
                .code())
        .isEqualTo(RejectCode.VENUE_FILTER_FAILURE);
    assertThat(
            rejectWith(401, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}")
                .code())
        .isEqualTo(RejectCode.AUTHENTICATION_FAILED);
    assertThat(kit.listener.events(VenueAlert.class))
        .anyMatch(a -> a.kind() == AlertKind.AUTHENTICATION_FAILED);
  }

  @Test
  void ambiguousAnswersAreUnknownAndNeverResent() {
    venue.script(
        "POST /api/v3/order",
        400,
        "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}");
    client.submit(limitBuy("u1"));
    kit.listener.await(SubmitUnknown.class, u -> u.clientOrderId().equals("u1"));
    venue.script("POST /api/v3/order", 502, "Bad Gateway");
    client.submit(limitBuy("u2"));
    kit.listener.await(SubmitUnknown.class, u -> u.clientOrderId().equals("u2"));
    venue.script(
        "POST /api/v3/order",
        r ->
            new MockResponse.Builder()
                .headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                .body("{}")
                .build());
    client.submit(limitBuy("u3"));
    kit.listener.await(
        SubmitUnknown.class, u -> u.clientOrderId().equals("u3"), Duration.ofSeconds(5));
    assertThat(venue.requests("POST /api/v3/order")).hasSize(3);
    assertThat(kit.listener.events(OrderRejected.class)).isEmpty();
  }

  @Test
  void rateLimitAnswerPausesTheVenueUntilRetryAfter() {
    venue.script(
        "POST /api/v3/order",
        r ->
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "7")
                .body(
                    "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}")
                .build());
    long now = kit.clock.nanos();
    client.submit(limitBuy("l1"));
    OrderRejected r = kit.listener.await(OrderRejected.class);
    assertThat(r.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(r.venueCode()).isEqualTo("-1003");
    VenueAlert alert = kit.listener.await(VenueAlert.class);
    assertThat(alert.kind()).isEqualTo(AlertKind.RATE_LIMITED);
    assertThat(alert.untilNanos()).isEqualTo(now + 7_000_000_000L);

    client.submit(limitBuy("l2"));
    OrderRejected local =
        kit.listener.await(OrderRejected.class, x -> x.clientOrderId().equals("l2"));
    assertThat(local.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(local.venueCode()).isNull();
    assertThat(venue.requests("POST /api/v3/order")).hasSize(1);

    kit.clock.advance(Duration.ofSeconds(7));
    client.submit(limitBuy("l3"));
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("l3"));
  }

  @Test
  void banHaltsTheVenueAndRaisesBanned() {
    venue.script(
        "GET /api/v3/account",
        r ->
            new MockResponse.Builder()
                .code(418)
                .setHeader("Retry-After", "120")
                .body(
                    "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1.\"}")
                .build());
    client.requestBalances();
    VenueAlert ban = kit.listener.await(VenueAlert.class);
    assertThat(ban.kind()).isEqualTo(AlertKind.BANNED);
    assertThat(ban.untilNanos()).isEqualTo(kit.clock.nanos() + 120_000_000_000L);
    assertThat(kit.listener.await(RequestFailed.class).retryable()).isTrue();
    client.submit(limitBuy("b1"));
    assertThat(kit.listener.await(OrderRejected.class).code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(venue.requests("POST /api/v3/order")).isEmpty();
  }

  @Test
  void timestampRefusalResyncsTheClockAndRetriesExactlyOnce() throws Exception {
    String skew =
        "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
    venue.script("POST /api/v3/order", 400, skew);
    venue.script("GET /api/v3/time", 200, "{\"serverTime\":" + (kit.clock.millis() + 5000) + "}");
    client.submit(limitBuy("t1"));
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("t1"));
    List<RecordedRequest> posts = venue.requests("POST /api/v3/order");
    assertThat(posts).hasSize(2);
    assertThat(MockBinance.params(posts.get(1)).get("timestamp"))
        .isEqualTo(Long.toString(kit.clock.millis() + 5000));
    assertThat(kit.listener.events(VenueAlert.class))
        .extracting(VenueAlert::kind)
        .containsExactly(AlertKind.CLOCK_SKEW);

    venue.script("POST /api/v3/order", 400, skew);
    venue.script("POST /api/v3/order", 400, skew);
    client.submit(limitBuy("t2"));
    OrderRejected r = kit.listener.await(OrderRejected.class, x -> x.clientOrderId().equals("t2"));
    assertThat(r.venueCode()).isEqualTo("-1021");
    assertThat(venue.requests("POST /api/v3/order")).hasSize(4);
  }

  @Test
  void usedWeightHeadersCorrectTheLocalLimiter() {
    venue.script(
        "GET /api/v3/openOrders",
        r ->
            new MockResponse.Builder()
                .code(200)
                .setHeader("X-MBX-USED-WEIGHT-1M", "5990")
                .body("[]")
                .build());
    client.requestOpenOrders(btc);
    kit.listener.await(OpenOrders.class);
    assertThat(((io.tradeserver.spi.RateLimitAware) client).rateLimitHeadroom())
        .filteredOn(h -> h.limit().startsWith("REQUEST_WEIGHT"))
        .extracting(h -> h.available())
        .containsExactly(10L); // what metrics show: 6000 - 5990
    client.requestBalances(); // weight 20 > 10 left
    RequestFailed f = kit.listener.await(RequestFailed.class);
    assertThat(f.detail()).contains("rate limited locally");
    assertThat(venue.requests("GET /api/v3/account")).isEmpty();
  }

  @Test
  void queryOfAFilledOrderFetchesItsTrades() throws Exception {
    ObjectNode q = (ObjectNode) MockBinance.tree("query-order.json");
    q.put("symbol", "BTCUSDT")
        .put("orderId", 100234)
        .put("clientOrderId", "q1")
        .put("price", "4.00")
        .put("origQty", "12.00000")
        .put("executedQty", "12.00000")
        .put("cummulativeQuoteQty", "48.000012")
        .put("status", "FILLED");
    venue.script("GET /api/v3/order", 200, q.toString());
    venue.script(
        "GET /api/v3/myTrades",
        200,
        "[{\"symbol\":\"BTCUSDT\",\"id\":28457,\"orderId\":100234,\"orderListId\":-1,\"price\":\"4.00\","
            + "\"qty\":\"12.00000\",\"quoteQty\":\"48.000012\",\"commission\":\"10.10000000\",\"commissionAsset\":\"BNB\","
            + "\"time\":1499865549590,\"isBuyer\":true,\"isMaker\":false,\"isBestMatch\":true}]");
    client.queryOrder(btc, "q1");
    FillReport fill = kit.listener.await(FillReport.class);
    OrderStatusReport report = kit.listener.await(OrderStatusReport.class);
    assertThat(report.status()).isEqualTo(io.tradeserver.model.OrderStatus.FILLED);
    assertThat(report.averagePrice()).isEqualTo(Price.parse("4.000001"));
    assertThat(fill.fill().tradeId()).isEqualTo("28457");
    assertThat(fill.fill().clientOrderId()).isEqualTo("q1");
    assertThat(fill.fill().liquidity()).isEqualTo(Liquidity.TAKER);
    assertThat(fill.cumulativeQuantity()).isEqualTo(Quantity.parse("12"));
    assertThat(only("GET /api/v3/myTrades").getTarget())
        .isEqualTo(
            "/api/v3/myTrades?"
                + signed(
                    "symbol=BTCUSDT&orderId=100234&limit=1000&recvWindow=5000&timestamp="
                        + timestamp()));
  }

  @Test
  void unknownOrdersAreCancelRejectedAndNotFound() {
    venue.script("DELETE /api/v3/order", 400, "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");
    client.cancel(btc, "gone", null);
    CancelRejected c = kit.listener.await(CancelRejected.class);
    assertThat(c.code()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(c.venueCode()).isEqualTo("-2011");
    venue.script("GET /api/v3/order", 400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}");
    client.queryOrder(btc, "gone");
    assertThat(kit.listener.await(OrderNotFound.class).clientOrderId()).isEqualTo("gone");
    assertThat(
            MockBinance.params(venue.requests("DELETE /api/v3/order").get(0))
                .get("origClientOrderId"))
        .isEqualTo("gone");
  }
}
