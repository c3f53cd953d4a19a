package io.tradeserver.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance spot as clients see it: {@code /api/v3/time}, {@code exchangeInfo} (BTCUSDT with the
 * documented filters and Binance's published rate limits), {@code account}, {@code openOrders},
 * {@code depth}, and {@code POST /api/v3/order} answered in the documented ACK / RESULT / FULL
 * shapes ({@code venue-samples/binance}) with the {@code X-MBX-USED-WEIGHT-1M} and {@code
 * X-MBX-ORDER-COUNT-10S/1D} counters Binance sends. The WebSocket API acknowledges {@code
 * userDataStream.subscribe.signature} and answers {@code order.place}; market streams accept and
 * stay quiet. A signed call without {@code X-MBX-APIKEY} or {@code signature} is refused with -2014
 * / -1102 like Binance. With {@code fills}, a new order is filled at once (status FILLED with one
 * taker fill in the answer, as for a marketable limit order), so the engine sees it finish.
 */
public final class BinanceMock implements MockServer.Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final boolean fills;
  private final AtomicLong orderIds = new AtomicLong(1000);
  private final AtomicLong tradeIds = new AtomicLong(5000);
  private final Window weight = new Window(60_000);
  private final Window orders10s = new Window(10_000);
  private final Window orders1d = new Window(86_400_000);
  private final Set<String> unknownPaths = ConcurrentHashMap.newKeySet();
  private final AtomicLong uuids = new AtomicLong();
  private static final String BOOT =
      Integer.toHexString(0x10000000 | (int) System.nanoTime() & 0xfffffff) + "-0000-4000-8000-";

  public BinanceMock(boolean fills) {
    this.fills = fills;
  }

  @Override
  public void http(MockRequest r, MockResponse w) {
    w.header("Content-Type", "application/json;charset=UTF-8").header("X-MBX-UUID", uuid());
    String key = r.method() + " " + r.path();
    switch (key) {
      case "GET /api/v3/ping" -> used(w, 1).json("{}");
      case "GET /api/v3/time" ->
          used(w, 1).json("{\"serverTime\":" + System.currentTimeMillis() + "}");
      case "GET /api/v3/exchangeInfo" -> used(w, 20).json(EXCHANGE_INFO);
      case "GET /api/v3/account" -> signed(r, w, 20, () -> ACCOUNT);
      case "GET /api/v3/openOrders" -> signed(r, w, 6, () -> "[]");
      case "GET /api/v3/depth" -> used(w, 5).json(DEPTH);
      case "GET /sapi/v1/asset/assetDetail" -> signed(r, w, 1, () -> ASSET_DETAIL);
      case "POST /api/v3/order" -> {
        Map<String, String> p = r.params();
        long n10 = orders10s.add(1);
        long nDay = orders1d.add(1);
        w.header("X-MBX-ORDER-COUNT-10S", Long.toString(n10))
            .header("X-MBX-ORDER-COUNT-1D", Long.toString(nDay));
        signed(r, w, 1, () -> order(p, p.getOrDefault("newOrderRespType", "FULL")));
      }
      default -> {
        if (unknownPaths.add(key)) {
          System.err.println("binance mock: no answer for " + key);
        }
        w.status(404, "Not Found").json("{\"code\":-1000,\"msg\":\"unknown path " + key + "\"}");
      }
    }
  }

  /** UUID-shaped and unique, without SecureRandom on every answer. */
  private String uuid() {
    long n = uuids.incrementAndGet();
    return BOOT + Long.toHexString(0x1000000000000L | n).substring(1);
  }

  private MockResponse used(MockResponse w, int cost) {
    return w.header("X-MBX-USED-WEIGHT-1M", Long.toString(weight.add(cost)));
  }

  private void signed(
      MockRequest r, MockResponse w, int cost, java.util.function.Supplier<String> body) {
    used(w, cost);
    if (r.header("X-MBX-APIKEY") == null) {
      w.status(401, "Unauthorized").json("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
      return;
    }
    Map<String, String> p = r.params();
    if (p.get("signature") == null || p.get("timestamp") == null) {
      w.status(400, "Bad Request")
          .json("{\"code\":-1102,\"msg\":\"Mandatory parameter 'signature' was not sent.\"}");
      return;
    }
    w.json(body.get());
  }

  /** The new-order answer in the requested shape, for the order in {@code p}. */
  String order(Map<String, String> p, String responseType) {
    long id = orderIds.incrementAndGet();
    long now = System.currentTimeMillis();
    String cid = p.getOrDefault("newClientOrderId", "x-" + Long.toString(id, 36));
    StringBuilder sb =
        new StringBuilder(512)
            .append("{\"symbol\":\"")
            .append(p.get("symbol"))
            .append("\",\"orderId\":")
            .append(id)
            .append(",\"orderListId\":-1,\"clientOrderId\":\"")
            .append(cid)
            .append("\",\"transactTime\":")
            .append(now);
    if (responseType.equals("ACK")) {
      return sb.append('}').toString();
    }
    String qty = p.getOrDefault("quantity", "0.00000000");
    String price = p.getOrDefault("price", "0.00000000");
    sb.append(",\"price\":\"")
        .append(price)
        .append("\",\"origQty\":\"")
        .append(qty)
        .append("\",\"executedQty\":\"")
        .append(fills ? qty : "0.00000000")
        .append("\",\"origQuoteOrderQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"")
        .append(fills ? notional(price, qty) : "0.00000000")
        .append("\",\"status\":\"")
        .append(fills ? "FILLED" : "NEW")
        .append("\",\"timeInForce\":\"")
        .append(p.getOrDefault("timeInForce", "GTC"))
        .append("\",\"type\":\"")
        .append(p.get("type"))
        .append("\",\"side\":\"")
        .append(p.get("side"))
        .append("\",\"workingTime\":")
        .append(now)
        .append(",\"selfTradePreventionMode\":\"EXPIRE_MAKER\"");
    if (responseType.equals("FULL")) {
      sb.append(",\"fills\":[");
      if (fills) {
        sb.append("{\"price\":\"")
            .append(price)
            .append("\",\"qty\":\"")
            .append(qty)
            .append("\",\"commission\":\"0.00000000\",\"commissionAsset\":\"USDT\",\"tradeId\":")
            .append(tradeIds.incrementAndGet())
            .append('}');
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  private static String notional(String price, String qty) {
    return new java.math.BigDecimal(price)
        .multiply(new java.math.BigDecimal(qty))
        .setScale(8, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
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
    String method = m.path("method").asText();
    String limits =
        "\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
            + "\"intervalNum\":1,\"limit\":6000,\"count\":"
            + weight.add(2)
            + "}]";
    switch (method) {
      case "userDataStream.subscribe.signature" ->
          s.send(
              "{\"id\":\""
                  + id
                  + "\",\"status\":200,\"result\":{\"subscriptionId\":0},"
                  + limits
                  + "}");
      case "order.place" -> {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        m.path("params").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        orders10s.add(1);
        orders1d.add(1);
        s.send(
            "{\"id\":\""
                + id
                + "\",\"status\":200,\"result\":"
                + order(p, p.getOrDefault("newOrderRespType", "FULL"))
                + ","
                + limits
                + "}");
      }
      case "ping" -> s.send("{\"id\":\"" + id + "\",\"status\":200,\"result\":{}," + limits + "}");
      default ->
          s.send(
              "{\"id\":\""
                  + id
                  + "\",\"status\":400,\"error\":{\"code\":-1000,\"msg\":\"unsupported in the"
                  + " mock: "
                  + method
                  + "\"}}");
    }
  }

  /** A fixed-window counter like Binance's (reset at each window boundary). */
  private static final class Window {
    private final long millis;
    private long start;
    private long count;

    Window(long millis) {
      this.millis = millis;
    }

    synchronized long add(long n) {
      long w = System.currentTimeMillis() / millis;
      if (w != start) {
        start = w;
        count = 0;
      }
      count += n;
      return count;
    }
  }

  static final String EXCHANGE_INFO =
      "{\"timezone\":\"UTC\",\"serverTime\":1565246363776,\"rateLimits\":["
          + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
          + "\"limit\":6000},"
          + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,"
          + "\"limit\":100},"
          + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,"
          + "\"limit\":200000},"
          + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,"
          + "\"limit\":61000}],"
          + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\","
          + "\"baseAsset\":\"BTC\",\"baseAssetPrecision\":8,\"quoteAsset\":\"USDT\","
          + "\"quotePrecision\":8,\"quoteAssetPrecision\":8,\"baseCommissionPrecision\":8,"
          + "\"quoteCommissionPrecision\":8,\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\","
          + "\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT_LIMIT\"],\"icebergAllowed\":true,"
          + "\"ocoAllowed\":true,\"otoAllowed\":true,\"quoteOrderQtyMarketAllowed\":true,"
          + "\"allowTrailingStop\":true,\"cancelReplaceAllowed\":true,\"amendAllowed\":false,"
          + "\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":false,\"filters\":["
          + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\","
          + "\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},"
          + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\","
          + "\"stepSize\":\"0.00001000\"},"
          + "{\"filterType\":\"ICEBERG_PARTS\",\"limit\":10},"
          + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\","
          + "\"maxQty\":\"120.00000000\",\"stepSize\":\"0.00000000\"},"
          + "{\"filterType\":\"TRAILING_DELTA\",\"minTrailingAboveDelta\":10,"
          + "\"maxTrailingAboveDelta\":2000,\"minTrailingBelowDelta\":10,"
          + "\"maxTrailingBelowDelta\":2000},"
          + "{\"filterType\":\"PERCENT_PRICE_BY_SIDE\",\"bidMultiplierUp\":\"5\","
          + "\"bidMultiplierDown\":\"0.2\",\"askMultiplierUp\":\"5\",\"askMultiplierDown\":\"0.2\","
          + "\"avgPriceMins\":5},"
          + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true,"
          + "\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5},"
          + "{\"filterType\":\"MAX_NUM_ORDERS\",\"maxNumOrders\":200},"
          + "{\"filterType\":\"MAX_NUM_ALGO_ORDERS\",\"maxNumAlgoOrders\":5}],"
          + "\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],"
          + "\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\","
          + "\"allowedSelfTradePreventionModes\":[\"EXPIRE_TAKER\",\"EXPIRE_MAKER\","
          + "\"EXPIRE_BOTH\"]}]}";

  static final String ACCOUNT =
      "{\"makerCommission\":15,\"takerCommission\":15,\"buyerCommission\":0,"
          + "\"sellerCommission\":0,\"commissionRates\":{\"maker\":\"0.00150000\","
          + "\"taker\":\"0.00150000\",\"buyer\":\"0.00000000\",\"seller\":\"0.00000000\"},"
          + "\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"brokered\":false,"
          + "\"requireSelfTradePrevention\":false,\"preventSor\":false,\"updateTime\":123456789,"
          + "\"accountType\":\"SPOT\",\"balances\":[{\"asset\":\"BTC\",\"free\":\"10000.00000000\","
          + "\"locked\":\"0.00000000\"},{\"asset\":\"USDT\",\"free\":\"100000000.00000000\","
          + "\"locked\":\"0.00000000\"}],\"permissions\":[\"SPOT\"],\"uid\":354937868}";

  static final String ASSET_DETAIL =
      "{\"BTC\":{\"minWithdrawAmount\":\"0.00200000\",\"depositStatus\":true,"
          + "\"withdrawFee\":0.0005,\"withdrawStatus\":true,\"depositTip\":\"\"},"
          + "\"USDT\":{\"minWithdrawAmount\":\"10.00000000\",\"depositStatus\":true,"
          + "\"withdrawFee\":1,\"withdrawStatus\":true}}";

  static final String DEPTH =
      "{\"lastUpdateId\":1027024,\"bids\":[[\"63999.99\",\"10.00000000\"]],"
          + "\"asks\":[[\"64000.01\",\"10.00000000\"]]}";
}
