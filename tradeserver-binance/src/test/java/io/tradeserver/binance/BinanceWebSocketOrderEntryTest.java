package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Balances;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order entry over the WebSocket API: exact signed requests, same events as REST, timeouts. */
class BinanceWebSocketOrderEntryTest {
  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
    client = new BinanceExchangeProvider().create(kit.context(Configs.webSocket(venue)));
    client.start();
    btc = Configs.btcUsdt(kit);
    kit.listener.await(OpenOrders.class);
    kit.listener.await(Balances.class);
    kit.listener.await(ConnectionEvent.class, c -> c.channel() == Channel.ORDER_ENTRY);
    kit.listener.clear();
  }

  @AfterEach
  void stop() {
    client.close();
    venue.close();
    kit.assertNoErrors();
  }

  private MockBinance.ServerSocket orderSocket() {
    Await.until(
        () -> venue.wsApi.stream().anyMatch(s -> !s.isUserData() && s.socket != null),
        "order socket");
    return venue.wsApi.stream().filter(s -> !s.isUserData()).findFirst().orElseThrow();
  }

  private long ts() {
    return kit.clock.millis() + MockBinance.SERVER_OFFSET_MILLIS;
  }

  @Test
  void orderPlaceIsSignedOverSortedParametersAndAnsweredLikeRest() throws Exception {
    MockBinance.ServerSocket s = orderSocket();
    client.submit(
        OrderRequest.limit("w1", btc, Side.BUY, btc.price("64000.5"), btc.quantity("0.01")));
    OrderAccepted ack = kit.listener.await(OrderAccepted.class);
    assertThat(ack.clientOrderId()).isEqualTo("w1");
    String payload =
        "apiKey="
            + MockBinance.API_KEY
            + "&newClientOrderId=w1&newOrderRespType=FULL&price=64000.50&quantity=0.01000"
            + "&recvWindow=5000&side=BUY&symbol=BTCUSDT&timeInForce=GTC&timestamp="
            + ts()
            + "&type=LIMIT";
    assertThat(s.received.get(0))
        .isEqualTo(
            "{\"id\":\"o1\",\"method\":\"order.place\",\"params\":{\"apiKey\":\""
                + MockBinance.API_KEY
                + "\",\"newClientOrderId\":\"w1\",\"newOrderRespType\":\"FULL\",\"price\":\"64000.50\","
                + "\"quantity\":\"0.01000\",\"recvWindow\":5000,\"side\":\"BUY\",\"symbol\":\"BTCUSDT\","
                + "\"timeInForce\":\"GTC\",\"timestamp\":"
                + ts()
                + ",\"type\":\"LIMIT\",\"signature\":\""
                + BinanceRestTest.sign(payload)
                + "\"}}");
    assertThat(venue.requests("POST /api/v3/order")).as("not over REST").isEmpty();
  }

  @Test
  void refusalsCancelsAndQueriesMapLikeRest() throws Exception {
    MockBinance.ServerSocket s = orderSocket();
    venue.autoPlace = false;
    client.submit(
        OrderRequest.limit("w2", btc, Side.BUY, btc.price("64000"), btc.quantity("0.01")));
    Await.until(() -> s.received.size() == 1, "order.place sent");
    s.send(
        "{\"id\":\"o1\",\"status\":400,\"error\":{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"},"
            + "\"rateLimits\":[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100,\"count\":12}]}");
    OrderRejected r = kit.listener.await(OrderRejected.class);
    assertThat(r.code()).isEqualTo(RejectCode.VENUE_INSUFFICIENT_BALANCE);
    assertThat(r.venueCode()).isEqualTo("-2010");

    client.cancel(btc, "w3", "12569099453");
    Await.until(() -> s.received.size() == 2, "order.cancel sent");
    String cancelPayload =
        "apiKey="
            + MockBinance.API_KEY
            + "&orderId=12569099453&recvWindow=5000&symbol=BTCUSDT&timestamp="
            + ts();
    assertThat(s.received.get(1))
        .contains("\"method\":\"order.cancel\"")
        .endsWith("\"signature\":\"" + BinanceRestTest.sign(cancelPayload) + "\"}}");
    s.send(
        "{\"id\":\"o2\",\"status\":400,\"error\":{\"code\":-2011,\"msg\":\"Unknown order sent.\"}}");
    assertThat(kit.listener.await(CancelRejected.class).code()).isEqualTo(RejectCode.UNKNOWN_ORDER);

    client.queryOrder(btc, "w4");
    Await.until(() -> s.received.size() == 3, "order.status sent");
    assertThat(s.received.get(2))
        .contains("\"method\":\"order.status\"")
        .contains("\"origClientOrderId\":\"w4\"");
    s.send(
        "{\"id\":\"o3\",\"status\":200,\"result\":{\"symbol\":\"BTCUSDT\",\"orderId\":12569099453,\"orderListId\":-1,"
            + "\"clientOrderId\":\"w4\",\"price\":\"64000.00\",\"origQty\":\"0.01000\",\"executedQty\":\"0.00000\","
            + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\","
            + "\"side\":\"BUY\",\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\",\"time\":1660801715639,"
            + "\"updateTime\":1660801717945,\"isWorking\":true,\"workingTime\":1660801715639,"
            + "\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}}");
    OrderStatusReport report = kit.listener.await(OrderStatusReport.class);
    assertThat(report.status()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(report.exchangeOrderId()).isEqualTo("12569099453");
  }

  @Test
  void noAnswerWithinTheRequestTimeoutIsUnknown() {
    MockBinance.ServerSocket s = orderSocket();
    venue.autoPlace = false;
    client.submit(
        OrderRequest.limit("w5", btc, Side.SELL, btc.price("70000"), btc.quantity("0.01")));
    Await.until(() -> s.received.size() == 1, "order.place sent");
    kit.scheduler.advance(Duration.ofSeconds(1));
    SubmitUnknown u = kit.listener.await(SubmitUnknown.class);
    assertThat(u.clientOrderId()).isEqualTo("w5");
    // A late answer is dropped (the engine resolves the order by query); nothing is re-sent.
    s.send(
        "{\"id\":\"o1\",\"status\":200,\"result\":{\"symbol\":\"BTCUSDT\",\"orderId\":5,\"clientOrderId\":\"w5\",\"transactTime\":1,\"status\":\"NEW\"}}");
    assertThat(s.received).hasSize(1);
    assertThat(List.copyOf(kit.listener.events(OrderAccepted.class))).isEmpty();
  }
}
