package io.tradeserver.kucoin.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;

/**
 * Exact decimals straight from the parser's character buffer: no String, no double. A value with
 * more decimals than the wanted scale falls back to its own scale rather than being rounded.
 */
final class Dec {
  private Dec() {}

  /** Units at {@code scale} of the current string/number token. */
  static long units(JsonParser p, int scale) throws IOException {
    return Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), scale);
  }

  /** The current token as a price at {@code scale}, or at its own scale when it has more digits. */
  static Price price(JsonParser p, int scale) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    int sc = Math.max(scale, naturalScale(p));
    return Price.of(units(p, sc), sc);
  }

  /** The current token as a quantity at {@code scale} or more. Null for JSON null or "". */
  static Quantity quantity(JsonParser p, int scale) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL || p.getTextLength() == 0) {
      return null;
    }
    int sc = Math.max(scale, naturalScale(p));
    return Quantity.of(units(p, sc), sc);
  }

  /** The current token as a quantity at its own scale. */
  static Quantity quantity(JsonParser p) throws IOException {
    return quantity(p, 0);
  }

  private static int naturalScale(JsonParser p) throws IOException {
    return Decimals.naturalScale(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }
}
