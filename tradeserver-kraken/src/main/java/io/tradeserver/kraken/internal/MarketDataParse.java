package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.Ticker;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kraken market data to the domain: book levels (REST {@code Depth} and WebSocket v2 {@code book})
 * and REST {@code Ticker}. Prices and quantities are read exactly at the instrument's scales
 * (digits beyond the scale must be zeros, as in Kraken's zero-padded prices), never through {@code
 * double}. Stateless and thread-safe.
 */
final class MarketDataParse {
  private MarketDataParse() {}

  /**
   * The entry for {@code m} in a public answer keyed by pair. Kraken keys it by its own pair name
   * ({@code XXBTZUSD}) whatever name was sent ({@code XBTUSD}); one pair was asked for, so a single
   * entry under yet another name is that pair too. Null when absent.
   */
  static JsonNode pairEntry(JsonNode result, Market m) {
    JsonNode e = result.get(m.pairKey());
    if (e == null) {
      e = result.get(m.altname());
    }
    if (e == null && result.isObject() && result.size() == 1) {
      e = result.elements().next();
    }
    return e;
  }

  /**
   * A Ticker entry: {@code b}/{@code a} = [price, whole lot volume, lot volume] (the lot volume is
   * the size; older two-element arrays carry it second), {@code c} = [last, lot volume], {@code v}
   * = [today, last 24 hours]. Fields Kraken leaves out are null.
   */
  static Ticker ticker(String venue, Market m, JsonNode t, long now) {
    Instrument ins = m.instrument();
    int ps = ins.priceScale();
    int qs = ins.quantityScale();
    JsonNode b = t.path("b");
    JsonNode a = t.path("a");
    return new Ticker(
        venue,
        ins.id(),
        priceOrNull(b.path(0), ps),
        quantityOrNull(b.has(2) ? b.path(2) : b.path(1), qs),
        priceOrNull(a.path(0), ps),
        quantityOrNull(a.has(2) ? a.path(2) : a.path(1), qs),
        priceOrNull(t.path("c").path(0), ps),
        quantityOrNull(t.path("v").path(1), qs),
        now);
  }

  /**
   * A Depth entry ({@code bids}/{@code asks} of [price, volume, timestamp]) as a snapshot of the
   * best {@code depth} levels per side, built in a book of its own (no live book is touched).
   */
  static BookSnapshot depth(Market m, JsonNode d, int depth, long now) {
    OrderBook book = OrderBook.of(m.instrument());
    int ps = book.priceScale();
    int qs = book.quantityScale();
    for (JsonNode l : d.path("bids")) {
      book.set(Side.BUY, units(l.path(0), ps), units(l.path(1), qs));
    }
    for (JsonNode l : d.path("asks")) {
      book.set(Side.SELL, units(l.path(0), ps), units(l.path(1), qs));
    }
    book.updatedNanos(now);
    return book.snapshot(depth, now);
  }

  /**
   * Exact units at {@code scale} of a decimal string or an exact JSON number (the mapper keeps
   * floats as exact BigDecimal nodes).
   *
   * @throws ArithmeticException or NumberFormatException when the value is not exact at the scale
   */
  static long units(JsonNode n, int scale) {
    if (n.isBigDecimal()) {
      return n.decimalValue()
          .setScale(scale, RoundingMode.UNNECESSARY)
          .unscaledValue()
          .longValueExact();
    }
    if (n.isIntegralNumber()) {
      return Decimals.fromBigDecimal(BigDecimal.valueOf(n.longValue()), scale);
    }
    return Decimals.parse(n.asText(), scale);
  }

  private static Price priceOrNull(JsonNode n, int scale) {
    return n.isMissingNode() || n.isNull() ? null : Price.of(units(n, scale), scale);
  }

  private static Quantity quantityOrNull(JsonNode n, int scale) {
    return n.isMissingNode() || n.isNull() ? null : Quantity.of(units(n, scale), scale);
  }
}
