package io.tradeserver.order;

import io.tradeserver.time.Clock;

/**
 * Generates client order ids that are unique across restarts and valid under every venue's rules:
 * at most 18 characters of {@code [0-9A-Za-z]} (Kraken's {@code cl_ord_id} free-text limit is the
 * strictest; Binance allows 36 of {@code [A-Za-z0-9-_]}, KuCoin 40).
 *
 * <p>Layout: one node character (distinct per TradeServer instance sharing an account), seven
 * characters of base-62 session start time in milliseconds (so a restart, even within the same
 * second, gets a new session) and up to ten characters of base-62 sequence. Owned by the engine
 * thread.
 */
public final class ClientOrderIds {
  /** Longest id ever produced. */
  public static final int MAX_LENGTH = 18;

  private static final char[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private final char[] prefix;
  private long sequence;

  /**
   * @param node instance number 0..61, distinct for every process trading the same account
   * @param clock read once for the session start
   */
  public ClientOrderIds(int node, Clock clock) {
    if (node < 0 || node >= DIGITS.length) {
      throw new IllegalArgumentException("node must be 0..61, was " + node);
    }
    long sessionMillis = clock.millis();
    prefix = new char[8];
    prefix[0] = DIGITS[node];
    long v = sessionMillis;
    for (int i = 7; i >= 1; i--) {
      prefix[i] = DIGITS[(int) (v % 62)];
      v /= 62;
    }
  }

  /** The next id. */
  public String next() {
    long seq = ++sequence;
    char[] buf = new char[MAX_LENGTH];
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    int end = MAX_LENGTH;
    int pos = end;
    do {
      buf[--pos] = DIGITS[(int) (seq % 62)];
      seq /= 62;
    } while (seq > 0);
    int digits = end - pos;
    System.arraycopy(buf, pos, buf, prefix.length, digits);
    return new String(buf, 0, prefix.length + digits);
  }

  /** True when {@code id} satisfies every venue's rules. */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }
}
