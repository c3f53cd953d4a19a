package io.tradeserver.kraken.internal;

import io.tradeserver.model.Decimals;

/**
 * Appends {@code application/x-www-form-urlencoded} pairs to a reused builder. Kraken signs the
 * exact bytes posted, so the body is built once and both signed and sent as is.
 */
final class Form {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Form() {}

  static void add(StringBuilder sb, String key, CharSequence value) {
    sb.append('&').append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append(c);
      } else if (c < 0x80) {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
      }
    }
  }

  static void add(StringBuilder sb, String key, long value) {
    sb.append('&').append(key).append('=').append(value);
  }

  /** A decimal at exactly {@code scale} fraction digits (digits and '.' need no escaping). */
  static void addDecimal(StringBuilder sb, String key, long units, int scale) {
    sb.append('&').append(key).append('=');
    Decimals.format(units, scale, sb);
  }
}
