package io.tradeserver.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * KuCoin spot (HF) as the adapter sees it: server time, {@code /api/v2/symbols} (BTC-USDT as in the
 * docs' sample), trade-account balances, open orders, book snapshots, WebSocket tokens ({@code
 * bullet-public}/{@code bullet-private} pointing back at this server), and {@code POST
 * /api/v1/hf/orders} answered like the docs' sample ({@code {"code":"200000","data":{"orderId",
 * "clientOid"}}}) with KuCoin's {@code gw-ratelimit-*} quota headers. WebSockets send KuCoin's
 * {@code welcome}, acknowledge subscriptions and answer pings. The quota reported is a large
 * synthetic pool (a real account has at most 40,000 weight per 30 s at VIP12). With {@code fills}
 * every order is matched and done at once on {@code /spotMarket/tradeOrdersV2}.
 */
public final class KucoinMock implements MockServer.Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long POOL = 1_000_000_000L;
  private final boolean fills;
  private final AtomicLong ids = new AtomicLong(0x6720da3fa30a3600L);
  private final AtomicLong tradeIds = new AtomicLong(11_000_000);
  private final Set<WsSession> orderStreams = ConcurrentHashMap.newKeySet();
  private final Set<String> unknownPaths = ConcurrentHashMap.newKeySet();
  private long windowStart;
  private long used;

  public KucoinMock(boolean fills) {
    this.fills = fills;
  }

  @Override
  public void http(MockRequest r, MockResponse w) {
    w.header("Content-Type", "application/json");
    String key = r.method() + " " + r.path();
    switch (key) {
      case "GET /api/v1/timestamp" ->
          quota(w, 3).json(ok(Long.toString(System.currentTimeMillis())));
      case "GET /api/v2/symbols" -> quota(w, 4).json(SYMBOLS);
      case "POST /api/v1/bullet-private" ->
          signed(r, quota(w, 10), () -> bullet(r.header("Host"), "/ws/private"));
      case "POST /api/v1/bullet-public" ->
          quota(w, 10).json(bullet(r.header("Host"), "/ws/public"));
      case "GET /api/v1/accounts" -> signed(r, quota(w, 5), () -> ACCOUNTS);
      case "GET /api/v1/hf/orders/active/symbols" ->
          signed(r, quota(w, 2), () -> ok("{\"symbols\":[]}"));
      case "GET /api/v1/hf/orders/active" -> signed(r, quota(w, 2), () -> ok("[]"));
      case "GET /api/v3/market/orderbook/level2", "GET /api/v1/market/orderbook/level2_100" ->
          quota(w, 3).json(BOOK);
      case "POST /api/v1/hf/orders" -> signed(r, quota(w, 1), () -> addOrder(r));
      case "GET /api/v1/trade-fees" -> signed(r, quota(w, 3), () -> tradeFees(r.query()));
      default -> {
        if (unknownPaths.add(key)) {
          System.err.println("kucoin mock: no answer for " + key);
        }
        w.status(404, "Not Found").json("{\"code\":\"404000\",\"msg\":\"Not Found\"}");
      }
    }
  }

  /** The account's rates for {@code symbols=A-B,C-D}: 0.1% taker, 0.08% maker for each. */
  private static String tradeFees(String query) {
    StringBuilder data = new StringBuilder("[");
    String list = query.startsWith("symbols=") ? query.substring("symbols=".length()) : "";
    for (String symbol : list.split("(,|%2C)")) {
      if (!symbol.isEmpty()) {
        data.append(data.length() > 1 ? "," : "")
            .append("{\"symbol\":\"")
            .append(symbol)
            .append("\",\"takerFeeRate\":\"0.001\",\"makerFeeRate\":\"0.0008\"}");
      }
    }
    return ok(data.append(']').toString());
  }

  private static String ok(String data) {
    return "{\"code\":\"200000\",\"data\":" + data + "}";
  }

  /** KuCoin's quota headers for a 30 s window of a large synthetic pool. */
  private MockResponse quota(MockResponse w, int weight) {
    long now = System.currentTimeMillis();
    long remaining;
    long reset;
    synchronized (this) {
      if (now - windowStart >= 30_000) {
        windowStart = now;
        used = 0;
      }
      used += weight;
      remaining = POOL - used;
      reset = 30_000 - (now - windowStart);
    }
    return w.header("gw-ratelimit-limit", Long.toString(POOL))
        .header("gw-ratelimit-remaining", Long.toString(remaining))
        .header("gw-ratelimit-reset", Long.toString(reset));
  }

  private void signed(MockRequest r, MockResponse w, java.util.function.Supplier<String> body) {
    if (r.header("KC-API-KEY") == null
        || r.header("KC-API-SIGN") == null
        || r.header("KC-API-TIMESTAMP") == null
        || r.header("KC-API-PASSPHRASE") == null) {
      w.status(401, "Unauthorized").json("{\"code\":\"400003\",\"msg\":\"KC-API-KEY not exists\"}");
      return;
    }
    w.json(body.get());
  }

  /** A token whose endpoint is this server, as the client addressed it ({@code Host}). */
  private static String bullet(String host, String path) {
    return ok(
        "{\"token\":\"2neAiuYvAU61ZDXANAGAsiL4-iAExhsBXZxftpOeh_55i3Ysy2q2LEsEWU64mdzUOPusi34M_wGoSf7iNyEWJ1UQy47YbpY4zVdzilNP-Bj3iXzrjjGlWtiYB9J6i9GjsxUuhPw3BlrzazF6ghq4Lzf7scStOz3KkxjwpsOBCH4=.WNQmhZQeUKIkh97KYgU0Lg==\","
            + "\"instanceServers\":[{\"endpoint\":\"ws://"
            + host
            + path
            + "\",\"encrypt\":true,\"protocol\":\"websocket\",\"pingInterval\":18000,"
            + "\"pingTimeout\":10000}]}");
  }

  private String addOrder(MockRequest r) {
    JsonNode o;
    try {
      o = JSON.readTree(r.body());
    } catch (IOException e) {
      return "{\"code\":\"400100\",\"msg\":\"Invalid request body\"}";
    }
    String orderId = Long.toHexString(ids.incrementAndGet()) + "0007f5f832";
    String clientOid = o.path("clientOid").asText();
    if (fills) {
      fill(o, orderId, clientOid);
    }
    return ok("{\"orderId\":\"" + orderId + "\",\"clientOid\":\"" + clientOid + "\"}");
  }

  /** A full match then done, shaped like the docs' tradeOrdersV2 messages. */
  private void fill(JsonNode o, String orderId, String clientOid) {
    if (orderStreams.isEmpty()) {
      return;
    }
    long ts = System.currentTimeMillis() * 1_000_000L;
    String size = o.path("size").asText();
    String common =
        "\"clientOid\":\""
            + clientOid
            + "\",\"orderId\":\""
            + orderId
            + "\",\"orderTime\":"
            + ts / 1_000_000L
            + ",\"orderType\":\"limit\",\"originSize\":\""
            + size
            + "\",\"price\":\""
            + o.path("price").asText()
            + "\",\"side\":\""
            + o.path("side").asText()
            + "\",\"symbol\":\""
            + o.path("symbol").asText()
            + "\",\"ts\":"
            + ts;
    String match =
        "{\"topic\":\"/spotMarket/tradeOrdersV2\",\"type\":\"message\",\"subject\":"
            + "\"orderChange\",\"userId\":\"633559791e1cbc0001f319bc\",\"channelType\":"
            + "\"private\",\"data\":{"
            + common
            + ",\"filledSize\":\""
            + size
            + "\",\"liquidity\":\"taker\",\"matchPrice\":\""
            + o.path("price").asText()
            + "\",\"matchSize\":\""
            + size
            + "\",\"remainSize\":\"0\",\"status\":\"match\",\"tradeId\":\""
            + tradeIds.incrementAndGet()
            + "\",\"type\":\"match\"}}";
    String done =
        "{\"topic\":\"/spotMarket/tradeOrdersV2\",\"type\":\"message\",\"subject\":"
            + "\"orderChange\",\"userId\":\"633559791e1cbc0001f319bc\",\"channelType\":"
            + "\"private\",\"data\":{"
            + common
            + ",\"filledSize\":\""
            + size
            + "\",\"remainSize\":\"0\",\"status\":\"done\",\"type\":\"filled\"}}";
    for (WsSession s : orderStreams) {
      s.send(match);
      s.send(done);
    }
  }

  @Override
  public void wsOpen(WsSession s, String path) {
    s.send("{\"id\":\"w" + ids.incrementAndGet() + "\",\"type\":\"welcome\"}");
  }

  @Override
  public void wsText(WsSession s, String text) {
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    String id = m.path("id").asText();
    switch (m.path("type").asText()) {
      case "ping" -> s.send("{\"id\":\"" + id + "\",\"type\":\"pong\"}");
      case "subscribe" -> {
        if (m.path("topic").asText().startsWith("/spotMarket/tradeOrders")) {
          orderStreams.add(s);
        }
        if (m.path("response").asBoolean(false)) {
          s.send("{\"id\":\"" + id + "\",\"type\":\"ack\"}");
        }
      }
      default -> {
        // unsubscribe etc.: nothing to answer
      }
    }
  }

  @Override
  public void wsClosed(WsSession s) {
    orderStreams.remove(s);
  }

  static final String SYMBOLS =
      "{\"code\":\"200000\",\"data\":[{\"symbol\":\"BTC-USDT\",\"name\":\"BTC-USDT\","
          + "\"baseCurrency\":\"BTC\",\"quoteCurrency\":\"USDT\",\"feeCurrency\":\"USDT\","
          + "\"market\":\"USDS\",\"baseMinSize\":\"0.00001\",\"quoteMinSize\":\"0.1\","
          + "\"baseMaxSize\":\"10000000000\",\"quoteMaxSize\":\"99999999\","
          + "\"baseIncrement\":\"0.00000001\",\"quoteIncrement\":\"0.000001\","
          + "\"priceIncrement\":\"0.1\",\"priceLimitRate\":\"0.1\",\"minFunds\":\"0.1\","
          + "\"isMarginEnabled\":true,\"enableTrading\":true,\"feeCategory\":1,"
          + "\"makerFeeCoefficient\":\"1.00\",\"takerFeeCoefficient\":\"1.00\",\"st\":false,"
          + "\"callauctionIsEnabled\":false,\"callauctionPriceFloor\":null,"
          + "\"callauctionPriceCeiling\":null,\"callauctionFirstStageStartTime\":null,"
          + "\"callauctionSecondStageStartTime\":null,\"callauctionThirdStageStartTime\":null,"
          + "\"tradingStartTime\":null}]}";

  static final String ACCOUNTS =
      "{\"code\":\"200000\",\"data\":[{\"id\":\"548674591753\",\"currency\":\"USDT\","
          + "\"type\":\"trade\",\"balance\":\"100000000\",\"available\":\"100000000\","
          + "\"holds\":\"0\"},{\"id\":\"548674591754\",\"currency\":\"BTC\",\"type\":\"trade\","
          + "\"balance\":\"10000\",\"available\":\"10000\",\"holds\":\"0\"}]}";

  static final String BOOK =
      "{\"code\":\"200000\",\"data\":{\"time\":1729176273859,\"sequence\":\"14610502970\","
          + "\"bids\":[[\"63999.9\",\"10\"]],\"asks\":[[\"64000.1\",\"10\"]]}}";
}
