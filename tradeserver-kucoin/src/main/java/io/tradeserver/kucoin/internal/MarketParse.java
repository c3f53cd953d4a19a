package io.tradeserver.kucoin.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.tradeserver.model.Balance;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers for KuCoin's market and account REST data ({@code data} of the envelope), mapping venue
 * JSON straight into the domain: symbols, trade-account balances, WebSocket tokens, server time,
 * level-2 snapshots (full, or partial {@code level2_20}/{@code level2_100}) and the level-1 ticker.
 */
final class MarketParse {
  private static final Logger log = LoggerFactory.getLogger(MarketParse.class);

  private MarketParse() {}

  /** A WebSocket token and the server KuCoin assigned ({@code POST /api/v1/bullet-*}). */
  record Bullet(String token, String endpoint, long pingIntervalMillis, long pingTimeoutMillis) {}

  /** A level-2 snapshot in units at the instrument's scales, best levels first. */
  record BookLevels(
      long sequence, long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes) {

    /** The best {@code depth} levels of each side as a domain snapshot (fewer when thinner). */
    BookSnapshot top(Instrument i, int depth, long timeNanos) {
      int b = Math.min(depth, bidPrices.length);
      int a = Math.min(depth, askPrices.length);
      return new BookSnapshot(
          i.id(),
          i.priceScale(),
          i.quantityScale(),
          Arrays.copyOf(bidPrices, b),
          Arrays.copyOf(bidSizes, b),
          Arrays.copyOf(askPrices, a),
          Arrays.copyOf(askSizes, a),
          sequence,
          timeNanos);
    }
  }

  /** {@code GET /api/v1/market/orderbook/level1}. */
  record Ticker(
      long timeMillis,
      String sequence,
      Price last,
      Price bestBid,
      Quantity bestBidSize,
      Price bestAsk,
      Quantity bestAskSize) {}

  /** {@code GET /api/v2/symbols}: every symbol with its increments and limits. */
  static Json.Reader<List<Instrument>> instruments(String venue) {
    return p -> {
      List<Instrument> out = new ArrayList<>();
      int[] skipped = {0};
      Json.elements(
          p,
          e -> {
            Map<String, String> f = new HashMap<>();
            Json.fields(
                e,
                (name, v) -> {
                  if (v.currentToken().isStructStart()) {
                    return false;
                  }
                  f.put(name, Json.text(v));
                  return true;
                });
            try {
              out.add(instrument(venue, f));
            } catch (RuntimeException ex) {
              skipped[0]++;
              log.debug("{} skipping symbol {}: {}", venue, f.get("symbol"), ex.getMessage());
            }
          });
      if (skipped[0] > 0) {
        log.warn("{}: {} symbols skipped with unusable rules", venue, skipped[0]);
      }
      return out;
    };
  }

  static Instrument instrument(String venue, Map<String, String> f) {
    String symbol = f.get("symbol");
    InstrumentId id =
        new InstrumentId(
            venue,
            f.get("baseCurrency").toUpperCase(Locale.ROOT),
            f.get("quoteCurrency").toUpperCase(Locale.ROOT));
    Price tick = Price.parse(f.get("priceIncrement"));
    Quantity step = Quantity.parse(f.get("baseIncrement"));
    int ps = tick.scale();
    int qs = step.scale();
    int ns = Math.min(Math.min(ps + qs, Decimals.MAX_SCALE), Math.max(ps, 8));
    String quoteIncrement = f.get("quoteIncrement");
    if (quoteIncrement != null) {
      ns = Math.max(ns, Decimals.naturalScale(quoteIncrement));
    }
    return Instrument.builder(id, symbol)
        .tickSize(tick)
        .stepSize(step)
        .notionalScale(ns)
        .minQuantity(optional(f.get("baseMinSize"), qs))
        .maxQuantity(optional(f.get("baseMaxSize"), qs))
        .minNotional(optional(f.get("minFunds"), ns))
        .maxNotional(optional(f.get("quoteMaxSize"), ns))
        .tradable(Boolean.parseBoolean(f.get("enableTrading")))
        .build();
  }

  /** A limit at {@code scale}, at its own scale when finer, or null when absent or too large. */
  private static Quantity optional(String text, int scale) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Quantity.parse(text, Math.max(scale, Decimals.naturalScale(text)));
    } catch (NumberFormatException | ArithmeticException e) {
      return null; // beyond a long at this scale: effectively unlimited
    }
  }

  /** {@code GET /api/v1/accounts?type=trade}: free = available, locked = holds. */
  static final Json.Reader<List<Balance>> BALANCES =
      p -> {
        List<Balance> out = new ArrayList<>();
        Json.elements(
            p,
            e -> {
              String[] currency = {null, null};
              Quantity[] q = {null, null};
              Json.fields(
                  e,
                  (name, v) -> {
                    switch (name) {
                      case "currency" -> currency[0] = Json.text(v);
                      case "type" -> currency[1] = Json.text(v);
                      case "available" -> q[0] = Dec.quantity(v);
                      case "holds" -> q[1] = Dec.quantity(v);
                      default -> {
                        return false;
                      }
                    }
                    return true;
                  });
              if (currency[0] != null && (currency[1] == null || currency[1].equals("trade"))) {
                out.add(
                    new Balance(
                        currency[0].toUpperCase(Locale.ROOT),
                        q[0] == null ? Quantity.zero(0) : q[0],
                        q[1] == null ? Quantity.zero(0) : q[1]));
              }
            });
        return out;
      };

  /** {@code POST /api/v1/bullet-public|private}: the first instance server is used. */
  static final Json.Reader<Bullet> BULLET =
      p -> {
        String[] token = {null};
        Bullet[] server = {null};
        Json.fields(
            p,
            (name, v) -> {
              if (name.equals("token")) {
                token[0] = Json.text(v);
                return true;
              }
              if (name.equals("instanceServers")) {
                Json.elements(v, s -> server[0] = server[0] != null ? server[0] : server(s));
                return true;
              }
              return false;
            });
        if (token[0] == null || server[0] == null) {
          throw new IOException("bullet without token or instance server");
        }
        Bullet s = server[0];
        return new Bullet(token[0], s.endpoint(), s.pingIntervalMillis(), s.pingTimeoutMillis());
      };

  private static Bullet server(JsonParser p) throws IOException {
    String[] endpoint = {null};
    long[] ping = {18_000, 10_000};
    Json.fields(
        p,
        (name, v) -> {
          switch (name) {
            case "endpoint" -> endpoint[0] = Json.text(v);
            case "pingInterval" -> ping[0] = Json.longValue(v);
            case "pingTimeout" -> ping[1] = Json.longValue(v);
            default -> {
              return false;
            }
          }
          return true;
        });
    return new Bullet(null, endpoint[0], ping[0], ping[1]);
  }

  /** {@code GET /api/v1/timestamp}: epoch milliseconds. */
  static final Json.Reader<Long> SERVER_TIME = Json::longValue;

  /**
   * Level-2 snapshot ({@code /api/v3/market/orderbook/level2}, {@code level2_20} or {@code
   * level2_100}): prices and sizes exactly at the given scales, refusing extra digits.
   */
  static Json.Reader<BookLevels> book(int priceScale, int sizeScale) {
    return p -> {
      long[] seq = {0};
      LevelList bids = new LevelList();
      LevelList asks = new LevelList();
      Json.fields(
          p,
          (name, v) -> {
            switch (name) {
              case "sequence" -> seq[0] = Json.longValue(v);
              case "bids" -> levels(v, bids, priceScale, sizeScale);
              case "asks" -> levels(v, asks, priceScale, sizeScale);
              default -> {
                return false;
              }
            }
            return true;
          });
      return new BookLevels(seq[0], bids.prices(), bids.sizes(), asks.prices(), asks.sizes());
    };
  }

  private static void levels(JsonParser p, LevelList out, int ps, int qs) throws IOException {
    Json.elements(
        p,
        level -> {
          level.nextToken();
          long price = Dec.units(level, ps);
          level.nextToken();
          long size = Dec.units(level, qs);
          while (level.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
            level.skipChildren();
          }
          out.add(price, size);
        });
  }

  /** {@code GET /api/v1/market/orderbook/level1}. */
  static Json.Reader<Ticker> ticker(int priceScale, int sizeScale) {
    return p -> {
      Object[] v = new Object[7];
      Json.fields(
          p,
          (name, x) -> {
            switch (name) {
              case "time" -> v[0] = Json.longValue(x);
              case "sequence" -> v[1] = Json.text(x);
              case "price" -> v[2] = Dec.price(x, priceScale);
              case "bestBid" -> v[3] = Dec.price(x, priceScale);
              case "bestBidSize" -> v[4] = Dec.quantity(x, sizeScale);
              case "bestAsk" -> v[5] = Dec.price(x, priceScale);
              case "bestAskSize" -> v[6] = Dec.quantity(x, sizeScale);
              default -> {
                return false;
              }
            }
            return true;
          });
      return new Ticker(
          v[0] == null ? 0 : (Long) v[0],
          (String) v[1],
          (Price) v[2],
          (Price) v[3],
          (Quantity) v[4],
          (Price) v[5],
          (Quantity) v[6]);
    };
  }

  /** A growable pair of long arrays. */
  private static final class LevelList {
    private long[] prices = new long[64];
    private long[] sizes = new long[64];
    private int n;

    void add(long price, long size) {
      if (n == prices.length) {
        prices = Arrays.copyOf(prices, n * 2);
        sizes = Arrays.copyOf(sizes, n * 2);
      }
      prices[n] = price;
      sizes[n++] = size;
    }

    long[] prices() {
      return Arrays.copyOf(prices, n);
    }

    long[] sizes() {
      return Arrays.copyOf(sizes, n);
    }
  }
}
