package io.tradeserver.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kraken.FakeKraken.Call;
import io.tradeserver.kraken.FakeKraken.FakeOrder;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kraken specifics of order entry: exact signed requests, error mapping, stream/ack races. */
class KrakenOrderFlowTest {
  private KrakenFixture f;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    f = new KrakenFixture();
    f.client.start();
    btc = f.awaitInstrument("BTC-USD");
  }

  @AfterEach
  void stop() {
    f.close();
    f.kit.assertNoErrors();
  }

  private OrderRequest buy(String cl) {
    return TestOrders.limitBuy(cl, btc);
  }

  private Call only(String method) {
    Await.until(() -> !f.kraken.calls(method).isEmpty(), "a " + method + " call");
    List<Call> calls = f.kraken.calls(method);
    assertThat(calls).hasSize(1);
    return calls.get(0);
  }

  /** Asserts the body (after the nonce) and an independently recomputed API-Sign. */
  private static void assertSigned(Call c, String path, String afterNonce) {
    String nonce = c.field("nonce");
    assertThat(c.path()).isEqualTo(path);
    assertThat(c.body()).isEqualTo("nonce=" + nonce + afterNonce);
    assertThat(c.apiSign()).isEqualTo(FakeKraken.sign(path, nonce, c.body()));
  }

  private List<VenueEvent> eventsOf(String cl) {
    return f.events().events().stream()
        .filter(
            e ->
                (e instanceof OrderAccepted a && cl.equals(a.clientOrderId()))
                    || (e instanceof FillReport r && cl.equals(r.fill().clientOrderId()))
                    || (e instanceof OrderRejected j && cl.equals(j.clientOrderId()))
                    || (e instanceof SubmitUnknown u && cl.equals(u.clientOrderId()))
                    || (e instanceof OrderCanceled x && cl.equals(x.clientOrderId())))
        .toList();
  }

  @Test
  void limitOrderIsSignedExactlyAsSent() {
    f.client.submit(buy("lim1"));
    f.events().await(OrderAccepted.class, a -> a.clientOrderId().equals("lim1"));
    assertSigned(
        only("AddOrder"),
        "/0/private/AddOrder",
        "&ordertype=limit&type=buy&volume=0.01250000&pair=XXBTZUSD&price=64000.5&cl_ord_id=lim1");
    assertThat(f.kraken.badSignatures.get()).isZero();
  }

  @Test
  void postOnlyIocMarketAndQuoteSizedOrdersUseKrakensFields() {
    TestOrders.eachShape(btc).forEach(f.client::submit);
    Await.until(() -> f.kraken.calls("AddOrder").size() == 5, "five orders");
    assertThat(f.kraken.calls("AddOrder"))
        .extracting(c -> c.body().substring(c.body().indexOf('&')))
        .containsExactly(
            "&ordertype=limit&type=sell&volume=0.50000000&pair=XXBTZUSD&price=70000.0&cl_ord_id=po1&oflags=post",
            "&ordertype=limit&type=buy&volume=0.01250000&pair=XXBTZUSD&price=64000.5&cl_ord_id=ioc1&timeinforce=IOC",
            "&ordertype=market&type=sell&volume=0.01000000&pair=XXBTZUSD&cl_ord_id=mkt1",
            "&ordertype=market&type=buy&volume=250&pair=XXBTZUSD&cl_ord_id=viqc1&oflags=viqc",
            "&ordertype=limit&type=buy&volume=0.01000000&pair=XXBTZUSD&price=65000.0&cl_ord_id=prot1&timeinforce=IOC");
  }

  @Test
  void fillOrKillIsRefusedLocallyAndNeverSent() {
    f.client.submit(
        new OrderRequest(
            "fok1",
            btc,
            Side.BUY,
            OrderType.LIMIT,
            TimeInForce.FOK,
            Price.parse("1.0"),
            Quantity.parse("1"),
            null,
            null,
            null,
            "s",
            0));
    OrderRejected r = f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("fok1"));
    assertThat(r.code()).isEqualTo(RejectCode.UNSUPPORTED_ORDER);
    assertThat(f.kraken.calls("AddOrder")).isEmpty();
  }

  @Test
  void cancelByTxidAndByClientOrderId() {
    f.client.submit(buy("c1"));
    OrderAccepted ack = f.events().await(OrderAccepted.class, a -> a.clientOrderId().equals("c1"));
    f.client.cancel(btc, "c1", ack.exchangeOrderId());
    f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("c1"));
    assertSigned(only("CancelOrder"), "/0/private/CancelOrder", "&txid=" + ack.exchangeOrderId());

    f.kraken.script(
        "AddOrder",
        c -> {
          FakeKrakenAnswers.accept(f.kraken, c);
          return new mockwebserver3.MockResponse.Builder()
              .code(504)
              .body("gateway timeout")
              .build();
        });
    f.client.submit(buy("c2"));
    f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals("c2"));
    f.client.cancel(btc, "c2", null);
    f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("c2"));
    Call byClient = f.kraken.calls("CancelOrder").get(1);
    assertSigned(byClient, "/0/private/CancelOrder", "&cl_ord_id=c2");

    f.client.cancel(btc, "c2", null);
    CancelRejected gone =
        f.events().await(CancelRejected.class, e -> e.clientOrderId().equals("c2"));
    assertThat(gone.code()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(gone.venueCode()).isEqualTo("EOrder:Unknown order");
  }

  @Test
  void venueErrorsBecomeTypedOutcomesAndAlerts() {
    f.kraken.script(
        "AddOrder", c -> FakeKraken.json("{\"error\":[\"EOrder:Rate limit exceeded\"]}"));
    f.kraken.script("AddOrder", c -> FakeKraken.json("{\"error\":[\"EAPI:Invalid key\"]}"));
    f.kraken.script(
        "AddOrder", c -> FakeKraken.json("{\"error\":[\"EGeneral:Invalid arguments:volume\"]}"));
    f.kraken.script("AddOrder", c -> FakeKraken.json("{\"error\":[\"EService:Unavailable\"]}"));
    for (String cl : List.of("e1", "e2", "e3", "e4")) {
      f.client.submit(buy(cl));
    }
    assertThat(f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("e1")).code())
        .isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("e2")).code())
        .isEqualTo(RejectCode.AUTHENTICATION_FAILED);
    OrderRejected filter =
        f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("e3"));
    assertThat(filter.code()).isEqualTo(RejectCode.VENUE_FILTER_FAILURE);
    assertThat(filter.venueCode()).isEqualTo("EGeneral:Invalid arguments:volume");
    assertThat(f.events().await(SubmitUnknown.class, e -> e.clientOrderId().equals("e4")).cause())
        .contains("EService:Unavailable");
    assertThat(f.events().events(VenueAlert.class))
        .extracting(VenueAlert::kind)
        .contains(AlertKind.RATE_LIMITED, AlertKind.AUTHENTICATION_FAILED);
    assertThat(f.kraken.calls("AddOrder")).hasSize(4);
  }

  @Test
  void starterTradingCounterRefusesThe61stOrderOnAPairWithoutSendingIt() {
    for (int i = 0; i < 61; i++) {
      f.client.submit(buy("r" + i));
    }
    OrderRejected r = f.events().await(OrderRejected.class, e -> e.clientOrderId().equals("r60"));
    assertThat(r.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(r.venueCode()).isEqualTo("local:TRADING_COUNTER");
    Await.until(() -> f.kraken.calls("AddOrder").size() == 60, "60 orders sent");
    assertThat(f.events().events(OrderRejected.class)).hasSize(1);
    assertThat(((io.tradeserver.spi.RateLimitAware) f.client).rateLimitHeadroom()) // metrics view
        .anySatisfy(h -> assertThat(h.available()).isLessThan(h.capacity()));
  }

  @Test
  void streamNewBeforeTheRestAckGivesOneAcceptance() {
    f.awaitExecutionsSubscribed();
    f.kraken.script(
        "AddOrder",
        c -> {
          FakeOrder o = FakeKrakenAnswers.accept(f.kraken, c);
          f.kraken.executions.send(ExecutionMessages.status("new", o.txid, o.clOrdId));
          f.kraken.executions.send(
              ExecutionMessages.trade(
                  o,
                  "TFILL1-AAAAA-BBBBBB",
                  Price.parse("64000.5"),
                  Quantity.parse("0.005"),
                  Quantity.parse("0.005"),
                  Side.BUY));
          f.events().await(FillReport.class, e -> e.fill().tradeId().equals("TFILL1-AAAAA-BBBBBB"));
          return FakeKrakenAnswers.addOrder(f.kraken, c).newBuilder().build();
        });
    f.client.submit(buy("s1"));
    Await.until(() -> f.kraken.calls("AddOrder").size() == 1, "sent");
    Await.until(() -> eventsOf("s1").size() == 2 && f.kraken.orders.size() >= 1, "stream events");
    assertThat(eventsOf("s1"))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport");
    FillReport fill = (FillReport) eventsOf("s1").get(1);
    assertThat(fill.fill().exchangeOrderId())
        .isEqualTo(((OrderAccepted) eventsOf("s1").get(0)).exchangeOrderId());
    assertThat(fill.cumulativeQuantity()).isEqualTo(Quantity.parse("0.005"));
    assertThat(fill.fill().fee()).isEqualTo(Quantity.parse("0.0001"));
    assertThat(fill.fill().feeAsset()).isEqualTo("USD");
  }

  @Test
  void restAckBeforeStreamNewGivesOneAcceptanceThenTheFill() {
    f.awaitExecutionsSubscribed();
    f.client.submit(buy("s2"));
    OrderAccepted ack = f.events().await(OrderAccepted.class, a -> a.clientOrderId().equals("s2"));
    FakeOrder o = f.kraken.orders.get(ack.exchangeOrderId());
    f.kraken.executions.send(ExecutionMessages.status("pending_new", o.txid, o.clOrdId));
    f.kraken.executions.send(ExecutionMessages.status("new", o.txid, o.clOrdId));
    f.kraken.executions.send(
        ExecutionMessages.trade(
            o,
            "TFILL2-AAAAA-BBBBBB",
            Price.parse("64000.5"),
            Quantity.parse("0.0125"),
            Quantity.parse("0.0125"),
            Side.BUY));
    f.kraken.executions.send(ExecutionMessages.status("filled", o.txid, o.clOrdId));
    f.events().await(FillReport.class, e -> e.fill().tradeId().equals("TFILL2-AAAAA-BBBBBB"));
    f.kraken.executions.send(ExecutionMessages.status("canceled", o.txid, o.clOrdId));
    f.events().await(OrderCanceled.class, e -> e.clientOrderId().equals("s2"));
    assertThat(eventsOf("s2"))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport", "OrderCanceled");
  }

  @Test
  void queryReportsTheOrderAndItsTradesFromQueryTrades() {
    f.client.submit(buy("q1"));
    f.events().await(OrderAccepted.class, a -> a.clientOrderId().equals("q1"));
    f.reportNextQuery(
        buy("q1"), OrderStatus.PARTIALLY_FILLED, Quantity.parse("0.005"), Price.parse("64000.5"));
    f.client.queryOrder(btc, "q1");
    OrderStatusReport r =
        f.events().await(OrderStatusReport.class, e -> e.clientOrderId().equals("q1"));
    FillReport fill =
        f.events().await(FillReport.class, e -> "q1".equals(e.fill().clientOrderId()));
    assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(fill.fill().tradeId()).startsWith("TQ");
    assertThat(fill.fill().quantity()).isEqualTo(Quantity.parse("0.005"));
    assertThat(fill.fill().timeNanos()).isEqualTo(1_688_667_796_880_200_000L);
    Call q = only("QueryOrders");
    assertSigned(q, "/0/private/QueryOrders", "&txid=" + r.exchangeOrderId() + "&trades=true");
    assertSigned(only("QueryTrades"), "/0/private/QueryTrades", "&txid=" + fill.fill().tradeId());
  }

  @Test
  void unknownOrderIsLookedUpByClientIdInOpenThenClosedOrders() {
    f.client.queryOrder(btc, "nope1");
    f.events()
        .await(io.tradeserver.event.OrderNotFound.class, e -> e.clientOrderId().equals("nope1"));
    Call open =
        f.kraken.calls("OpenOrders").stream()
            .filter(c -> "nope1".equals(c.field("cl_ord_id")))
            .findFirst()
            .orElseThrow();
    assertSigned(open, "/0/private/OpenOrders", "&trades=true&cl_ord_id=nope1");
    assertSigned(only("ClosedOrders"), "/0/private/ClosedOrders", "&trades=true&cl_ord_id=nope1");
  }

  @Test
  void deadManSwitchArmsAndDisarmsCancelAllOrdersAfter() {
    f.client.armDeadManSwitch(Duration.ofSeconds(60));
    Await.until(() -> f.kraken.calls("CancelAllOrdersAfter").size() == 1, "armed");
    f.client.armDeadManSwitch(Duration.ZERO);
    Await.until(() -> f.kraken.calls("CancelAllOrdersAfter").size() == 2, "disarmed");
    List<Call> calls = f.kraken.calls("CancelAllOrdersAfter");
    assertSigned(calls.get(0), "/0/private/CancelAllOrdersAfter", "&timeout=60");
    assertSigned(calls.get(1), "/0/private/CancelAllOrdersAfter", "&timeout=0");
  }

  @Test
  void cancelAllIsSignedAndFollowedByReconciliation() {
    f.kraken.openOrdersScripted = true;
    f.client.cancelAll(null);
    assertSigned(only("CancelAll"), "/0/private/CancelAll", "");
    f.events().await(io.tradeserver.event.OpenOrders.class);
  }

  @Test
  void concurrentOrdersLeaveInNonceOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 40; i++) {
      String cl = "n" + i;
      pool.submit(() -> f.client.submit(buy(cl)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    Await.until(
        Duration.ofSeconds(10),
        () -> f.events().events(OrderAccepted.class).size() == 40,
        () -> "40 acks, got " + f.events().events(OrderAccepted.class).size());
    assertThat(f.kraken.badNonces.get()).isZero();
    assertThat(f.kraken.badSignatures.get()).isZero();
  }
}
