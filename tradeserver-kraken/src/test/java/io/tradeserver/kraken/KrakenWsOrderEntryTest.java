package io.tradeserver.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kraken.FakeKraken.FakeOrder;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket v2 order entry ({@code orderEntry = WEBSOCKET}): exact {@code add_order} / {@code
 * cancel_order} frames on the authenticated connection, and the same outcomes as REST.
 */
class KrakenWsOrderEntryTest {
  private static final String TOKEN = "G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY";

  private KrakenFixture f;
  private Instrument btc;

  private void start(OrderEntry entry, boolean awaitReady) throws Exception {
    start(entry, awaitReady, k -> {});
  }

  private void start(
      OrderEntry entry, boolean awaitReady, java.util.function.Consumer<FakeKraken> before)
      throws Exception {
    f = new KrakenFixture(b -> b.orderEntry(entry));
    before.accept(f.kraken);
    f.client.start();
    btc = f.awaitInstrument("BTC-USD");
    if (awaitReady) {
      f.awaitOrderEntryReady();
    }
  }

  private void startWs() throws Exception {
    start(OrderEntry.WEBSOCKET, true);
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
      f.kit.assertNoErrors();
    }
  }

  private OrderRequest buy(String cl) {
    return TestOrders.limitBuy(cl, btc);
  }

  private List<String> frames(String method) {
    return f.kraken.executions.received.stream()
        .filter(m -> m.startsWith("{\"method\":\"" + method + "\""))
        .toList();
  }

  private List<String> awaitFrames(String method, int n) {
    Await.until(() -> frames(method).size() >= n, n + " " + method + " frame(s)");
    return frames(method);
  }

  private List<VenueEvent> eventsOf(String cl) {
    return f.events().events().stream()
        .filter(
            e ->
                (e instanceof OrderAccepted a && cl.equals(a.clientOrderId()))
                    || (e instanceof OrderRejected j && cl.equals(j.clientOrderId()))
                    || (e instanceof SubmitUnknown u && cl.equals(u.clientOrderId()))
                    || (e instanceof OrderCanceled x && cl.equals(x.clientOrderId()))
                    || (e instanceof CancelRejected c && cl.equals(c.clientOrderId()))
                    || (e instanceof RequestFailed r && cl.equals(r.clientOrderId())))
        .toList();
  }

  @Test
  void limitOrderIsOneAddOrderFrameWithTokenAndClOrdIdAndItsAckIsTheAcceptance() throws Exception {
    startWs();
    f.client.submit(buy("lim1"));
    OrderAccepted a = f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals("lim1"));

    // req_id 1 was the executions subscription on this connection.
    assertThat(frames("add_order"))
        .containsExactly(
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\","
                + "\"order_qty\":0.01250000,\"symbol\":\"BTC/USD\",\"limit_price\":64000.5,"
                + "\"cl_ord_id\":\"lim1\",\"token\":\""
                + TOKEN
                + "\"},\"req_id\":2}");
    FakeOrder o = FakeKrakenAnswers.find(f.kraken, null, "lim1");
    assertThat(eventsOf("lim1"))
        .containsExactly(new OrderAccepted("kraken", btc.id(), "lim1", o.txid, a.timeNanos()));
    assertThat(f.kraken.calls("AddOrder")).isEmpty();
  }

  @Test
  void postOnlyIocMarketQuoteSizedAndProtectedMarketUseKrakensV2Fields() throws Exception {
    startWs();
    TestOrders.eachShape(btc).forEach(f.client::submit);
    String tail = ",\"token\":\"" + TOKEN + "\"},\"req_id\":";
    assertThat(awaitFrames("add_order", 5))
        .containsExactly(
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"sell\","
                + "\"order_qty\":0.50000000,\"symbol\":\"BTC/USD\",\"limit_price\":70000.0,"
                + "\"post_only\":true,\"cl_ord_id\":\"po1\""
                + tail
                + "2}",
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\","
                + "\"order_qty\":0.01250000,\"symbol\":\"BTC/USD\",\"limit_price\":64000.5,"
                + "\"time_in_force\":\"ioc\",\"cl_ord_id\":\"ioc1\""
                + tail
                + "3}",
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"market\",\"side\":\"sell\","
                + "\"order_qty\":0.01000000,\"symbol\":\"BTC/USD\",\"cl_ord_id\":\"mkt1\""
                + tail
                + "4}",
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"market\",\"side\":\"buy\","
                + "\"cash_order_qty\":250,\"symbol\":\"BTC/USD\",\"cl_ord_id\":\"viqc1\""
                + tail
                + "5}",
            "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\","
                + "\"order_qty\":0.01000000,\"symbol\":\"BTC/USD\",\"limit_price\":65000.0,"
                + "\"time_in_force\":\"ioc\",\"cl_ord_id\":\"prot1\""
                + tail
                + "6}");
    for (String cl : List.of("po1", "ioc1", "mkt1", "viqc1", "prot1")) {
      f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals(cl));
    }
  }

  @Test
  void ordersKrakenCannotTakeAreRefusedLocallyAndNeverSent() throws Exception {
    startWs();
    f.client.submit(buy("fok1").withTimeInForce(TimeInForce.FOK));
    f.client.submit(TestOrders.quoteSizedMarket("viqcSell", btc, Side.SELL, "250.00"));
    assertThat(f.events().await(OrderRejected.class, r -> r.clientOrderId().equals("fok1")).code())
        .isEqualTo(RejectCode.UNSUPPORTED_ORDER);
    assertThat(
            f.events().await(OrderRejected.class, r -> r.clientOrderId().equals("viqcSell")).code())
        .isEqualTo(RejectCode.UNSUPPORTED_ORDER);
    assertThat(frames("add_order")).isEmpty();
  }

  @Test
  void starterTradingCounterRefusesThe61stOrderWithoutSendingIt() throws Exception {
    startWs();
    for (int i = 0; i < 61; i++) {
      f.client.submit(buy("tc" + i));
    }
    OrderRejected r = f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("tc60"));
    assertThat(r.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(r.venueCode()).isEqualTo("local:TRADING_COUNTER");
    assertThat(awaitFrames("add_order", 60)).hasSize(60).noneMatch(m -> m.contains("\"tc60\""));
  }

  @Test
  void cancelGoesOverTheSocketByOrderIdOrClOrdId() throws Exception {
    startWs();
    f.client.submit(buy("c1"));
    OrderAccepted a = f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals("c1"));
    f.client.cancel(btc, "c1", null); // txid known from the ack
    f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("c1"));

    f.client.submit(buy("c2"));
    f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals("c2"));
    f.client.cancel(btc, "unknown-to-adapter", null); // neither txid nor a tracked order
    f.events().await(CancelRejected.class, e -> e.clientOrderId().equals("unknown-to-adapter"));

    String tail = "\"token\":\"" + TOKEN + "\"},\"req_id\":";
    assertThat(frames("cancel_order"))
        .containsExactly(
            "{\"method\":\"cancel_order\",\"params\":{\"order_id\":[\""
                + a.exchangeOrderId()
                + "\"],"
                + tail
                + "3}",
            "{\"method\":\"cancel_order\",\"params\":{\"cl_ord_id\":[\"unknown-to-adapter\"],"
                + tail
                + "5}");
    OrderCanceled x1 = f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("c1"));
    assertThat(x1.exchangeOrderId()).isEqualTo(a.exchangeOrderId());
    assertThat(eventsOf("c1")).containsExactly(a, x1);
    CancelRejected x =
        f.events().await(CancelRejected.class, e -> e.clientOrderId().equals("unknown-to-adapter"));
    assertThat(x.code()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(x.venueCode()).isEqualTo("EOrder:Unknown order");
    assertThat(f.kraken.calls("CancelOrder")).isEmpty();
  }

  @Test
  void definitiveKrakenErrorsAreRejectionsWithTheErrorTablesCodes() throws Exception {
    startWs();
    String[][] cases = {
      {"EOrder:Insufficient funds", "VENUE_INSUFFICIENT_BALANCE"},
      {"EOrder:Post only order", "POST_ONLY_WOULD_TAKE"},
      {"EGeneral:Invalid arguments:order_qty", "VENUE_FILTER_FAILURE"},
      {"EGeneral:Permission denied", "AUTHENTICATION_FAILED"},
      {"EService:Market in post_only mode", "VENUE_UNAVAILABLE"},
      {"EOrder:Something new", "VENUE_REJECTED"},
      // Last: it fills the pair's trading counter, so a further order would be refused locally.
      {"EOrder:Rate limit exceeded", "RATE_LIMITED"}
    };
    for (int i = 0; i < cases.length; i++) {
      String error = cases[i][0];
      f.kraken.scriptWs("add_order", r -> FakeKraken.wsError("add_order", r, error));
      f.client.submit(buy("rej" + i));
      String cl = "rej" + i;
      OrderRejected r = f.events().await(OrderRejected.class, e -> e.clientOrderId().equals(cl));
      assertThat(r.code()).as(error).isEqualTo(RejectCode.valueOf(cases[i][1]));
      assertThat(r.venueCode()).isEqualTo(error);
      assertThat(eventsOf(cl)).containsExactly(r);
    }
    assertThat(f.events().events(VenueAlert.class))
        .extracting(VenueAlert::kind)
        .contains(AlertKind.RATE_LIMITED, AlertKind.AUTHENTICATION_FAILED, AlertKind.UNAVAILABLE);
    // Kraken's rate-limit answer snapped the pair's trading counter full, as on REST.
    f.client.submit(buy("afterLimit"));
    assertThat(
            f.events()
                .await(OrderRejected.class, e -> e.clientOrderId().equals("afterLimit"))
                .venueCode())
        .isEqualTo("local:TRADING_COUNTER");
    assertThat(frames("add_order")).hasSize(cases.length);
  }

  @Test
  void errorsThatLeaveTheOutcomeOpenAreUnknownNeverRejected() throws Exception {
    startWs();
    List<String> errors =
        List.of("EService:Unavailable", "EService:Busy", "EGeneral:Internal error");
    for (int i = 0; i < errors.size(); i++) {
      String error = errors.get(i);
      String cl = "amb" + i;
      f.kraken.scriptWs("add_order", r -> FakeKraken.wsError("add_order", r, error));
      f.client.submit(buy(cl));
      SubmitUnknown u = f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals(cl));
      assertThat(u.cause()).contains(error);
      assertThat(eventsOf(cl)).containsExactly(u);
    }
    assertThat(frames("add_order")).hasSize(3);
  }

  @Test
  void noAnswerWithinRequestTimeoutIsUnknownOnTheTestClock() throws Exception {
    startWs();
    f.kraken.scriptWs("add_order", r -> null);
    f.kraken.scriptWs("add_order", r -> null);
    f.client.submit(buy("slow1"));
    f.kit.scheduler.advance(Duration.ofSeconds(1));
    f.client.submit(buy("slow2"));
    awaitFrames("add_order", 2);

    f.kit.scheduler.advance(Duration.ofMillis(1999)); // slow1 due at 3 s, slow2 at 4 s
    assertThat(eventsOf("slow1")).isEmpty();
    f.kit.scheduler.advance(Duration.ofMillis(1));
    SubmitUnknown u1 =
        f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals("slow1"));
    assertThat(u1.cause()).contains("no answer within PT3S");
    assertThat(eventsOf("slow2")).isEmpty();
    f.kit.scheduler.advance(Duration.ofSeconds(1));
    f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals("slow2"));
    assertThat(eventsOf("slow1")).containsExactly(u1);
    assertThat(frames("add_order")).hasSize(2);
  }

  @Test
  void connectionLostWithAnOrderInFlightIsUnknownAndTheOrderIsNotResentAfterReconnect()
      throws Exception {
    startWs();
    f.kraken.scriptWs(
        "add_order",
        r -> {
          f.kraken.acceptWs(r); // Kraken has it, but the answer is lost with the connection
          return null;
        });
    f.client.submit(buy("inflight"));
    awaitFrames("add_order", 1);
    f.kraken.executions.drop();

    SubmitUnknown u =
        f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals("inflight"));
    assertThat(u.cause()).contains("connection lost");
    f.awaitExecutionsSubscriptions(2);
    f.events().await(ConnectionEvent.class, e -> e.state() == ConnectionState.RECONNECTED);
    f.kit.scheduler.advance(Duration.ofSeconds(5)); // well past requestTimeout
    assertThat(eventsOf("inflight")).containsExactly(u);
    assertThat(frames("add_order")).hasSize(1);
    assertThat(f.kraken.calls("AddOrder")).isEmpty();
  }

  @Test
  void aCancelInFlightWhenTheConnectionDropsIsARetryableFailedRequest() throws Exception {
    startWs();
    f.client.submit(buy("cx"));
    f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals("cx"));
    f.kraken.scriptWs("cancel_order", r -> null);
    f.client.cancel(btc, "cx", null);
    awaitFrames("cancel_order", 1);
    f.kraken.executions.drop();
    RequestFailed r = f.events().await(RequestFailed.class, e -> "cx".equals(e.clientOrderId()));
    assertThat(r.request()).isEqualTo(RequestKind.CANCEL);
    assertThat(r.retryable()).isTrue();
  }

  @Test
  void anOrderWhileTheSocketIsNotAuthenticatedIsVenueUnavailableAndNeverSent() throws Exception {
    // Kraken refuses the subscription (an invalid token): connected, never authenticated.
    start(OrderEntry.WEBSOCKET, false, k -> k.refuseSubscriptions = true);
    Await.until(
        () -> !f.kraken.executions.receivedContaining("\"subscribe\"").isEmpty(),
        "subscription attempt");
    f.client.submit(buy("early"));
    OrderRejected r = f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("early"));
    assertThat(r.code()).isEqualTo(RejectCode.VENUE_UNAVAILABLE);
    assertThat(r.venueCode()).isEqualTo("local:WS_NOT_CONNECTED");
    assertThat(eventsOf("early")).containsExactly(r);
    assertThat(frames("add_order")).isEmpty();
    assertThat(f.kraken.calls("AddOrder")).isEmpty();
  }

  @Test
  void restOrderEntryStillSendsOrdersAndCancelsOverRest() throws Exception {
    start(OrderEntry.REST, false);
    f.awaitExecutionsSubscribed();
    f.client.submit(buy("rest1"));
    f.events().await(OrderAccepted.class, e -> e.clientOrderId().equals("rest1"));
    f.client.cancel(btc, "rest1", null);
    f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("rest1"));
    assertThat(f.kraken.calls("AddOrder")).hasSize(1);
    assertThat(f.kraken.calls("CancelOrder")).hasSize(1);
    assertThat(frames("add_order")).isEmpty();
    assertThat(frames("cancel_order")).isEmpty();
  }

  @Test
  void webSocketOrderEntryIsACapabilityOnlyWithCredentials() throws Exception {
    startWs();
    assertThat(f.client.capabilities()).contains(Capability.WEBSOCKET_ORDER_ENTRY);
    try (KrakenFixture marketOnly = new KrakenFixture(b -> b.credentials(null))) {
      assertThat(marketOnly.client.capabilities())
          .doesNotContain(Capability.WEBSOCKET_ORDER_ENTRY, Capability.LIMIT_ORDER);
    }
  }
}
