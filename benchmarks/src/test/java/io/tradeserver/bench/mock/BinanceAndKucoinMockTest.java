package io.tradeserver.bench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.testing.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

class BinanceAndKucoinMockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private final OkHttpClient http = new OkHttpClient();

  private Response post(String url, String body, String header, String value) throws Exception {
    Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body, FORM));
    if (header != null) {
      b.header(header, value);
    }
    return http.newCall(b.build()).execute();
  }

  @Test
  void binanceAnswersEachResponseTypeWithItsCounters() throws Exception {
    try (MockServer s = new MockServer(new BinanceMock(false), 0)) {
      String order =
          "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=64000"
              + "&newClientOrderId=b1&recvWindow=5000&timestamp=1&signature=ab&newOrderRespType=";
      long window = System.currentTimeMillis() / 10_000; // the 10 s order-count window
      try (Response r = post(s.baseUrl() + "/api/v3/order", order + "ACK", "X-MBX-APIKEY", "k")) {
        JsonNode a = JSON.readTree(r.body().string());
        assertThat(a.fieldNames())
            .toIterable()
            .containsExactly("symbol", "orderId", "orderListId", "clientOrderId", "transactTime");
        assertThat(a.path("clientOrderId").asText()).isEqualTo("b1");
        assertThat(r.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("1");
        assertThat(r.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
      }
      try (Response r = post(s.baseUrl() + "/api/v3/order", order + "FULL", "X-MBX-APIKEY", "k")) {
        JsonNode a = JSON.readTree(r.body().string());
        assertThat(a.path("status").asText()).isEqualTo("NEW");
        assertThat(a.path("fills").isArray()).isTrue();
        assertThat(a.path("price").asText()).isEqualTo("64000");
        boolean sameWindow = System.currentTimeMillis() / 10_000 == window;
        // Counted in the same window as the first, unless a window boundary fell in between.
        assertThat(r.header("X-MBX-ORDER-COUNT-10S"))
            .isIn(sameWindow ? List.of("2") : List.of("1", "2"));
      }
      try (Response r = post(s.baseUrl() + "/api/v3/order", order + "FULL", null, null)) {
        assertThat(r.code()).isEqualTo(401);
        assertThat(JSON.readTree(r.body().string()).path("code").asInt()).isEqualTo(-2014);
      }
    }
  }

  @Test
  void binanceFillsAtOnceWhenAskedTo() throws Exception {
    try (MockServer s = new MockServer(new BinanceMock(true), 0);
        Response r =
            post(
                s.baseUrl() + "/api/v3/order",
                "symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.002&price=64000.5&timestamp=1"
                    + "&signature=ab",
                "X-MBX-APIKEY",
                "k")) {
      JsonNode a = JSON.readTree(r.body().string());
      assertThat(a.path("status").asText()).isEqualTo("FILLED");
      assertThat(a.path("cummulativeQuoteQty").asText()).isEqualTo("128.00100000");
      assertThat(a.path("fills").get(0).path("qty").asText()).isEqualTo("0.002");
    }
  }

  @Test
  void kucoinWelcomesAcknowledgesAndFillsOnTheOrderStream() throws Exception {
    try (MockServer s = new MockServer(new KucoinMock(true), 0)) {
      String bullet;
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(s.baseUrl() + "/api/v1/bullet-private")
                      .post(RequestBody.create(new byte[0]))
                      .header("KC-API-KEY", "k")
                      .header("KC-API-SIGN", "s")
                      .header("KC-API-TIMESTAMP", "1")
                      .header("KC-API-PASSPHRASE", "p")
                      .build())
              .execute()) {
        bullet =
            JSON.readTree(r.body().string())
                .path("data")
                .path("instanceServers")
                .get(0)
                .path("endpoint")
                .asText();
      }
      assertThat(bullet).isEqualTo("ws://127.0.0.1:" + s.port() + "/ws/private");
      List<String> got = new CopyOnWriteArrayList<>();
      WebSocket ws =
          http.newWebSocket(
              new Request.Builder().url(bullet).build(),
              new WebSocketListener() {
                @Override
                public void onMessage(WebSocket webSocket, String text) {
                  got.add(text);
                }
              });
      Await.until(() -> got.size() >= 1, "welcome");
      ws.send(
          "{\"id\":\"1\",\"type\":\"subscribe\",\"topic\":\"/spotMarket/tradeOrdersV2\","
              + "\"privateChannel\":true,\"response\":true}");
      Await.until(() -> got.size() >= 2, "ack");
      assertThat(JSON.readTree(got.get(0)).path("type").asText()).isEqualTo("welcome");
      assertThat(JSON.readTree(got.get(1)).path("type").asText()).isEqualTo("ack");
      try (Response r =
          http.newCall(
                  new Request.Builder()
                      .url(s.baseUrl() + "/api/v1/hf/orders")
                      .post(
                          RequestBody.create(
                              "{\"clientOid\":\"b7\",\"symbol\":\"BTC-USDT\",\"side\":\"buy\","
                                  + "\"type\":\"limit\",\"price\":\"64000\",\"size\":\"0.001\"}",
                              MediaType.get("application/json")))
                      .header("KC-API-KEY", "k")
                      .header("KC-API-SIGN", "s")
                      .header("KC-API-TIMESTAMP", "1")
                      .header("KC-API-PASSPHRASE", "p")
                      .build())
              .execute()) {
        JsonNode a = JSON.readTree(r.body().string());
        assertThat(a.path("code").asText()).isEqualTo("200000");
        assertThat(a.path("data").path("clientOid").asText()).isEqualTo("b7");
        assertThat(Long.parseLong(r.header("gw-ratelimit-remaining"))).isPositive();
      }
      Await.until(() -> got.size() >= 4, "match and done");
      JsonNode match = JSON.readTree(got.get(2)).path("data");
      assertThat(match.path("type").asText()).isEqualTo("match");
      assertThat(match.path("matchSize").asText()).isEqualTo("0.001");
      assertThat(JSON.readTree(got.get(3)).path("data").path("status").asText()).isEqualTo("done");
      ws.close(1000, null);
    }
  }

  @Test
  void kucoinAnswersTheAccountsFeeRatesForTheSymbolsAsked() throws Exception {
    try (MockServer s = new MockServer(new KucoinMock(false), 0)) {
      Request.Builder b =
          new Request.Builder()
              .url(s.baseUrl() + "/api/v1/trade-fees?symbols=BTC-USDT,ETH-USDT")
              .header("KC-API-KEY", "k")
              .header("KC-API-SIGN", "s")
              .header("KC-API-TIMESTAMP", "1")
              .header("KC-API-PASSPHRASE", "p");
      try (Response r = http.newCall(b.build()).execute()) {
        JsonNode data = JSON.readTree(r.body().string()).path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(1).path("symbol").asText()).isEqualTo("ETH-USDT");
        assertThat(data.get(1).path("takerFeeRate").asText()).isEqualTo("0.001");
        assertThat(data.get(1).path("makerFeeRate").asText()).isEqualTo("0.0008");
      }
      try (Response r = http.newCall(b.removeHeader("KC-API-SIGN").build()).execute()) {
        assertThat(r.code()).as("signed only").isEqualTo(401);
      }
    }
  }
}
