package io.tradeserver.bench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.testing.Await;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KrakenMockTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockServer server;

  KrakenMockTest() throws IOException {
    server = new MockServer(new KrakenMock(3, true), 0);
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void answersAddOrderLikeKrakenOnOneKeepAliveConnection() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      List<String> txids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String body =
            "nonce=1&ordertype=limit&type=buy&volume=0.00100000&pair=T0001ZUSD&price=50000.0"
                + "&cl_ord_id=b"
                + i;
        out.write(
            ("POST /0/private/AddOrder HTTP/1.1\r\nHost: x\r\nAPI-Key: k\r\nAPI-Sign: s\r\n"
                    + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
                    + "Content-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.US_ASCII));
        Answer a = Answer.read(in);
        assertThat(a.statusLine).isEqualTo("HTTP/1.1 200 OK");
        assertThat(a.headers)
            .contains("Content-Type: application/json; charset=utf-8")
            .anyMatch(h -> h.startsWith("Date: "));
        JsonNode root = JSON.readTree(a.body);
        assertThat(root.path("error").size()).isZero();
        assertThat(root.path("result").path("descr").path("order").asText())
            .isEqualTo("buy 0.00100000 T0001ZUSD @ limit 50000.0");
        txids.add(root.path("result").path("txid").get(0).asText());
      }
      assertThat(txids)
          .doesNotHaveDuplicates()
          .allMatch(t -> t.matches("O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}"));
    }
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void refusesAnUnsignedOrderAndUnknownPaths() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(server.baseUrl() + "/0/private/AddOrder")
                    .post(okhttp3.RequestBody.create(new byte[0]))
                    .build())
            .execute()) {
      assertThat(r.body().string()).isEqualTo("{\"error\":[\"EAPI:Invalid key\"]}");
    }
    try (Response r =
        http.newCall(new Request.Builder().url(server.baseUrl() + "/0/public/Nope").build())
            .execute()) {
      assertThat(r.code()).isEqualTo(404);
    }
  }

  @Test
  void listsSyntheticPairsTheAdapterCanMap() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try (Response r =
        http.newCall(new Request.Builder().url(server.baseUrl() + "/0/public/AssetPairs").build())
            .execute()) {
      JsonNode result = JSON.readTree(r.body().string()).path("result");
      assertThat(result.size()).isEqualTo(3);
      JsonNode p = result.path("T0002ZUSD");
      assertThat(p.path("wsname").asText()).isEqualTo("T0002/USD");
      assertThat(p.path("ordermin").asText()).isEqualTo("0.0001");
    }
  }

  @Test
  void acknowledgesSubscriptionsAnswersPingsAndStreamsFills() throws Exception {
    OkHttpClient http = new OkHttpClient();
    List<String> received = new CopyOnWriteArrayList<>();
    WebSocket ws = privateSocket(http, received);
    ws.send(
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\"t\"},"
            + "\"req_id\":7}");
    ws.send("{\"method\":\"ping\",\"req_id\":8}");
    Await.until(() -> received.size() >= 2, "subscribe ack and pong");
    assertThat(JSON.readTree(received.get(0)).path("success").asBoolean()).isTrue();
    assertThat(JSON.readTree(received.get(0)).path("req_id").asInt()).isEqualTo(7);
    assertThat(JSON.readTree(received.get(1)).path("method").asText()).isEqualTo("pong");

    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(server.baseUrl() + "/0/private/AddOrder")
                    .header("API-Key", "k")
                    .header("API-Sign", "s")
                    .post(
                        okhttp3.RequestBody.create(
                            "nonce=1&ordertype=limit&type=sell&volume=0.00100000&pair=T0000ZUSD"
                                + "&price=50000.0&cl_ord_id=b9",
                            okhttp3.MediaType.get("application/x-www-form-urlencoded")))
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    Await.until(() -> received.size() >= 3, "the fill on the executions stream");
    JsonNode fill = JSON.readTree(received.get(2)).path("data").get(0);
    assertThat(fill.path("exec_type").asText()).isEqualTo("trade");
    assertThat(fill.path("cl_ord_id").asText()).isEqualTo("b9");
    assertThat(fill.path("symbol").asText()).isEqualTo("T0000/USD");
    assertThat(fill.path("order_status").asText()).isEqualTo("filled");
    ws.close(1000, null);
  }

  @Test
  void answersAddOrderOnThePrivateWebSocketAndStreamsItsFill() throws Exception {
    OkHttpClient http = new OkHttpClient();
    List<String> received = new CopyOnWriteArrayList<>();
    WebSocket ws = privateSocket(http, received);
    ws.send(
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\","
            + "\"token\":\"bench-token-0000\"},\"req_id\":1}");
    ws.send(
        "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\","
            + "\"order_qty\":0.00100000,\"symbol\":\"T0002/USD\",\"limit_price\":50000.0,"
            + "\"cl_ord_id\":\"w1\",\"token\":\"bench-token-0000\"},\"req_id\":2}");
    ws.send(
        "{\"method\":\"add_order\",\"params\":{\"order_type\":\"limit\",\"side\":\"buy\","
            + "\"order_qty\":0.00100000,\"symbol\":\"T0002/USD\",\"limit_price\":50000.0,"
            + "\"cl_ord_id\":\"w2\",\"token\":\"stale\"},\"req_id\":3}");
    Await.until(() -> received.size() >= 4, "ack, answer, fill and refusal");

    JsonNode ack = JSON.readTree(received.get(1));
    assertThat(ack.path("method").asText()).isEqualTo("add_order");
    assertThat(ack.path("req_id").asInt()).isEqualTo(2);
    assertThat(ack.path("success").asBoolean()).isTrue();
    assertThat(ack.path("result").path("cl_ord_id").asText()).isEqualTo("w1");
    String txid = ack.path("result").path("order_id").asText();
    assertThat(txid).matches("O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}");

    JsonNode fill = JSON.readTree(received.get(2)).path("data").get(0);
    assertThat(fill.path("order_id").asText()).isEqualTo(txid);
    assertThat(fill.path("symbol").asText()).isEqualTo("T0002/USD");
    assertThat(fill.path("last_qty").decimalValue()).isEqualByComparingTo("0.001");
    assertThat(fill.path("last_price").decimalValue()).isEqualByComparingTo("50000.0");

    JsonNode refused = JSON.readTree(received.get(3));
    assertThat(refused.path("success").asBoolean()).isFalse();
    assertThat(refused.path("req_id").asInt()).isEqualTo(3);
    assertThat(refused.path("error").asText()).isEqualTo("EAccount:Invalid token");
    ws.close(1000, null);
  }

  /** The private WebSocket, every text frame it receives added to {@code received}. */
  private WebSocket privateSocket(OkHttpClient http, List<String> received) {
    return http.newWebSocket(
        new Request.Builder().url("ws://127.0.0.1:" + server.port() + "/ws/private").build(),
        new WebSocketListener() {
          @Override
          public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
          }
        });
  }

  /** A raw HTTP answer. */
  private record Answer(String statusLine, List<String> headers, byte[] body) {
    static Answer read(InputStream in) throws IOException {
      String status = line(in);
      List<String> headers = new ArrayList<>();
      int length = 0;
      String h;
      while (!(h = line(in)).isEmpty()) {
        headers.add(h);
        if (h.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).trim());
        }
      }
      return new Answer(status, headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("closed");
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      return b.toString(StandardCharsets.US_ASCII);
    }
  }
}
