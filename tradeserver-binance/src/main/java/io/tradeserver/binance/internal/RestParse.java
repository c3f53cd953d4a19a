package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.event.Ticker;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parse of Binance REST (and WebSocket API {@code result}) bodies into venue types: order
 * objects, trades, balances, the 24 h ticker, errors, server time. Unknown fields are skipped, so
 * new venue fields never break parsing.
 */
final class RestParse {
  private RestParse() {}

  static OrderResult order(byte[] body) throws IOException {
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      return order(p, true);
    }
  }

  /**
   * A new-order answer with what {@link OrderEvents#placed} reads (orderId, status, times, fills):
   * the order's other text fields (symbol, ids, type, side, price, quantities) are left null rather
   * than built as strings on every order.
   */
  static OrderResult placed(byte[] body) throws IOException {
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      return order(p, false);
    }
  }

  /** Parses the order object at the current START_OBJECT. */
  static OrderResult order(JsonParser p) throws IOException {
    return order(p, true);
  }

  /** The order object at the current START_OBJECT; {@code all}: false as for {@link #placed}. */
  static OrderResult order(JsonParser p, boolean all) throws IOException {
    OrderResult r = new OrderResult();
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "symbol" -> r.symbol = text(p, all);
        case "orderId" -> r.orderId = p.getLongValue();
        case "clientOrderId" -> r.clientOrderId = text(p, all);
        case "origClientOrderId" -> r.origClientOrderId = text(p, all);
        case "transactTime" -> r.transactTime = p.getLongValue();
        case "updateTime" -> r.updateTime = p.getLongValue();
        case "status" -> r.status = p.getText();
        case "type" -> r.type = text(p, all);
        case "side" -> r.side = text(p, all);
        case "price" -> r.price = text(p, all);
        case "origQty" -> r.origQty = text(p, all);
        case "executedQty" -> r.executedQty = text(p, all);
        case "cummulativeQuoteQty" -> r.cummulativeQuoteQty = text(p, all);
        case "fills" -> fills(p, r);
        default -> p.skipChildren();
      }
    }
    return r;
  }

  /** The current value's text when wanted, else null without building a String. */
  private static String text(JsonParser p, boolean wanted) throws IOException {
    return wanted ? p.getText() : null;
  }

  private static void fills(JsonParser p, OrderResult r) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String price = null;
      String qty = null;
      String commission = null;
      String asset = null;
      long tradeId = -1;
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "price" -> price = p.getText();
          case "qty" -> qty = p.getText();
          case "commission" -> commission = p.getText();
          case "commissionAsset" -> asset = Json.text(p);
          case "tradeId" -> tradeId = p.getLongValue();
          default -> p.skipChildren();
        }
      }
      r.fills.add(new OrderResult.FillResult(price, qty, commission, asset, tradeId));
    }
  }

  /**
   * Orders in an array ({@code openOrders}, cancel-all). Order-list entries of a cancel-all answer
   * contribute their {@code orderReports}.
   */
  static List<OrderResult> orders(byte[] body) throws IOException {
    List<OrderResult> out = new ArrayList<>();
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected an array of orders");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        orderOrList(p, out);
      }
    }
    return out;
  }

  private static void orderOrList(JsonParser p, List<OrderResult> out) throws IOException {
    // An order list carries "orderReports"; a plain order does not. Parse into a tree only for
    // lists.
    com.fasterxml.jackson.databind.JsonNode node = Json.MAPPER.readTree(p);
    com.fasterxml.jackson.databind.JsonNode reports = node.get("orderReports");
    if (reports != null && reports.isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode n : reports) {
        try (JsonParser q = Json.MAPPER.treeAsTokens(n)) {
          q.nextToken();
          out.add(order(q));
        }
      }
    } else if (node.has("orderId")) {
      try (JsonParser q = Json.MAPPER.treeAsTokens(node)) {
        q.nextToken();
        out.add(order(q));
      }
    }
  }

  static List<TradeResult> trades(byte[] body) throws IOException {
    List<TradeResult> out = new ArrayList<>();
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected an array of trades");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        out.add(trade(p));
      }
    }
    return out;
  }

  private static TradeResult trade(JsonParser p) throws IOException {
    String symbol = null;
    long id = -1;
    long orderId = -1;
    String price = null;
    String qty = null;
    String commission = null;
    String asset = null;
    long time = 0;
    boolean buyer = false;
    boolean maker = false;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "symbol" -> symbol = p.getText();
        case "id" -> id = p.getLongValue();
        case "orderId" -> orderId = p.getLongValue();
        case "price" -> price = p.getText();
        case "qty" -> qty = p.getText();
        case "commission" -> commission = p.getText();
        case "commissionAsset" -> asset = Json.text(p);
        case "time" -> time = p.getLongValue();
        case "isBuyer" -> buyer = p.getBooleanValue();
        case "isMaker" -> maker = p.getBooleanValue();
        default -> p.skipChildren();
      }
    }
    return new TradeResult(symbol, id, orderId, price, qty, commission, asset, time, buyer, maker);
  }

  /** Balances from {@code GET /api/v3/account}, at each amount's own scale. */
  static List<Balance> balances(byte[] body) throws IOException {
    List<Balance> out = new ArrayList<>();
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      String f;
      while ((f = Json.nextField(p)) != null) {
        if (!"balances".equals(f) || p.currentToken() != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          out.add(balance(p, "asset", "free", "locked"));
        }
      }
    }
    return out;
  }

  /** One balance object with the given field names (REST and stream use different ones). */
  static Balance balance(JsonParser p, String assetField, String freeField, String lockedField)
      throws IOException {
    String asset = null;
    String free = "0";
    String locked = "0";
    String f;
    while ((f = Json.nextField(p)) != null) {
      if (f.equals(assetField)) {
        asset = p.getText();
      } else if (f.equals(freeField)) {
        free = p.getText();
      } else if (f.equals(lockedField)) {
        locked = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new Balance(asset, Json.natural(free), Json.natural(locked));
  }

  /**
   * A {@code GET /api/v3/ticker/24hr?symbol=} answer (FULL) as a {@link Ticker}: {@code bidPrice} /
   * {@code bidQty}, {@code askPrice} / {@code askQty}, {@code lastPrice} and base-asset {@code
   * volume}, exactly at the instrument's scales. A side with quantity zero (empty) and a last price
   * of zero (no trade) are null.
   *
   * @throws IOException when the body is not a ticker for {@code inst}
   */
  static Ticker ticker(byte[] body, Instrument inst, String venue, long timeNanos)
      throws IOException {
    String symbol = null;
    String bid = null;
    String bidQty = null;
    String ask = null;
    String askQty = null;
    String last = null;
    String volume = null;
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("ticker answer is not an object");
      }
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "symbol" -> symbol = Json.text(p);
          case "bidPrice" -> bid = Json.text(p);
          case "bidQty" -> bidQty = Json.text(p);
          case "askPrice" -> ask = Json.text(p);
          case "askQty" -> askQty = Json.text(p);
          case "lastPrice" -> last = Json.text(p);
          case "volume" -> volume = Json.text(p);
          default -> p.skipChildren();
        }
      }
    }
    if (!inst.nativeSymbol().equals(symbol)) {
      throw new IOException("ticker for " + symbol + ", asked for " + inst.nativeSymbol());
    }
    int ps = inst.priceScale();
    int qs = inst.quantityScale();
    Quantity bq = nonZero(Json.quantity(bidQty, qs));
    Quantity aq = nonZero(Json.quantity(askQty, qs));
    Price lastPrice = Json.price(last, ps);
    return new Ticker(
        venue,
        inst.id(),
        bq == null ? null : Json.price(bid, ps),
        bq,
        aq == null ? null : Json.price(ask, ps),
        aq,
        lastPrice == null || lastPrice.isZero() ? null : lastPrice,
        volume(volume, qs),
        timeNanos);
  }

  private static Quantity nonZero(Quantity q) {
    return q == null || q.isZero() ? null : q;
  }

  /**
   * Volume at the quantity scale, or at its own scale when it has finer non-zero digits (the step
   * size changed within the 24 h window): still exact, and one odd figure never fails the ticker.
   */
  private static Quantity volume(String text, int scale) {
    if (text == null) {
      return null;
    }
    try {
      return Quantity.parse(text, scale);
    } catch (NumberFormatException finerThanStep) {
      return Quantity.parse(text);
    }
  }

  static long serverTime(byte[] body) throws IOException {
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      String f;
      while ((f = Json.nextField(p)) != null) {
        if ("serverTime".equals(f)) {
          return p.getLongValue();
        }
        p.skipChildren();
      }
    }
    throw new IOException("no serverTime in response");
  }

  /**
   * An error body {@code {"code":-2010,"msg":"..."}}; tolerant of non-JSON bodies (proxies, WAF).
   */
  static VenueError error(int status, byte[] body, long retryAfterMillis) {
    int code = 0;
    String msg = null;
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        String f;
        while ((f = Json.nextField(p)) != null) {
          switch (f) {
            case "code" -> code = p.getIntValue();
            case "msg" -> msg = p.getText();
            default -> p.skipChildren();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      msg = "unparseable error body";
    }
    return new VenueError(status, code, msg, retryAfterMillis);
  }
}
