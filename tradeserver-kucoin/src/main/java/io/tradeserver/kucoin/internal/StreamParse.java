package io.tradeserver.kucoin.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.util.Locale;

/**
 * Streaming parse of KuCoin WebSocket frames (https://www.kucoin.com/docs-new/websocket-api): the
 * envelope header, {@code /spotMarket/tradeOrdersV2} order changes, {@code /account/balance}
 * changes and {@code /market/level2} increments.
 */
final class StreamParse {
  private StreamParse() {}

  /** The envelope of any frame: {@code type} is welcome, ack, pong, error, message, notice. */
  record Header(String type, String id, String topic, String subject) {}

  /**
   * One {@code orderChange}. Decimals are at the instrument's scales (or finer); absent ones null.
   */
  record OrderChange(
      String symbol,
      String orderId,
      String clientOid,
      String type,
      String status,
      String side,
      Price matchPrice,
      Quantity matchSize,
      String tradeId,
      String liquidity,
      Quantity filledSize,
      long tsNanos) {}

  /** One level-2 increment: per side prices, sizes and change sequences in units. */
  record L2Increment(
      String symbol,
      long sequenceStart,
      long sequenceEnd,
      long[] askPrices,
      long[] askSizes,
      long[] askSeqs,
      long[] bidPrices,
      long[] bidSizes,
      long[] bidSeqs) {}

  static Header header(String text) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      p.nextToken();
      String[] v = new String[4];
      Json.fields(
          p,
          (name, x) -> {
            switch (name) {
              case "type" -> v[0] = Json.text(x);
              case "id" -> v[1] = Json.text(x);
              case "topic" -> v[2] = Json.text(x);
              case "subject" -> v[3] = Json.text(x);
              default -> {
                return false;
              }
            }
            return true;
          });
      return new Header(v[0], v[1], v[2], v[3]);
    }
  }

  /** Positions {@code p} on the {@code data} object of a frame; false when there is none. */
  private static boolean toData(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(p, "frame is not an object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("data") && t == JsonToken.START_OBJECT) {
        return true;
      }
      p.skipChildren();
    }
    return false;
  }

  static OrderChange orderChange(String text, Instruments instruments) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (!toData(p)) {
        throw new JsonParseException(p, "orderChange without data");
      }
      String[] s = new String[8];
      Object[] d = new Object[3];
      long[] ts = {0};
      Json.fields(p, (name, x) -> orderField(name, x, instruments, s, d, ts));
      if (s[0] == null || s[1] == null || s[3] == null) {
        throw new JsonParseException(p, "orderChange without symbol, orderId or type");
      }
      return new OrderChange(
          s[0],
          s[1],
          s[2],
          s[3],
          s[4],
          s[5],
          (Price) d[0],
          (Quantity) d[1],
          s[6],
          s[7],
          (Quantity) d[2],
          ts[0]);
    }
  }

  private static boolean orderField(
      String name, JsonParser x, Instruments instruments, String[] s, Object[] d, long[] ts)
      throws IOException {
    switch (name) {
      case "symbol" -> s[0] = Json.text(x);
      case "orderId" -> s[1] = Json.text(x);
      case "clientOid" -> s[2] = Json.text(x);
      case "type" -> s[3] = Json.text(x);
      case "status" -> s[4] = Json.text(x);
      case "side" -> s[5] = Json.text(x);
      case "tradeId" -> s[6] = Json.text(x);
      case "liquidity" -> s[7] = Json.text(x);
      case "matchPrice" -> d[0] = Dec.price(x, instruments.priceScale(s[0]));
      case "matchSize" -> d[1] = Dec.quantity(x, instruments.quantityScale(s[0]));
      case "filledSize" -> d[2] = Dec.quantity(x, instruments.quantityScale(s[0]));
      case "ts" -> ts[0] = Json.longValue(x);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@code /account/balance} change of the trade account, or null for other accounts (main,
   * margin). {@code relationEvent} names the account: {@code trade.*} and {@code trade_hf.*} are
   * the spot trading account (https://www.kucoin.com/docs-new/3470075w0).
   */
  static Balance tradeBalance(String text) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (!toData(p)) {
        return null;
      }
      String[] s = new String[2];
      Quantity[] q = new Quantity[2];
      Json.fields(
          p,
          (name, x) -> {
            switch (name) {
              case "currency" -> s[0] = Json.text(x);
              case "relationEvent" -> s[1] = Json.text(x);
              case "available" -> q[0] = Dec.quantity(x);
              case "hold" -> q[1] = Dec.quantity(x);
              default -> {
                return false;
              }
            }
            return true;
          });
      if (s[0] == null || q[0] == null || q[1] == null || !isTradeAccount(s[1])) {
        return null;
      }
      return new Balance(s[0].toUpperCase(Locale.ROOT), q[0], q[1]);
    }
  }

  private static boolean isTradeAccount(String relationEvent) {
    return relationEvent != null
        && (relationEvent.startsWith("trade.") || relationEvent.startsWith("trade_hf."));
  }

  /** A {@code trade.l2update} increment; levels in units at the instrument's scales. */
  static L2Increment level2(String text, int ps, int qs) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (!toData(p)) {
        throw new JsonParseException(p, "l2update without data");
      }
      String[] symbol = {null};
      long[] seq = {0, 0};
      Side[] sides = {new Side(), new Side()};
      Json.fields(
          p,
          (name, x) -> {
            switch (name) {
              case "symbol" -> symbol[0] = Json.text(x);
              case "sequenceStart" -> seq[0] = Json.longValue(x);
              case "sequenceEnd" -> seq[1] = Json.longValue(x);
              case "changes" -> changes(x, sides, ps, qs);
              default -> {
                return false;
              }
            }
            return true;
          });
      Side a = sides[0];
      Side b = sides[1];
      return new L2Increment(
          symbol[0],
          seq[0],
          seq[1],
          a.trim(a.prices),
          a.trim(a.sizes),
          a.trim(a.seqs),
          b.trim(b.prices),
          b.trim(b.sizes),
          b.trim(b.seqs));
    }
  }

  private static void changes(JsonParser p, Side[] sides, int ps, int qs) throws IOException {
    Json.fields(
        p,
        (name, x) -> {
          Side side = name.equals("asks") ? sides[0] : name.equals("bids") ? sides[1] : null;
          if (side == null) {
            return false;
          }
          Json.elements(
              x,
              level -> {
                level.nextToken();
                long price = Dec.units(level, ps);
                level.nextToken();
                long size = Dec.units(level, qs);
                level.nextToken();
                long seq = level.currentToken() == JsonToken.END_ARRAY ? 0 : Json.longValue(level);
                while (level.currentToken() != JsonToken.END_ARRAY) {
                  level.nextToken();
                  level.skipChildren();
                }
                side.add(price, size, seq);
              });
          return true;
        });
  }

  /** Growable columns of one side's changes. */
  private static final class Side {
    long[] prices = new long[8];
    long[] sizes = new long[8];
    long[] seqs = new long[8];
    int n;

    void add(long price, long size, long seq) {
      if (n == prices.length) {
        prices = java.util.Arrays.copyOf(prices, n * 2);
        sizes = java.util.Arrays.copyOf(sizes, n * 2);
        seqs = java.util.Arrays.copyOf(seqs, n * 2);
      }
      prices[n] = price;
      sizes[n] = size;
      seqs[n++] = seq;
    }

    long[] trim(long[] a) {
      return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }
  }
}
