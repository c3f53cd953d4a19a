package io.tradeserver.binance.internal;

import io.tradeserver.model.Decimals;
import java.util.Arrays;

/**
 * Builds a Binance parameter string ({@code a=1&b=2}) in a reused buffer, percent-encoding every
 * value, and signs exactly those bytes. One instance per thread ({@link #local()}); not
 * thread-safe.
 */
final class Params {
  private static final ThreadLocal<Params> LOCAL = ThreadLocal.withInitial(Params::new);
  private final StringBuilder sb = new StringBuilder(256);
  private byte[] bytes = new byte[256];

  static Params local() {
    return LOCAL.get().reset();
  }

  Params reset() {
    sb.setLength(0);
    return this;
  }

  Params add(String name, CharSequence value) {
    sep().append(name).append('=');
    Percent.encode(value, sb);
    return this;
  }

  Params add(String name, long value) {
    sep().append(name).append('=').append(value);
    return this;
  }

  /** A decimal as plain text with exactly {@code scale} decimals. */
  Params addDecimal(String name, long units, int scale) {
    sep().append(name).append('=');
    Decimals.format(units, scale, sb);
    return this;
  }

  private StringBuilder sep() {
    return sb.length() == 0 ? sb : sb.append('&');
  }

  boolean isEmpty() {
    return sb.length() == 0;
  }

  /** Appends {@code &signature=...} computed over the current (already encoded) content. */
  Params sign(Signer signer) {
    int n = sb.length();
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, bytes.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) sb.charAt(i); // percent-encoded, so pure ASCII
    }
    sb.append("&signature=");
    signer.sign(bytes, n, sb, true);
    return this;
  }

  /** The content as ASCII bytes (a new array the caller owns). */
  byte[] toBytes() {
    int n = sb.length();
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, bytes.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) sb.charAt(i);
    }
    return Arrays.copyOf(bytes, n);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
