package io.tradeserver.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kraken spot as the adapter sees it: {@code AssetPairs}, {@code BalanceEx}, {@code OpenOrders},
 * {@code GetWebSocketsToken}, {@code AddOrder} over REST, {@code add_order} on the private
 * WebSocket v2 (answered with Kraken's {@code {"method":"add_order","req_id":…,"result":
 * {"order_id":…},"success":true,…}}; a wrong token gets {@code EAccount:Invalid token}), and the
 * WebSocket v2 {@code executions} and {@code book} channels (subscriptions acknowledged, pings
 * answered). Bodies follow the shapes of {@code venue-samples/kraken} (AddOrder: {@code
 * {"error":[],"result":{"descr":{"order":...}, "txid":[...]}}}); headers are those api.kraken.com
 * sends on a JSON answer.
 *
 * <p>Pairs are synthetic ({@code T0000/USD} ...): Kraken's per-pair trading counter, which the
 * adapter enforces locally as it must, allows at most 180 orders per pair at once (Pro tier), so a
 * load test spreads its orders over many pairs. With {@code fills} every accepted order is also
 * filled at once on the executions stream (needed when the engine must see orders finish).
 */
public final class KrakenMock implements MockServer.Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final String TOKEN = "bench-token-0000";

  private final int pairs;
  private final boolean fills;
  private final byte[] assetPairs;
  private final byte[] balances;
  private final AtomicLong orderSeq = new AtomicLong();
  private final AtomicLong streamSeq = new AtomicLong();
  private final Set<WsSession> executions = ConcurrentHashMap.newKeySet();

  public KrakenMock(int pairs, boolean fills) {
    this.pairs = pairs;
    this.fills = fills;
    this.assetPairs = assetPairs(pairs).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.balances = balances(pairs).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Canonical symbol of synthetic pair {@code i}, e.g. {@code T0007-USD}. */
  public static String symbol(int i) {
    return base(i) + "-USD";
  }

  private static String base(int i) {
    return String.format("T%04d", i);
  }

  public int pairs() {
    return pairs;
  }

  @Override
  public void http(MockRequest r, MockResponse w) {
    w.header("Content-Type", "application/json; charset=utf-8")
        .header("Cache-Control", "no-cache, no-store")
        .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        .header("Server", "cloudflare");
    switch (r.path()) {
      case "/0/private/AddOrder" -> addOrder(r, w);
      case "/0/public/AssetPairs" -> w.json(assetPairs);
      case "/0/private/BalanceEx" -> w.json(balances);
      case "/0/private/OpenOrders" -> w.json("{\"error\":[],\"result\":{\"open\":{}}}");
      case "/0/private/GetWebSocketsToken" ->
          w.json("{\"error\":[],\"result\":{\"token\":\"" + TOKEN + "\",\"expires\":900}}");
      case "/0/public/Time" ->
          w.json(
              "{\"error\":[],\"result\":{\"unixtime\":"
                  + Instant.now().getEpochSecond()
                  + ",\"rfc1123\":\"\"}}");
      default -> w.status(404, "Not Found").json("{\"error\":[\"EGeneral:Unknown method\"]}");
    }
  }

  private void addOrder(MockRequest r, MockResponse w) {
    if (r.header("API-Key") == null || r.header("API-Sign") == null) {
      w.json("{\"error\":[\"EAPI:Invalid key\"]}");
      return;
    }
    Map<String, String> p = r.params();
    String txid = txid(orderSeq.incrementAndGet());
    String pair = p.get("pair");
    String side = p.get("type");
    String volume = p.get("volume");
    String price = p.get("price");
    w.json(
        "{\"error\":[],\"result\":{\"descr\":{\"order\":\""
            + side
            + " "
            + volume
            + " "
            + pair
            + " @ limit "
            + price
            + "\"},\"txid\":[\""
            + txid
            + "\"]}}");
    if (fills) {
      fill(txid, p.get("cl_ord_id"), pair, side, volume, price);
    }
  }

  /** A single full fill on the executions stream, shaped like Kraken's v2 {@code trade} entry. */
  private void fill(
      String txid, String clOrdId, String pair, String side, String volume, String price) {
    if (executions.isEmpty()) {
      return;
    }
    String ws = pair.substring(0, pair.length() - 4) + "/USD"; // T0001ZUSD -> T0001/USD
    long seq = streamSeq.incrementAndGet();
    String msg =
        "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\""
            + txid
            + "\",\"cl_ord_id\":\""
            + clOrdId
            + "\",\"symbol\":\""
            + ws
            + "\",\"exec_type\":\"trade\",\"exec_id\":\"T"
            + txid.substring(1)
            + "\",\"trade_id\":"
            + seq
            + ",\"side\":\""
            + side
            + "\",\"order_type\":\"limit\",\"order_qty\":"
            + volume
            + ",\"last_qty\":"
            + volume
            + ",\"last_price\":"
            + price
            + ",\"cum_qty\":"
            + volume
            + ",\"order_status\":\"filled\",\"liquidity_ind\":\"t\",\"fees\":[{\"asset\":\"USD\","
            + "\"qty\":0.0}],\"timestamp\":\""
            + Instant.now()
            + "\"}],\"sequence\":"
            + seq
            + "}";
    for (WsSession s : executions) {
      s.send(msg);
    }
  }

  @Override
  public void wsText(WsSession s, String text) {
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    String method = m.path("method").asText();
    long reqId = m.path("req_id").asLong();
    String now = Instant.now().toString();
    if ("ping".equals(method)) {
      s.send(
          "{\"method\":\"pong\",\"req_id\":"
              + reqId
              + ",\"time_in\":\""
              + now
              + "\",\"time_out\":\""
              + now
              + "\"}");
    } else if ("add_order".equals(method)) {
      wsAddOrder(s, m.path("params"), reqId, now);
    } else if ("subscribe".equals(method) || "unsubscribe".equals(method)) {
      String channel = m.path("params").path("channel").asText();
      if ("executions".equals(channel) && "subscribe".equals(method)) {
        executions.add(s);
      }
      s.send(
          "{\"method\":\""
              + method
              + "\",\"result\":{\"channel\":\""
              + channel
              + "\"},\"success\":true,\"time_in\":\""
              + now
              + "\",\"time_out\":\""
              + now
              + "\",\"req_id\":"
              + reqId
              + "}");
    }
  }

  /** WebSocket v2 {@code add_order}: the same order state and fills as REST AddOrder. */
  private void wsAddOrder(WsSession s, JsonNode p, long reqId, String now) {
    String times = ",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}";
    if (!TOKEN.equals(p.path("token").asText())) {
      s.send(
          "{\"error\":\"EAccount:Invalid token\",\"method\":\"add_order\",\"req_id\":"
              + reqId
              + ",\"success\":false"
              + times);
      return;
    }
    String txid = txid(orderSeq.incrementAndGet());
    String clOrdId = p.path("cl_ord_id").asText();
    s.send(
        "{\"method\":\"add_order\",\"req_id\":"
            + reqId
            + ",\"result\":{\"order_id\":\""
            + txid
            + "\",\"cl_ord_id\":\""
            + clOrdId
            + "\"},\"success\":true"
            + times);
    if (fills) {
      String symbol = p.path("symbol").asText(); // T0001/USD -> T0001ZUSD
      fill(
          txid,
          clOrdId,
          symbol.substring(0, symbol.indexOf('/')) + "ZUSD",
          p.path("side").asText(),
          p.path("order_qty").decimalValue().toPlainString(),
          p.path("limit_price").decimalValue().toPlainString());
    }
  }

  @Override
  public void wsClosed(WsSession s) {
    executions.remove(s);
  }

  /** {@code OXXXXX-XXXXX-XXXXXX}, unique per order, like Kraken's txids. */
  static String txid(long n) {
    char[] c = "OAAAAA-AAAAA-AAAAAA".toCharArray();
    for (int i = c.length - 1; i > 0 && n > 0; i--) {
      if (c[i] == '-') {
        continue;
      }
      c[i] = B32[(int) (n & 31)];
      n >>>= 5;
    }
    return new String(c);
  }

  private static String assetPairs(int n) {
    StringBuilder sb = new StringBuilder(n * 420 + 64).append("{\"error\":[],\"result\":{");
    for (int i = 0; i < n; i++) {
      String b = base(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"')
          .append(b)
          .append("ZUSD\":{\"altname\":\"")
          .append(b)
          .append("USD\",\"wsname\":\"")
          .append(b)
          .append("/USD\",\"aclass_base\":\"currency\",\"base\":\"")
          .append(b)
          .append("\",\"aclass_quote\":\"currency\",\"quote\":\"ZUSD\",\"lot\":\"unit\",")
          .append("\"cost_decimals\":5,\"pair_decimals\":1,\"lot_decimals\":8,")
          .append("\"lot_multiplier\":1,\"leverage_buy\":[],\"leverage_sell\":[],")
          .append("\"fees\":[[0,0.26]],\"fees_maker\":[[0,0.16]],")
          .append("\"fee_volume_currency\":\"ZUSD\",\"margin_call\":80,\"margin_stop\":40,")
          .append("\"ordermin\":\"0.0001\",\"costmin\":\"0.5\",\"tick_size\":\"0.1\",")
          .append("\"status\":\"online\"}");
    }
    return sb.append("}}").toString();
  }

  private static String balances(int n) {
    StringBuilder sb =
        new StringBuilder(n * 64 + 128)
            .append(
                "{\"error\":[],\"result\":{\"ZUSD\":{\"balance\":\"100000000.0000\","
                    + "\"hold_trade\":\"0.0000\"}");
    for (int i = 0; i < n; i++) {
      sb.append(",\"")
          .append(base(i))
          .append("\":{\"balance\":\"10000.0000000000\",\"hold_trade\":\"0.0000000000\"}");
    }
    return sb.append("}}").toString();
  }
}
