package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code exchangeInfo} symbols to {@link Instrument}s: PRICE_FILTER tick, LOT_SIZE step and
 * min/max quantity, MARKET_LOT_SIZE max quantity, NOTIONAL (or legacy MIN_NOTIONAL) notional bounds
 * (filters.md). A filter value of 0 disables that rule at Binance, so it maps to "no limit".
 */
final class InstrumentParse {
  private InstrumentParse() {}

  /**
   * @param venue venue instance id for canonical ids
   * @param wanted canonical {@code BASE-QUOTE} symbols to keep, or empty for all
   */
  static ExchangeInfo parse(byte[] body, String venue, Set<String> wanted) throws IOException {
    List<Instrument> instruments = new ArrayList<>();
    List<ExchangeInfo.RateLimitSpec> limits = new ArrayList<>();
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      String f;
      while ((f = Json.nextField(p)) != null) {
        if ("rateLimits".equals(f) && p.currentToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            ExchangeInfo.RateLimitSpec s = rateLimit(p);
            if (s != null) {
              limits.add(s);
            }
          }
        } else if ("symbols".equals(f) && p.currentToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Instrument i = symbol(p, venue);
            if (i != null && (wanted.isEmpty() || wanted.contains(i.symbol()))) {
              instruments.add(i);
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return new ExchangeInfo(instruments, limits);
  }

  private static ExchangeInfo.RateLimitSpec rateLimit(JsonParser p) throws IOException {
    String type = null;
    String interval = null;
    int num = 0;
    long limit = 0;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "rateLimitType" -> type = p.getText();
        case "interval" -> interval = p.getText();
        case "intervalNum" -> num = p.getIntValue();
        case "limit" -> limit = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    return type == null || interval == null || num <= 0 || limit <= 0
        ? null
        : new ExchangeInfo.RateLimitSpec(type, interval, num, limit);
  }

  private static Instrument symbol(JsonParser p, String venue) throws IOException {
    Map<String, String> s = new HashMap<>();
    Map<String, Map<String, String>> filters = new HashMap<>();
    String f;
    while ((f = Json.nextField(p)) != null) {
      if ("filters".equals(f) && p.currentToken() == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Map<String, String> filter = flat(p);
          String type = filter.get("filterType");
          if (type != null) {
            filters.put(type, filter);
          }
        }
      } else if (p.currentToken().isScalarValue()) {
        s.put(f, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return build(venue, s, filters);
  }

  private static Map<String, String> flat(JsonParser p) throws IOException {
    Map<String, String> m = new HashMap<>();
    String f;
    while ((f = Json.nextField(p)) != null) {
      if (p.currentToken().isScalarValue()) {
        m.put(f, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return m;
  }

  private static Instrument build(
      String venue, Map<String, String> s, Map<String, Map<String, String>> filters) {
    String symbol = s.get("symbol");
    String base = s.get("baseAsset");
    String quote = s.get("quoteAsset");
    if (symbol == null || base == null || quote == null) {
      return null;
    }
    Map<String, String> priceFilter = filters.getOrDefault("PRICE_FILTER", Map.of());
    Map<String, String> lot = filters.getOrDefault("LOT_SIZE", Map.of());
    Map<String, String> marketLot = filters.getOrDefault("MARKET_LOT_SIZE", Map.of());
    Map<String, String> notional = filters.get("NOTIONAL");
    Map<String, String> minNotional = filters.get("MIN_NOTIONAL");

    Price tick = positivePrice(priceFilter.get("tickSize"));
    if (tick == null) {
      tick = Price.of(1, precision(s.get("quoteAssetPrecision"), s.get("quotePrecision")));
    }
    Quantity step = positive(lot.get("stepSize"));
    if (step == null) {
      step = Quantity.of(1, precision(s.get("baseAssetPrecision"), null));
    }
    Instrument.Builder b =
        Instrument.builder(new InstrumentId(venue, base, quote), symbol)
            .tickSize(tick)
            .stepSize(step)
            .minQuantity(positive(lot.get("minQty")))
            .maxQuantity(positive(lot.get("maxQty")))
            .marketMaxQuantity(positive(marketLot.get("maxQty")))
            .tradable(
                "TRADING".equals(s.get("status"))
                    && !"false".equals(s.get("isSpotTradingAllowed")));
    if (notional != null) {
      b.minNotional(positive(notional.get("minNotional")));
      b.maxNotional(positive(notional.get("maxNotional")));
    } else if (minNotional != null) {
      b.minNotional(positive(minNotional.get("minNotional")));
    }
    return b.build();
  }

  private static int precision(String a, String b) {
    String v = a != null ? a : b;
    try {
      return v == null ? 8 : Math.min(Decimals.MAX_SCALE, Math.max(0, Integer.parseInt(v)));
    } catch (NumberFormatException e) {
      return 8;
    }
  }

  /** A positive amount at its natural scale; zero or absent (a disabled rule) is null. */
  private static Quantity positive(String text) {
    if (text == null) {
      return null;
    }
    Quantity q = Quantity.parse(text);
    return q.isPositive() ? q : null;
  }

  private static Price positivePrice(String text) {
    if (text == null) {
      return null;
    }
    Price p = Price.parse(text);
    return p.isPositive() ? p : null;
  }
}
