package io.tradeserver.order;

import io.tradeserver.time.Clock;
import java.nio.charset.StandardCharsets;

/**
 * Generates client order ids that are unique across restarts and valid under every venue's rules:
 * at most 18 characters of {@code [0-9A-Za-z]} (Kraken's {@code cl_ord_id} free-text limit is the
 * strictest; Binance allows 36 of {@code [A-Za-z0-9-_]}, KuCoin 40).
 *
 * <p>Two kinds. An order made from a signal gets {@link #forSignal}: 18 characters derived from the
 * strategy and signal id alone, so any instance that receives the same signal again (a JetStream
 * redelivery after a crash) names its order the same and can ask the venue whether it already
 * exists. Every other order (arbitrage legs, flattening, a signal id reused while its first order
 * is still remembered) gets {@link #next}: 16 characters, so the kinds never collide.
 *
 * <p>Layout: one node character (distinct per TradeServer instance sharing an account), seven
 * characters of base-62 session start time in milliseconds (so a restart, even within the same
 * second, gets a new session) and eight base-62 characters of the session's sequence number passed
 * through a bijection of [0, 2^47). The scramble keeps ids unique but spreads their {@code
 * String.hashCode}s: plain base-62 counting over a multiplier of 31 collides about seven-fold ('Aa'
 * and 'BB' hash alike), which degraded every map keyed by client order id. Owned by the engine
 * thread.
 */
public final class ClientOrderIds {
  /** Longest id ever produced. */
  public static final int MAX_LENGTH = 18;

  // Bytes, not chars: a Latin-1 string is built by one copy, where a char[] is compressed.
  private static final byte[] DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final int SEQUENCE_DIGITS = 8;
  private static final long MASK = (1L << 47) - 1;
  private final byte[] prefix;
  private long sequence;

  /**
   * @param node instance number 0..61, distinct for every process trading the same account
   * @param clock read once for the session start
   */
  public ClientOrderIds(int node, Clock clock) {
    if (node < 0 || node >= DIGITS.length) {
      throw new IllegalArgumentException("node must be 0..61, was " + node);
    }
    prefix = new byte[8];
    prefix[0] = DIGITS[node];
    digits(clock.millis(), prefix, 1, 7);
  }

  /** The next id (16 characters). */
  public String next() {
    long seq = ++sequence;
    if (seq > MASK) {
      throw new IllegalStateException("more than 2^47 ids in one session");
    }
    byte[] buf = new byte[prefix.length + SEQUENCE_DIGITS];
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    digits(scramble(seq), buf, prefix.length, SEQUENCE_DIGITS);
    return new String(buf, StandardCharsets.ISO_8859_1);
  }

  /**
   * The id of the order made from {@code signalId} of {@code strategy}: 18 base-62 characters of
   * two independent 64-bit hashes (53 bits each, so a collision among a billion signals has odds of
   * about 10^-14). The same inputs give the same id in every process and version.
   */
  public static String forSignal(String strategy, String signalId) {
    // Both hashes in one pass over the strings (this runs for every signal).
    long h1 = 0x9E3779B97F4A7C15L;
    long h2 = 0xC2B2AE3D27D4EB4FL;
    for (int i = 0, n = strategy.length(); i < n; i++) {
      char c = strategy.charAt(i);
      h1 = step(h1, c);
      h2 = step(h2, c);
    }
    h1 = step(h1, 0x10000); // a separator no char can be: ("ab","c") and ("a","bc") differ
    h2 = step(h2, 0x10000);
    for (int i = 0, n = signalId.length(); i < n; i++) {
      char c = signalId.charAt(i);
      h1 = step(h1, c);
      h2 = step(h2, c);
    }
    long lengths = strategy.length() * 31L + signalId.length();
    h1 = fmix(h1 ^ lengths);
    h2 = fmix(h2 ^ lengths);
    byte[] buf = new byte[MAX_LENGTH];
    digits(h1 >>> 11, buf, 0, 9);
    digits(h2 >>> 11, buf, 9, 9);
    return new String(buf, StandardCharsets.ISO_8859_1);
  }

  /** Writes the low {@code n} base-62 digits of {@code v} (v ≥ 0) into {@code buf[from..]}. */
  private static void digits(long v, byte[] buf, int from, int n) {
    for (int i = from + n - 1; i >= from; i--) {
      buf[i] = DIGITS[(int) (v % 62)];
      v /= 62;
    }
  }

  private static long step(long h, int c) {
    return Long.rotateLeft(h ^ (c * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
  }

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  private static long fmix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * A bijection of [0, 2^47): multiply by an odd constant and xor-shift, each invertible modulo
   * 2^47, so distinct sequence numbers give distinct values (62^8 > 2^47 fits eight digits).
   */
  static long scramble(long x) {
    x = (x * 0x5DEECE66DL) & MASK;
    x ^= x >>> 23;
    x = (x * 0x2545F4914F6CDD1DL) & MASK;
    x ^= x >>> 19;
    return x;
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
