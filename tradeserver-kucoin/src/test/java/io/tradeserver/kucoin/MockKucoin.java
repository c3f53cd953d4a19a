package io.tradeserver.kucoin;

import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingVenueListener;
import io.tradeserver.testing.TestContexts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A scripted KuCoin on a loopback {@link MockWebServer}: REST routes answered from the fixtures in
 * {@code src/test/resources/kucoin} (or scripted per test), WebSocket token endpoints pointing at
 * two upgrade routes whose server side welcomes, acknowledges subscriptions and answers pings like
 * KuCoin. Every request is recorded for exact assertions.
 */
public final class MockKucoin implements AutoCloseable {
  public static final String KEY = "6655aa00key1234";
  public static final String SECRET = "0f1e2d3c-secret-4b5a";
  public static final String PASSPHRASE = "my-pass!phrase";

  public final TestContexts kit = new TestContexts();
  public final MockWebServer server = new MockWebServer();
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  public final WsServer privateWs = new WsServer("/ws/private");
  public final WsServer publicWs = new WsServer("/ws/public");
  public volatile long serverTimeOffsetMillis;
  public volatile long pingIntervalMillis = 18_000;

  private final Map<String, Deque<Function<RecordedRequest, MockResponse>>> once =
      new ConcurrentHashMap<>();
  private final Map<String, Function<RecordedRequest, MockResponse>> sticky =
      new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();

  public MockKucoin() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            requests.add(r);
            return route(r);
          }
        });
    server.start();
  }

  /** A client for this venue with credentials and the given extra options. */
  public ExchangeClient client(Map<String, String> options) {
    return client(options, Duration.ofSeconds(10));
  }

  /** A client with credentials, the given options and request timeout. */
  public ExchangeClient client(Map<String, String> options, Duration requestTimeout) {
    return client(b -> b.requestTimeout(requestTimeout).options(options));
  }

  /** A client with credentials and this venue's URL, the rest of its config set by {@code tune}. */
  public ExchangeClient client(UnaryOperator<VenueConfig.Builder> tune) {
    VenueConfig config =
        tune.apply(
                VenueConfig.builder("kucoin")
                    .restUrl(server.url("/").toString())
                    .credentials(Credentials.of(KEY, SECRET, PASSPHRASE))
                    .bookDepth(5))
            .build();
    return new KucoinExchangeProvider().create(kit.context(config));
  }

  public RecordingVenueListener events() {
    return kit.listener;
  }

  // ---- routing -------------------------------------------------------------------------------

  private MockResponse route(RecordedRequest r) {
    String key = r.getMethod() + " " + r.getUrl().encodedPath();
    Deque<Function<RecordedRequest, MockResponse>> q = once.get(key);
    Function<RecordedRequest, MockResponse> f = q == null ? null : q.pollFirst();
    if (f == null) {
      f = sticky.get(key);
    }
    return f != null ? f.apply(r) : defaults(key, r);
  }

  private MockResponse defaults(String key, RecordedRequest r) {
    return switch (key) {
      case "GET /api/v1/timestamp" ->
          json(
              "{\"code\":\"200000\",\"msg\":\"success\",\"data\":"
                  + (kit.clock.millis() + serverTimeOffsetMillis)
                  + "}");
      case "GET /api/v2/symbols" -> json(fixture("symbols.json"));
      case "GET /api/v1/trade-fees" -> json(fixture("trade-fees.json"));
      case "POST /api/v1/bullet-private" -> bullet(privateWs);
      case "POST /api/v1/bullet-public" -> bullet(publicWs);
      case "GET /ws/private" -> privateWs.upgrade();
      case "GET /ws/public" -> publicWs.upgrade();
      case "GET /api/v1/hf/fills" ->
          json("{\"code\":\"200000\",\"data\":{\"items\":[],\"lastId\":0}}");
      default -> status(503, "{\"code\":\"500000\",\"msg\":\"not scripted: " + key + "\"}");
    };
  }

  /** Answers the next request to {@code method path} (path without query) with {@code f}. */
  public void once(String method, String path, Function<RecordedRequest, MockResponse> f) {
    once.computeIfAbsent(method + " " + path, k -> new ConcurrentLinkedDeque<>()).addLast(f);
  }

  /** Answers every request to {@code method path} not scripted with {@link #once}. */
  public void always(String method, String path, Function<RecordedRequest, MockResponse> f) {
    sticky.put(method + " " + path, f);
  }

  private MockResponse bullet(WsServer ws) {
    String token = "tok" + tokens.incrementAndGet() + "-2neAiuYvAU61ZDXANAGAsiL4=.mvnek==";
    String endpoint = "ws://" + server.getHostName() + ":" + server.getPort() + ws.path;
    return json(
        "{\"code\":\"200000\",\"data\":{\"token\":\""
            + token
            + "\",\"instanceServers\":[{\"endpoint\":\""
            + endpoint
            + "\",\"encrypt\":true,\"protocol\":\"websocket\",\"pingInterval\":"
            + pingIntervalMillis
            + ",\"pingTimeout\":10000}]}}");
  }

  // ---- responses and fixtures ----------------------------------------------------------------

  public static MockResponse json(String body) {
    return status(200, body);
  }

  public static MockResponse status(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public static String fixture(String name) {
    try (InputStream in = MockKucoin.class.getResourceAsStream("/kucoin/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- assertions helpers --------------------------------------------------------------------

  /** Recorded requests to {@code method path}, in order. */
  public List<RecordedRequest> requests(String method, String path) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Waits for the {@code n}-th request to {@code method path} and returns it. */
  public RecordedRequest await(String method, String path, int n) {
    Await.until(
        Duration.ofSeconds(5),
        () -> requests(method, path).size() >= n,
        () -> "request #" + n + " " + method + " " + path + "; got " + requests);
    return requests(method, path).get(n - 1);
  }

  /** The KC-API-SIGN KuCoin expects for a recorded request, computed independently. */
  public static String expectedSignature(RecordedRequest r) {
    String prehash =
        r.getHeaders().get("KC-API-TIMESTAMP")
            + r.getMethod()
            + r.getTarget()
            + (r.getBody() == null ? "" : r.getBody().utf8());
    return hmacBase64(SECRET, prehash);
  }

  /** The passphrase header for key versions 2 and 3: base64(HMAC-SHA256(secret, passphrase)). */
  public static String expectedPassphrase() {
    return hmacBase64(SECRET, PASSPHRASE);
  }

  static String hmacBase64(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the private stream is subscribed and live (CONNECTED or RECONNECTED {@code n}). */
  public void awaitStreamUp(io.tradeserver.event.Channel channel, int n) {
    Predicate<ConnectionEvent> up =
        e ->
            e.channel() == channel
                && (e.state() == ConnectionState.CONNECTED
                    || e.state() == ConnectionState.RECONNECTED);
    Await.until(
        Duration.ofSeconds(5),
        () -> events().events(ConnectionEvent.class).stream().filter(up).count() >= n,
        () -> "stream " + channel + " up #" + n + "; events " + events().events());
  }

  @Override
  public void close() {
    privateWs.sockets.forEach(ws -> ws.close(1001, "server closing"));
    publicWs.sockets.forEach(ws -> ws.close(1001, "server closing"));
    server.close();
  }

  /** The server side of one WebSocket route: KuCoin's welcome, ack and pong behaviour. */
  public static final class WsServer extends WebSocketListener {
    final String path;
    public final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    public final List<String> frames = new CopyOnWriteArrayList<>();
    public volatile boolean welcome = true;
    public volatile boolean ack = true;
    private final AtomicInteger welcomes = new AtomicInteger();

    WsServer(String path) {
      this.path = path;
    }

    MockResponse upgrade() {
      return new MockResponse.Builder().webSocketUpgrade(this).build();
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      sockets.add(ws);
      if (welcome) {
        sendWelcome(ws);
      }
    }

    public void sendWelcome(WebSocket ws) {
      ws.send("{\"id\":\"w" + welcomes.incrementAndGet() + "\",\"type\":\"welcome\"}");
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      frames.add(text);
      String id = field(text, "id");
      if (text.contains("\"type\":\"subscribe\"") && ack) {
        ws.send("{\"id\":\"" + id + "\",\"type\":\"ack\"}");
      } else if (text.contains("\"type\":\"ping\"")) {
        ws.send("{\"id\":\"" + id + "\",\"type\":\"pong\"}");
      }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
    }

    /** Sends a frame on the newest connection. */
    public void push(String frame) {
      sockets.get(sockets.size() - 1).send(frame);
    }

    public WebSocket latest() {
      return sockets.get(sockets.size() - 1);
    }

    /** Frames received whose text contains {@code part}. */
    public List<String> frames(String part) {
      return frames.stream().filter(f -> f.contains(part)).toList();
    }

    /** A string field of a flat JSON text (test frames only). */
    public static String field(String json, String name) {
      String k = "\"" + name + "\":\"";
      int i = json.indexOf(k);
      if (i < 0) {
        return null;
      }
      int s = i + k.length();
      return json.substring(s, json.indexOf('"', s));
    }
  }
}
