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
    CharSlice s = slice(p);
    return Decimals.parse(s, 0, s.length(), scale);
  }

  /** The current token as a price at {@code scale}, or at its own scale when it has more digits. */
  static Price price(JsonParser p, int scale) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    CharSlice s = slice(p);
    int natural = Decimals.naturalScale(s);
    int sc = Math.max(scale, natural);
    return Price.of(Decimals.parse(s, 0, s.length(), sc), sc);
  }

  /** The current token as a quantity at {@code scale} or more. Null for JSON null or "". */
  static Quantity quantity(JsonParser p, int scale) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    CharSlice s = slice(p);
    if (s.length() == 0) {
      return null;
    }
    int sc = Math.max(scale, Decimals.naturalScale(s));
    return Quantity.of(Decimals.parse(s, 0, s.length(), sc), sc);
  }

  /** The current token as a quantity at its own scale. */
  static Quantity quantity(JsonParser p) throws IOException {
    return quantity(p, 0);
  }

  private static CharSlice slice(JsonParser p) throws IOException {
    return new CharSlice(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  /** A read-only view of a parser buffer range, valid until the parser moves. */
  private static final class CharSlice implements CharSequence {
    private final char[] chars;
    private final int offset;
    private final int length;

    CharSlice(char[] chars, int offset, int length) {
      this.chars = chars;
      this.offset = offset;
      this.length = length;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, offset + start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, offset, length);
    }
  }
}
