package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.event.Balances;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Side;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket API order entry with an Ed25519 key: each connection is authenticated once by {@code
 * session.logon}, then orders go without apiKey and signature (web-socket-api.md "Session
 * Authentication").
 */
class BinanceSessionLogonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // RFC 8032 section 7.1, TEST 1: private seed and its public key.
  private static final String SEED =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument btc;

  static String pem() {
    byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + SEED);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  static boolean verifies(String payload, String base64Signature) throws Exception {
    byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + PUBLIC);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(key);
    v.update(payload.getBytes(StandardCharsets.UTF_8));
    return v.verify(Base64.getDecoder().decode(base64Signature));
  }

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
  }

  private void connect() {
    client =
        new BinanceExchangeProvider()
            .create(
                kit.context(
                    Configs.base(venue)
                        .credentials(Credentials.of(MockBinance.API_KEY, pem()))
                        .option("keyType", "ED25519")
                        .orderEntry(OrderEntry.WEBSOCKET)
                        .build()));
    client.start();
    btc = Configs.btcUsdt(kit);
    kit.listener.await(OpenOrders.class);
    kit.listener.await(Balances.class);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    venue.close();
    kit.assertNoErrors();
  }

  /** The WebSocket API connections whose first frame is a session.logon, oldest first. */
  private List<MockBinance.ServerSocket> loggingOn() {
    return venue.wsApi.stream()
        .filter(s -> !s.received.isEmpty() && s.received.get(0).contains("\"session.logon\""))
        .toList();
  }

  private long ts() {
    return kit.clock.millis() + MockBinance.SERVER_OFFSET_MILLIS;
  }

  private void awaitOrderEntryUp() {
    kit.listener.await(
        ConnectionEvent.class,
        c -> c.channel() == Channel.ORDER_ENTRY && c.state() == ConnectionState.CONNECTED);
  }

  @Test
  void theConnectionLogsOnOnceAndOrdersGoUnsigned() throws Exception {
    connect();
    awaitOrderEntryUp();
    MockBinance.ServerSocket s = loggingOn().get(0);
    JsonNode logon = JSON.readTree(s.received.get(0));
    assertThat(logon.path("method").asText()).isEqualTo("session.logon");
    JsonNode p = logon.path("params");
    assertThat(p.path("apiKey").asText()).isEqualTo(MockBinance.API_KEY);
    assertThat(p.path("timestamp").asLong()).isEqualTo(ts());
    String payload = "apiKey=" + MockBinance.API_KEY + "&recvWindow=5000&timestamp=" + ts();
    assertThat(verifies(payload, p.path("signature").asText()))
        .as("Ed25519 signature over the sorted parameters")
        .isTrue();

    client.submit(
        OrderRequest.limit("e1", btc, Side.BUY, btc.price("64000.5"), btc.quantity("0.01")));
    assertThat(kit.listener.await(OrderAccepted.class).clientOrderId()).isEqualTo("e1");
    assertThat(s.received.get(1))
        .isEqualTo(
            "{\"id\":\"o2\",\"method\":\"order.place\",\"params\":{\"newClientOrderId\":\"e1\","
                + "\"newOrderRespType\":\"FULL\",\"price\":\"64000.50\",\"quantity\":\"0.01000\","
                + "\"recvWindow\":5000,\"side\":\"BUY\",\"symbol\":\"BTCUSDT\",\"timeInForce\":\"GTC\","
                + "\"timestamp\":"
                + ts()
                + ",\"type\":\"LIMIT\"}}");
    client.cancel(btc, "e1", "12569099453");
    Await.until(() -> s.received.size() == 3, "order.cancel sent");
    assertThat(s.received.get(2))
        .contains("\"method\":\"order.cancel\"")
        .doesNotContain("apiKey")
        .doesNotContain("signature")
        .endsWith("\"timestamp\":" + ts() + "}}");
  }

  @Test
  void noOrderGoesOutBeforeTheLogonIsAnswered() {
    venue.autoLogon = false;
    connect();
    Await.until(() -> !loggingOn().isEmpty(), "session.logon sent");
    MockBinance.ServerSocket s = loggingOn().get(0);
    client.submit(
        OrderRequest.limit("e2", btc, Side.BUY, btc.price("64000"), btc.quantity("0.01")));
    assertThat(
            kit.listener
                .await(
                    io.tradeserver.event.OrderRejected.class, r -> r.clientOrderId().equals("e2"))
                .code())
        .isEqualTo(io.tradeserver.model.RejectCode.VENUE_UNAVAILABLE);
    assertThat(s.received).as("nothing but the logon on the wire").hasSize(1);
  }

  @Test
  void aRefusedLogonFallsBackToSigningEachRequest() throws Exception {
    venue.autoLogon = false;
    connect();
    Await.until(() -> !loggingOn().isEmpty(), "session.logon sent");
    MockBinance.ServerSocket s = loggingOn().get(0);
    String id = JSON.readTree(s.received.get(0)).path("id").asText();
    s.send(
        "{\"id\":\""
            + id
            + "\",\"status\":400,\"error\":{\"code\":-4056,\"msg\":\"HMAC_SHA256 API key is not supported.\"}}");
    awaitOrderEntryUp();
    client.submit(
        OrderRequest.limit("e3", btc, Side.BUY, btc.price("64000.5"), btc.quantity("0.01")));
    assertThat(kit.listener.await(OrderAccepted.class).clientOrderId()).isEqualTo("e3");
    JsonNode place = JSON.readTree(s.received.get(1)).path("params");
    assertThat(place.path("apiKey").asText()).isEqualTo(MockBinance.API_KEY);
    String payload =
        "apiKey="
            + MockBinance.API_KEY
            + "&newClientOrderId=e3&newOrderRespType=FULL&price=64000.50&quantity=0.01000"
            + "&recvWindow=5000&side=BUY&symbol=BTCUSDT&timeInForce=GTC&timestamp="
            + ts()
            + "&type=LIMIT";
    assertThat(verifies(payload, place.path("signature").asText())).isTrue();
  }

  @Test
  void anUnansweredLogonDropsTheConnectionAndTheNextOneLogsOnAgain() {
    venue.autoLogon = false;
    connect();
    Await.until(() -> !loggingOn().isEmpty(), "session.logon sent");
    MockBinance.ServerSocket first = loggingOn().get(0);
    venue.autoLogon = true;
    kit.scheduler.advance(Duration.ofSeconds(1)); // the request timeout
    Await.until(
        () -> {
          kit.scheduler.advance(Duration.ofMillis(100)); // reconnect backoff
          return loggingOn().size() == 2;
        },
        "a second connection logging on");
    awaitOrderEntryUp();
    client.submit(
        OrderRequest.limit("e4", btc, Side.SELL, btc.price("70000"), btc.quantity("0.01")));
    assertThat(kit.listener.await(OrderAccepted.class).clientOrderId()).isEqualTo("e4");
  }

  @Test
  void aRotatedConnectionLogsOnBeforeItTakesOrdersWhichStayUnsigned() throws Exception {
    connect();
    awaitOrderEntryUp();
    MockBinance.ServerSocket first = loggingOn().get(0);
    kit.listener.clear();
    kit.scheduler.advance(Duration.ofHours(23).plusMinutes(55)); // before Binance's 24 h limit
    // The user-data connection rotates too: the replacement order connection is the one logging on.
    Await.until(() -> loggingOn().size() == 2, "the replacement connection logging on");
    MockBinance.ServerSocket second = loggingOn().get(1);
    kit.listener.await(
        ConnectionEvent.class,
        c -> c.channel() == Channel.ORDER_ENTRY && c.state() == ConnectionState.ROTATED);
    Await.until(() -> first.closed, "old connection closed after the new one is ready");

    client.submit(
        OrderRequest.limit("e5", btc, Side.BUY, btc.price("64000.5"), btc.quantity("0.01")));
    assertThat(kit.listener.await(OrderAccepted.class).clientOrderId()).isEqualTo("e5");
    assertThat(second.received.get(1))
        .contains("\"method\":\"order.place\"")
        .doesNotContain("apiKey")
        .doesNotContain("signature");
  }
}
