package io.tradeserver.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A scripted Binance on a loopback {@link MockWebServer}: REST endpoints answer with the documented
 * shapes (fixtures under {@code src/test/resources/binance}), scripted one-shot answers take
 * precedence, and WebSocket upgrades on {@code /ws-api/v3} (WebSocket API) and {@code /stream}
 * (market streams) hand the server side of each connection to the test. Every request is recorded.
 */
final class MockBinance implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  /** Server clock runs this far ahead of the test clock. */
  static final long SERVER_OFFSET_MILLIS = 1234;

  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  final List<ServerSocket> wsApi = new CopyOnWriteArrayList<>();
  final List<ServerSocket> streams = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Function<RecordedRequest, MockResponse>>> scripted =
      new ConcurrentHashMap<>();
  private final Clock clock;
  private final AtomicLong orderIds = new AtomicLong(1000);

  /** Whether the WebSocket API acknowledges user-data subscriptions by itself. */
  volatile boolean autoSubscribe = true;

  /** Whether the WebSocket API answers order.place by itself with a NEW order. */
  volatile boolean autoPlace = true;

  /** Whether the WebSocket API accepts session.logon by itself. */
  volatile boolean autoLogon = true;

  MockBinance(Clock clock) throws IOException {
    this.clock = clock;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            return answer(request);
          }
        });
    server.start();
  }

  String restUrl() {
    return server.url("/").toString();
  }

  String wsApiUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/ws-api/v3";
  }

  String streamUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort();
  }

  /** Scripts the next answer for {@code METHOD /path}. */
  void script(String methodAndPath, Function<RecordedRequest, MockResponse> answer) {
    scripted.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(answer);
  }

  void script(String methodAndPath, int code, String body) {
    script(methodAndPath, r -> json(code, body));
  }

  private MockResponse answer(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    String key = r.getMethod() + " " + path;
    Deque<Function<RecordedRequest, MockResponse>> q = scripted.get(key);
    Function<RecordedRequest, MockResponse> f = q == null ? null : q.poll();
    if (f != null) {
      return f.apply(r);
    }
    return switch (key) {
      case "GET /api/v3/time" ->
          json(200, "{\"serverTime\":" + (clock.millis() + SERVER_OFFSET_MILLIS) + "}");
      case "GET /api/v3/exchangeInfo" -> json(200, fixture("exchange-info.json"));
      case "GET /api/v3/account" -> json(200, fixture("account-information.json"));
      case "GET /api/v3/openOrders", "GET /api/v3/myTrades" -> json(200, "[]");
      case "GET /api/v3/ticker/24hr" -> json(200, ticker(params(r).get("symbol")));
      case "POST /api/v3/order" -> json(200, newOrder(params(r), "NEW").toString());
      case "GET /ws-api/v3" ->
          new MockResponse.Builder().webSocketUpgrade(new ServerSocket(wsApi, this)).build();
      case "GET /stream" ->
          new MockResponse.Builder().webSocketUpgrade(new ServerSocket(streams, null)).build();
      default -> json(404, "{\"code\":-1000,\"msg\":\"no script for " + key + "\"}");
    };
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A FULL new-order answer (doc shape) for the order in {@code params}. */
  ObjectNode newOrder(Map<String, String> params, String status) {
    ObjectNode n = (ObjectNode) tree("new-order-full.json");
    n.put("symbol", params.get("symbol"))
        .put("orderId", orderIds.incrementAndGet())
        .put("clientOrderId", params.get("newClientOrderId"))
        .put("transactTime", clock.millis())
        .put("price", params.getOrDefault("price", "0.00000000"))
        .put("origQty", params.getOrDefault("quantity", "0.00000000"))
        .put("executedQty", "0.00000000")
        .put("cummulativeQuoteQty", "0.00000000")
        .put("status", status)
        .put("timeInForce", params.getOrDefault("timeInForce", "GTC"))
        .put("type", params.get("type"))
        .put("side", params.get("side"));
    n.putArray("fills");
    return n;
  }

  /** The documented 24 h ticker (FULL) answered for {@code symbol}. */
  static String ticker(String symbol) {
    return ((ObjectNode) tree("ticker-24hr.json")).put("symbol", symbol).toString();
  }

  /** Parameters of a request: query string and form body, decoded. */
  static Map<String, String> params(RecordedRequest r) {
    Map<String, String> m = new LinkedHashMap<>();
    String q = r.getUrl().encodedQuery();
    decode(q, m);
    if (r.getBody() != null && r.getBody().size() > 0) {
      decode(r.getBody().utf8(), m);
    }
    return m;
  }

  private static void decode(String s, Map<String, String> m) {
    if (s == null || s.isEmpty()) {
      return;
    }
    for (String kv : s.split("&")) {
      int eq = kv.indexOf('=');
      m.put(
          URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
  }

  /** Requests for {@code METHOD /path}, in arrival order. */
  List<RecordedRequest> requests(String methodAndPath) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if ((r.getMethod() + " " + r.getUrl().encodedPath()).equals(methodAndPath)) {
        out.add(r);
      }
    }
    return out;
  }

  static String fixture(String name) {
    try (InputStream in = MockBinance.class.getResourceAsStream("/binance/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String name) {
    try {
      return JSON.readTree(fixture(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The server side of one WebSocket connection: records frames, answers WebSocket API calls. */
  static final class ServerSocket extends WebSocketListener {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final MockBinance venue;
    volatile WebSocket socket;
    volatile boolean closed;

    ServerSocket(List<ServerSocket> registry, MockBinance venue) {
      this.venue = venue;
      registry.add(this);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received.add(text);
      if (venue == null) {
        return;
      }
      try {
        JsonNode req = JSON.readTree(text);
        String method = req.path("method").asText();
        String id = req.path("id").asText();
        if (method.equals("userDataStream.subscribe.signature") && venue.autoSubscribe) {
          webSocket.send(
              "{\"id\":\"" + id + "\",\"status\":200,\"result\":{\"subscriptionId\":0}}");
        } else if (method.equals("session.logon") && venue.autoLogon) {
          long now = venue.clock.millis() + SERVER_OFFSET_MILLIS;
          webSocket.send(
              "{\"id\":\""
                  + id
                  + "\",\"status\":200,\"result\":{\"apiKey\":\""
                  + req.path("params").path("apiKey").asText()
                  + "\",\"authorizedSince\":"
                  + now
                  + ",\"connectedSince\":"
                  + now
                  + ",\"returnRateLimits\":false,\"serverTime\":"
                  + now
                  + ",\"userDataStream\":false}}");
        } else if (method.equals("order.place") && venue.autoPlace) {
          Map<String, String> p = new LinkedHashMap<>();
          req.path("params")
              .fields()
              .forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
          ObjectNode answer = JSON.createObjectNode().put("id", id).put("status", 200);
          answer.set("result", venue.newOrder(p, "NEW"));
          webSocket.send(answer.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** True once this connection has a user-data subscription request. */
    boolean isUserData() {
      return received.stream().anyMatch(t -> t.contains("userDataStream.subscribe.signature"));
    }

    void send(String text) {
      socket.send(text);
    }

    /** Sends a user data event wrapped as the WebSocket API pushes it. */
    void event(JsonNode event) {
      socket.send("{\"subscriptionId\":0,\"event\":" + event + "}");
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closed = true;
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      closed = true;
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      closed = true;
    }
  }
}
