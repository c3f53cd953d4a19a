package io.tradeserver.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * A scripted Kraken on a loopback MockWebServer: REST endpoints answer from an in-memory order
 * state (or from a scripted next answer), every private request's API-Sign is recomputed
 * independently here and its nonce checked to be strictly increasing, and two WebSocket endpoints
 * stand in for {@code ws-auth.kraken.com/v2} (executions) and {@code ws.kraken.com/v2} (book).
 */
public final class FakeKraken extends Dispatcher implements AutoCloseable {
  public static final String API_KEY = "test-api-key-0001";

  /** The documented example private key from docs.kraken.com "Spot REST Authentication". */
  public static final String SECRET =
      "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

  public final MockWebServer server = new MockWebServer();
  public final List<Call> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger badSignatures = new AtomicInteger();
  public final AtomicInteger badNonces = new AtomicInteger();
  public final Map<String, FakeOrder> orders = new ConcurrentHashMap<>();
  public final Map<String, Map<String, String>> trades = new ConcurrentHashMap<>();
  public final WsEnd executions = new WsEnd(true);
  public final WsEnd market = new WsEnd(false);
  private final Map<String, java.util.ArrayDeque<Function<Call, MockResponse>>> scripts =
      new ConcurrentHashMap<>();
  private final Map<String, java.util.ArrayDeque<Function<JsonNode, String>>> wsScripts =
      new ConcurrentHashMap<>();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final AtomicInteger ids = new AtomicInteger();
  private long lastNonce;
  public volatile String balances;
  public volatile boolean openOrdersScripted;
  public volatile String token = "G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY";

  /** Answer every executions subscription with Kraken's invalid-token error. */
  public volatile boolean refuseSubscriptions;

  /**
   * One private or public request as received, with its decoded form fields (from the body, or from
   * the query of a public GET) and the raw encoded query ("" when none).
   */
  public record Call(
      String method,
      String path,
      String body,
      Map<String, String> form,
      String apiSign,
      String query) {
    public String field(String name) {
      return form.get(name);
    }
  }

  /** The fake's view of one order. */
  public static final class FakeOrder {
    public final String txid;
    public final String clOrdId;
    public final String pair;
    public final String side;
    public final String ordertype;
    public final String price;
    public final String vol;
    public volatile String status = "open";
    public volatile String volExec = "0.00000000";
    public volatile String avgPrice = "0.0";
    public final List<String> tradeIds = new CopyOnWriteArrayList<>();

    FakeOrder(String txid, Map<String, String> f) {
      this.txid = txid;
      this.clOrdId = f.get("cl_ord_id");
      this.pair = f.get("pair");
      this.side = f.get("type");
      this.ordertype = f.get("ordertype");
      this.price = f.getOrDefault("price", "0");
      this.vol = f.get("volume");
    }
  }

  public FakeKraken() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  public String restUrl() {
    return server.url("/").toString();
  }

  public String privateStreamUrl() {
    return server.url("/ws-auth/v2").toString().replaceFirst("^http", "ws");
  }

  public String publicStreamUrl() {
    return server.url("/ws/v2").toString().replaceFirst("^http", "ws");
  }

  /** Scripts the next answer of {@code method} (AddOrder, CancelOrder, ...). */
  public void script(String method, Function<Call, MockResponse> answer) {
    scripts.computeIfAbsent(method, k -> new java.util.ArrayDeque<>()).add(answer);
  }

  /**
   * Scripts the next answer to the WebSocket v2 request {@code method} ({@code add_order}, {@code
   * cancel_order}) from the whole request; a null answer means the fake stays silent.
   */
  public void scriptWs(String method, Function<JsonNode, String> answer) {
    wsScripts.computeIfAbsent(method, k -> new java.util.ArrayDeque<>()).add(answer);
  }

  /** Registers an {@code add_order} request's order as working, as Kraken would. */
  public FakeOrder acceptWs(JsonNode request) {
    JsonNode p = request.path("params");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("cl_ord_id", p.path("cl_ord_id").asText(null));
    String symbol = p.path("symbol").asText();
    f.put("pair", symbol.equals("BTC/USD") ? "XXBTZUSD" : symbol);
    f.put("type", p.path("side").asText());
    f.put("ordertype", p.path("order_type").asText());
    f.put("price", p.has("limit_price") ? p.path("limit_price").asText() : "0");
    f.put("volume", p.path(p.has("order_qty") ? "order_qty" : "cash_order_qty").asText());
    FakeOrder o = new FakeOrder(nextTxid(), f);
    orders.put(o.txid, o);
    return o;
  }

  private static final String WS_TIMES =
      ",\"time_in\":\"2023-09-21T14:15:07.197274Z\",\"time_out\":\"2023-09-21T14:15:07.205301Z\"}";

  /** A successful WebSocket v2 trading answer, shaped as in Kraken's docs. */
  public static String wsOk(String method, JsonNode request, String result) {
    return wsAnswer("", method, request, ",\"result\":" + result + ",\"success\":true");
  }

  /** A refused WebSocket v2 trading request, shaped as in Kraken's docs. */
  public static String wsError(String method, JsonNode request, String error) {
    return wsAnswer("\"error\":\"" + error + "\",", method, request, ",\"success\":false");
  }

  private static String wsAnswer(String head, String method, JsonNode request, String tail) {
    String id = request.path("req_id").asText();
    return "{" + head + "\"method\":\"" + method + "\",\"req_id\":" + id + tail + WS_TIMES;
  }

  /** Kraken's answer to an {@code add_order} / {@code cancel_order} frame, or null for none. */
  private String answerWs(String text) {
    JsonNode request;
    try {
      request = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String method = request.path("method").asText();
    java.util.ArrayDeque<Function<JsonNode, String>> q = wsScripts.get(method);
    Function<JsonNode, String> s = q == null ? null : q.poll();
    if (s != null) {
      return s.apply(request);
    }
    if (method.equals("add_order")) {
      FakeOrder o = acceptWs(request);
      return wsOk(
          method, request, "{\"order_id\":\"" + o.txid + "\",\"cl_ord_id\":\"" + o.clOrdId + "\"}");
    }
    JsonNode p = request.path("params");
    FakeOrder o =
        FakeKrakenAnswers.find(
            this,
            p.path("order_id").path(0).asText(null),
            p.path("cl_ord_id").path(0).asText(null));
    if (o == null || !o.status.equals("open")) {
      return wsError(method, request, "EOrder:Unknown order");
    }
    o.status = "canceled";
    return wsOk(method, request, "{\"order_id\":\"" + o.txid + "\"}");
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method.equals(method)).toList();
  }

  public String nextTxid() {
    int n = ids.incrementAndGet();
    return String.format("O%05dX-ABCDE-%06d", n, n);
  }

  @Override
  public MockResponse dispatch(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.startsWith("/ws-auth")) {
      return new MockResponse.Builder().webSocketUpgrade(executions).build();
    }
    if (path.startsWith("/ws/")) {
      return new MockResponse.Builder().webSocketUpgrade(market).build();
    }
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    String method = path.substring(path.lastIndexOf('/') + 1);
    Call call =
        new Call(
            method,
            path,
            body,
            decode(path.contains("/public/") ? query(r) : body),
            r.getHeaders().get("API-Sign"),
            query(r));
    calls.add(call);
    if (path.startsWith("/0/private/")) {
      String problem = verify(call, r);
      if (problem != null) {
        return json("{\"error\":[\"" + problem + "\"]}");
      }
    }
    synchronized (scripts) {
      java.util.ArrayDeque<Function<Call, MockResponse>> q = scripts.get(method);
      Function<Call, MockResponse> s = q == null ? null : q.poll();
      if (s != null) {
        return s.apply(call);
      }
    }
    return FakeKrakenAnswers.answer(this, call);
  }

  private static String query(RecordedRequest r) {
    String q = r.getUrl().encodedQuery();
    return q == null ? "" : q;
  }

  /** Recomputes API-Sign and checks the nonce, as Kraken does. */
  private synchronized String verify(Call call, RecordedRequest r) {
    if (!API_KEY.equals(r.getHeaders().get("API-Key"))) {
      return "EAPI:Invalid key";
    }
    String nonce = call.field("nonce");
    if (!call.body.startsWith("nonce=" + nonce)
        || !sign(call.path, nonce, call.body).equals(call.apiSign)) {
      badSignatures.incrementAndGet();
      return "EAPI:Invalid signature";
    }
    long n = Long.parseLong(nonce);
    if (n <= lastNonce) {
      badNonces.incrementAndGet();
      return "EAPI:Invalid nonce";
    }
    lastNonce = n;
    return null;
  }

  /** API-Sign computed here with the JDK only, independently of the adapter's signer. */
  public static String sign(String path, String nonce, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] inner = sha.digest((nonce + body).getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA512"));
      mac.update(path.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(inner));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> decode(String form) {
    Map<String, String> m = new LinkedHashMap<>();
    if (form.isEmpty()) {
      return m;
    }
    for (String kv : form.split("&")) {
      int eq = kv.indexOf('=');
      m.put(
          URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  public static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public static String resource(String name) {
    try (InputStream in = FakeKraken.class.getResourceAsStream("/kraken/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executions.closeAll();
    market.closeAll();
    try {
      server.close();
    } catch (Exception e) {
      // best effort in tests
    }
  }

  /** The server side of one WebSocket endpoint: records frames, acknowledges subscriptions. */
  public final class WsEnd extends WebSocketListener {
    private final boolean authenticated;
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    public volatile WebSocket current;
    public volatile int subscriptions;

    WsEnd(boolean authenticated) {
      this.authenticated = authenticated;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      sockets.add(ws);
      current = ws;
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      received.add(text);
      if (text.contains("\"method\":\"ping\"")) {
        ws.send(
            "{\"method\":\"pong\",\"req_id\":1,\"time_in\":\"2023-09-24T14:10:23.799685Z\",\"time_out\":\"2023-09-24T14:10:23.799703Z\"}");
      } else if (authenticated
          && (text.startsWith("{\"method\":\"add_order\"")
              || text.startsWith("{\"method\":\"cancel_order\""))) {
        String answer = answerWs(text);
        if (answer != null) {
          ws.send(answer);
        }
      } else if (text.contains("\"method\":\"subscribe\"") && authenticated) {
        boolean ok = !refuseSubscriptions && text.contains("\"token\":\"" + token + "\"");
        ws.send(
            ok
                ? "{\"method\":\"subscribe\",\"result\":{\"channel\":\"executions\",\"maxratecount\":60,\"snap_orders\":false,\"snap_trades\":true},\"success\":true,\"time_in\":\"2023-10-16T13:18:35.303171Z\",\"time_out\":\"2023-10-16T13:18:35.318297Z\"}"
                : "{\"error\":\"EAccount:Invalid token\",\"method\":\"subscribe\",\"success\":false}");
        if (ok) {
          subscriptions++;
        }
      } else if (text.contains("\"method\":\"subscribe\"")) {
        subscriptions++;
      }
    }

    public void send(String text) {
      current.send(text);
    }

    /** Drops the current connection abruptly, as a network loss would. */
    public void drop() {
      current.close(1011, "dropped by test");
    }

    void closeAll() {
      for (WebSocket ws : sockets) {
        try {
          ws.close(1001, "server going away");
        } catch (RuntimeException e) {
          // already gone
        }
      }
    }

    public List<String> receivedContaining(String s) {
      List<String> out = new ArrayList<>();
      for (String m : received) {
        if (m.contains(s)) {
          out.add(m);
        }
      }
      return Collections.unmodifiableList(out);
    }
  }
}
