package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.event.Balances;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The private stream (WebSocket API user data): exact subscription request, stream events before
 * and after the REST ack, disconnect → reconnect → reconcile, and the 24 h rotation driven by the
 * test clock.
 */
class BinancePrivateStreamTest {
  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
    client =
        new BinanceExchangeProvider()
            .create(
                kit.context(Configs.base(venue).option("timeSyncIntervalSeconds", "0").build()));
    client.start();
    btc = Configs.btcUsdt(kit);
    kit.listener.await(OpenOrders.class);
    kit.listener.await(Balances.class);
  }

  @AfterEach
  void stop() {
    client.close();
    venue.close();
    kit.assertNoErrors();
  }

  private MockBinance.ServerSocket userData(int index) {
    Await.until(
        () -> venue.wsApi.stream().filter(MockBinance.ServerSocket::isUserData).count() > index,
        "user data connection " + index);
    return venue.wsApi.stream().filter(MockBinance.ServerSocket::isUserData).toList().get(index);
  }

  private ObjectNode execution(String x, String status, String clientOrderId, String orig) {
    ObjectNode e =
        (ObjectNode) MockBinance.tree("ws-execution-report.json").get("event").deepCopy();
    return e.put("s", "BTCUSDT")
        .put("c", clientOrderId)
        .put("C", orig)
        .put("S", "BUY")
        .put("x", x)
        .put("X", status)
        .put("i", 4293153)
        .put("p", "64000.00")
        .put("q", "0.01000");
  }

  @Test
  void subscriptionIsASignedWebSocketApiRequestAndStartReconciles() throws Exception {
    MockBinance.ServerSocket s = userData(0);
    long ts = kit.clock.millis() + MockBinance.SERVER_OFFSET_MILLIS;
    String payload = "apiKey=" + MockBinance.API_KEY + "&recvWindow=5000&timestamp=" + ts;
    assertThat(s.received.get(0))
        .isEqualTo(
            "{\"id\":\"uds1\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\""
                + MockBinance.API_KEY
                + "\",\"recvWindow\":5000,\"timestamp\":"
                + ts
                + ",\"signature\":\""
                + BinanceRestTest.sign(payload)
                + "\"}}");
    List<VenueEvent> seq = kit.listener.events();
    // Reconciled once the subscription is up (the two REST answers may come in either order).
    List<String> names = seq.stream().map(e -> e.getClass().getSimpleName()).toList();
    assertThat(names.subList(0, 2)).containsExactly("InstrumentsLoaded", "ConnectionEvent");
    assertThat(names.subList(2, names.size())).containsExactlyInAnyOrder("OpenOrders", "Balances");
    assertThat(venue.requests("GET /api/v3/account")).hasSize(1);
  }

  @Test
  void streamEventsBeforeAndAfterTheRestAckAreAllReported() throws Exception {
    MockBinance.ServerSocket s = userData(0);
    kit.listener.clear();
    CountDownLatch release = new CountDownLatch(1);
    venue.script(
        "POST /api/v3/order",
        r -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return MockBinance.json(200, venue.newOrder(MockBinance.params(r), "NEW").toString());
        });
    client.submit(
        OrderRequest.limit("e1", btc, Side.BUY, btc.price("64000"), btc.quantity("0.01")));
    // The stream is faster than the REST answer: NEW and a partial fill arrive first.
    s.event(execution("NEW", "NEW", "e1", ""));
    ObjectNode trade = execution("TRADE", "PARTIALLY_FILLED", "e1", "");
    trade
        .put("l", "0.00400")
        .put("z", "0.00400")
        .put("L", "64000.00")
        .put("n", "0.00000400")
        .put("N", "BTC")
        .put("T", 1499405658657L)
        .put("t", 77)
        .put("m", true);
    s.event(trade);
    kit.listener.await(FillReport.class);
    release.countDown();
    kit.listener.await(
        OrderAccepted.class,
        a -> a.exchangeOrderId() != null && !a.exchangeOrderId().equals("4293153"));
    // After the ack: canceled by a cancel request whose own id is "c" and the order's is "C".
    s.event(execution("CANCELED", "CANCELED", "cancelReq1", "e1"));
    kit.listener.await(OrderCanceled.class);
    s.event(MockBinance.tree("ws-outbound-account-position.json").get("event"));
    Balances partial = kit.listener.await(Balances.class);
    assertThat(partial.complete()).isFalse();
    assertThat(partial.balances().get(0).asset()).isEqualTo("ETH");

    List<VenueEvent> seq =
        kit.listener.events().stream().filter(e -> !(e instanceof Balances)).toList();
    assertThat(seq)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport", "OrderAccepted", "OrderCanceled");
    FillReport fill = (FillReport) seq.get(1);
    assertThat(fill.fill().tradeId()).isEqualTo("77");
    assertThat(fill.fill().clientOrderId()).isEqualTo("e1");
    assertThat(fill.fill().liquidity()).isEqualTo(Liquidity.MAKER);
    assertThat(fill.fill().fee()).isEqualTo(Quantity.parse("0.000004"));
    assertThat(fill.cumulativeQuantity()).isEqualTo(Quantity.parse("0.004"));
    assertThat(((OrderCanceled) seq.get(3)).clientOrderId()).isEqualTo("e1");
  }

  @Test
  void reconnectAfterAGapReconcilesOpenOrdersAndBalances() {
    MockBinance.ServerSocket first = userData(0);
    kit.listener.clear();
    venue.requests.clear();
    first.socket.close(1001, "going away");
    kit.listener.await(ConnectionEvent.class, c -> c.state() == ConnectionState.DISCONNECTED);
    Await.until(() -> kit.scheduler.pending() == 1, "reconnect scheduled");
    kit.scheduler.advance(Duration.ofSeconds(1)); // backoff before reconnecting
    userData(1);
    kit.listener.await(ConnectionEvent.class, c -> c.state() == ConnectionState.RECONNECTED);
    kit.listener.await(OpenOrders.class);
    kit.listener.await(Balances.class, Balances::complete);
    List<String> seq =
        kit.listener.events().stream()
            .map(
                e ->
                    e instanceof ConnectionEvent c
                        ? c.state().name()
                        : e.getClass().getSimpleName())
            .toList();
    assertThat(seq.subList(0, 2)).containsExactly("DISCONNECTED", "RECONNECTED");
    assertThat(seq.subList(2, seq.size())).containsExactlyInAnyOrder("OpenOrders", "Balances");
    assertThat(venue.requests("GET /api/v3/openOrders").get(0).getUrl().queryParameter("symbol"))
        .isNull();
  }

  @Test
  void rotationBeforeTwentyFourHoursKeepsTheStreamWithoutAGap() {
    MockBinance.ServerSocket first = userData(0);
    kit.listener.clear();
    venue.requests.clear();
    kit.scheduler.advance(Duration.ofHours(23).plusMinutes(55));
    MockBinance.ServerSocket second = userData(1);
    kit.listener.await(ConnectionEvent.class, c -> c.state() == ConnectionState.ROTATED);
    Await.until(() -> first.closed, "old connection closed after the new one is ready");
    second.event(execution("NEW", "NEW", "r1", ""));
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("r1"));
    assertThat(kit.listener.events(ConnectionEvent.class))
        .extracting(ConnectionEvent::state)
        .containsExactly(ConnectionState.ROTATED);
    assertThat(venue.requests("GET /api/v3/openOrders")).as("no gap, no reconcile").isEmpty();
  }
}
