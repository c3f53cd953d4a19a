package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one mapping layer from Kraken REST JSON to the domain. Numbers are read exactly: strings go
 * straight to fixed-point units, JSON numbers through exact {@link BigDecimal} nodes, never {@code
 * double}. Stateless and thread-safe.
 */
final class KrakenParse {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final JsonFactory JSON = MAPPER.getFactory();

  private KrakenParse() {}

  /** A parsed response: {@code result} when {@code error} is null. */
  record Envelope(JsonNode result, String error) {}

  /** Splits a response into result and first error (warnings, {@code W...}, are ignored). */
  static Envelope envelope(byte[] body) throws IOException {
    JsonNode root = MAPPER.readTree(body);
    if (root == null || !root.isObject()) {
      throw new IOException("not a Kraken response object");
    }
    for (JsonNode e : root.path("error")) {
      String s = e.asText();
      if (s.startsWith("E")) {
        return new Envelope(null, s);
      }
    }
    JsonNode result = root.get("result");
    if (result == null) {
      throw new IOException("Kraken response has neither result nor error");
    }
    return new Envelope(result, null);
  }

  /** The AddOrder answer: {@code txid} on success, else {@code error}. */
  record AddOrderAck(String txid, String error) {}

  /** Streams an AddOrder body: only the first error and the first txid are kept. */
  static AddOrderAck addOrder(byte[] body) throws IOException {
    String txid = null;
    String error = null;
    try (JsonParser p = JSON.createParser(body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ("error".equals(field) && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (error == null && s.startsWith("E")) {
              error = s;
            }
          }
        } else if ("result".equals(field) && t == JsonToken.START_OBJECT) {
          txid = txidOfResult(p);
        } else {
          p.skipChildren();
        }
      }
    }
    if (error == null && txid == null) {
      throw new IOException("AddOrder answer has neither txid nor error");
    }
    return new AddOrderAck(error == null ? txid : null, error);
  }

  private static String txidOfResult(JsonParser p) throws IOException {
    String txid = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if ("txid".equals(field) && t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          if (txid == null) {
            txid = p.getText();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return txid;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but was " + actual);
    }
  }

  /** AssetPairs {@code result} to markets; dark-pool ({@code .d}) pairs are skipped. */
  static List<Market> markets(String venue, JsonNode result) {
    List<Market> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = result.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      String altname = p.path("altname").asText(e.getKey());
      if (altname.endsWith(".d") || !p.has("pair_decimals") || !p.has("lot_decimals")) {
        continue;
      }
      out.add(market(venue, e.getKey(), altname, p));
    }
    return out;
  }

  private static Market market(String venue, String key, String altname, JsonNode p) {
    String base = KrakenAssets.canonical(p.path("base").asText());
    String quote = KrakenAssets.canonical(p.path("quote").asText());
    String ws = p.path("wsname").asText("");
    int slash = ws.indexOf('/');
    if (slash > 0) {
      // wsname carries Kraken's short names (XBT/USD); canonicalise each side.
      base = KrakenAssets.canonical(ws.substring(0, slash));
      quote = KrakenAssets.canonical(ws.substring(slash + 1));
    }
    int pairDecimals = p.get("pair_decimals").asInt();
    int lotDecimals = p.get("lot_decimals").asInt();
    Price tick =
        p.hasNonNull("tick_size")
            ? Price.parse(p.get("tick_size").asText())
            : Price.of(1, pairDecimals);
    int priceScale = Math.max(pairDecimals, tick.scale());
    Instrument.Builder b =
        Instrument.builder(new InstrumentId(venue, base, quote), key)
            .priceScale(priceScale)
            .quantityScale(lotDecimals)
            .tickSize(tick)
            .stepSize(Quantity.of(1, lotDecimals))
            .tradable("online".equals(p.path("status").asText("online")));
    if (p.hasNonNull("ordermin")) {
      Quantity min = Quantity.parse(p.get("ordermin").asText());
      b.minQuantity(min.withScale(Math.max(min.scale(), lotDecimals)));
    }
    if (p.hasNonNull("costmin")) {
      b.minNotional(Quantity.parse(p.get("costmin").asText()));
    }
    if (p.has("cost_decimals")) {
      b.notionalScale(Math.max(p.get("cost_decimals").asInt(), priceScale));
    }
    return new Market(b.build(), key, altname, base + "/" + quote, pairDecimals, lotDecimals);
  }

  /** BalanceEx {@code result}: free = balance − hold_trade; Earn variants are skipped. */
  static List<Balance> balances(JsonNode result) {
    List<Balance> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = result.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (KrakenAssets.isEarnVariant(e.getKey())) {
        continue;
      }
      JsonNode v = e.getValue();
      Quantity total = quantity(v.isObject() ? v.path("balance") : v);
      Quantity held = v.hasNonNull("hold_trade") ? quantity(v.get("hold_trade")) : Quantity.zero(0);
      out.add(new Balance(KrakenAssets.canonical(e.getKey()), total.minus(held), held));
    }
    return out;
  }

  /** One order of OpenOrders / ClosedOrders / QueryOrders as a status report, or null. */
  static OrderStatusReport orderReport(
      String venue, Markets markets, String txid, JsonNode o, String knownClOrdId, long now) {
    JsonNode d = o.path("descr");
    Market m = markets.byPairName(d.path("pair").asText());
    if (m == null) {
      return null;
    }
    Instrument ins = m.instrument();
    Quantity vol = quantityAt(o.path("vol"), ins.quantityScale());
    Quantity exec = quantityAt(o.path("vol_exec"), ins.quantityScale());
    Price limit = positivePrice(d.path("price"));
    Price avg = exec.isZero() ? null : positivePrice(o.path("price"));
    String cl = o.hasNonNull("cl_ord_id") ? o.get("cl_ord_id").asText() : knownClOrdId;
    return new OrderStatusReport(
        venue,
        ins.id(),
        cl,
        txid,
        status(o.path("status").asText(), exec),
        "sell".equals(d.path("type").asText()) ? Side.SELL : Side.BUY,
        type(d.path("ordertype").asText(), o.path("oflags").asText()),
        limit,
        vol,
        exec,
        avg,
        now);
  }

  /** Trade ids listed on an order queried with {@code trades=true}. */
  static List<String> tradeIds(JsonNode order) {
    List<String> ids = new ArrayList<>();
    for (JsonNode t : order.path("trades")) {
      ids.add(t.asText());
    }
    return ids;
  }

  /** One QueryTrades entry as a fill; fees are charged in quote currency for spot pairs. */
  static Fill fill(Market m, String tradeId, JsonNode t, String clOrdId) {
    Instrument ins = m.instrument();
    Quantity fee = quantity(t.path("fee"));
    boolean maker = t.path("maker").asBoolean(false);
    return new Fill(
        ins.id(),
        clOrdId,
        t.path("ordertxid").asText(null),
        tradeId,
        "sell".equals(t.path("type").asText()) ? Side.SELL : Side.BUY,
        priceOf(t.path("price"), ins.priceScale()),
        quantityAt(t.path("vol"), ins.quantityScale()),
        fee,
        fee.isZero() ? null : ins.id().quote(),
        t.has("maker") ? (maker ? Liquidity.MAKER : Liquidity.TAKER) : Liquidity.UNKNOWN,
        epochSecondsToNanos(t.path("time")));
  }

  static OrderStatus status(String krakenStatus, Quantity exec) {
    return switch (krakenStatus) {
      case "closed" -> OrderStatus.FILLED;
      case "canceled" -> OrderStatus.CANCELED;
      case "expired" -> OrderStatus.EXPIRED;
      default -> exec.isZero() ? OrderStatus.ACCEPTED : OrderStatus.PARTIALLY_FILLED;
    };
  }

  private static OrderType type(String ordertype, String oflags) {
    if ("market".equals(ordertype)) {
      return OrderType.MARKET;
    }
    return oflags.contains("post") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
  }

  /** A decimal string or exact JSON number at its natural scale. */
  static Quantity quantity(JsonNode n) {
    return Quantity.parse(plain(n));
  }

  static Quantity quantityAt(JsonNode n, int scale) {
    String s = plain(n);
    return Quantity.of(parseUnits(s, scale), scale);
  }

  static Price priceOf(JsonNode n, int scale) {
    return Price.of(parseUnits(plain(n), scale), scale);
  }

  /** Parses exactly at {@code scale}; more digits than that are rounded half-even (averages). */
  private static long parseUnits(String s, int scale) {
    try {
      return Decimals.parse(s, scale);
    } catch (NumberFormatException e) {
      return Decimals.fromBigDecimal(
          new BigDecimal(s).setScale(scale, RoundingMode.HALF_EVEN), scale);
    }
  }

  private static Price positivePrice(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    Price p = Price.parse(plain(n));
    return p.isPositive() ? p : null;
  }

  static String plain(JsonNode n) {
    if (n.isBigDecimal()) {
      return n.decimalValue().toPlainString();
    }
    return n.asText();
  }

  static long epochSecondsToNanos(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return 0;
    }
    BigDecimal s = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
    return s.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
  }
}
