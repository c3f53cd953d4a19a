package io.tradeserver.binance.internal;

/**
 * RFC 3986 percent-encoding of UTF-8 text: unreserved characters ({@code A-Z a-z 0-9 - _ . ~})
 * stay, everything else becomes {@code %XX}. Binance requires signed payloads to be percent-encoded
 * before signing (REST, since 2026-01-15; CHANGELOG 2025-12-17), so the signed bytes and the sent
 * bytes are the same.
 */
final class Percent {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Percent() {}

  static void encode(CharSequence s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        byteOut(c, out);
      } else {
        i = encodeNonAscii(s, i, out);
      }
    }
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static int encodeNonAscii(CharSequence s, int i, StringBuilder out) {
    int cp = Character.codePointAt(s, i);
    if (cp < 0x800) {
      byteOut(0xC0 | (cp >> 6), out);
      byteOut(0x80 | (cp & 0x3F), out);
    } else if (cp < 0x10000) {
      byteOut(0xE0 | (cp >> 12), out);
      byteOut(0x80 | ((cp >> 6) & 0x3F), out);
      byteOut(0x80 | (cp & 0x3F), out);
    } else {
      byteOut(0xF0 | (cp >> 18), out);
      byteOut(0x80 | ((cp >> 12) & 0x3F), out);
      byteOut(0x80 | ((cp >> 6) & 0x3F), out);
      byteOut(0x80 | (cp & 0x3F), out);
    }
    return i + Character.charCount(cp) - 1;
  }

  private static void byteOut(int b, StringBuilder out) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
