package io.tradeserver.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact fixed-point arithmetic on {@code long} units at a decimal scale. A value {@code v} at scale
 * {@code s} is the number {@code v / 10^s}. Nothing here goes through {@code double}; operations
 * that cannot be represented exactly either take a {@link RoundingMode} or throw {@link
 * ArithmeticException}.
 */
public final class Decimals {
  /** Largest supported scale: 10^18 is the largest power of ten that fits a long. */
  public static final int MAX_SCALE = 18;

  private static final long[] POW10 = new long[MAX_SCALE + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i <= MAX_SCALE; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Decimals() {}

  /** Returns 10^n for 0 ≤ n ≤ 18. */
  public static long pow10(int n) {
    if (n < 0 || n > MAX_SCALE) {
      throw new ArithmeticException("10^" + n + " is outside 10^0..10^" + MAX_SCALE);
    }
    return POW10[n];
  }

  /**
   * Parses a plain decimal string exactly into units at {@code scale}. Digits beyond the scale are
   * accepted only when they are zeros ({@code "1.50000000"} at scale 2 is 150); a non-zero excess
   * digit, an exponent, a sign other than a leading '-', or any other character is refused.
   *
   * @throws NumberFormatException with the offending text when the string is not exact at scale
   */
  public static long parse(CharSequence s, int scale) {
    return parse(s, 0, s.length(), scale);
  }

  /** As {@link #parse(CharSequence, int)} over {@code s[start, end)}, without allocating. */
  public static long parse(CharSequence s, int start, int end, int scale) {
    checkScale(scale);
    if (start >= end) {
      throw new NumberFormatException("empty decimal");
    }
    boolean negative = s.charAt(start) == '-';
    int i = negative ? start + 1 : start;
    if (i >= end) {
      throw bad(s, start, end, "no digits");
    }
    long units = 0;
    int fractionDigits = -1; // -1 while in the integer part
    boolean sawDigit = false;
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (fractionDigits >= 0) {
          throw bad(s, start, end, "two decimal points");
        }
        fractionDigits = 0;
        continue;
      }
      if (c < '0' || c > '9') {
        throw bad(s, start, end, "unexpected character '" + c + "'");
      }
      sawDigit = true;
      if (fractionDigits >= 0) {
        if (fractionDigits >= scale) {
          if (c != '0') {
            throw bad(s, start, end, "more than " + scale + " decimals");
          }
          continue;
        }
        fractionDigits++;
      }
      units = accumulate(units, c - '0', s, start, end);
    }
    if (!sawDigit) {
      throw bad(s, start, end, "no digits");
    }
    int pad = scale - Math.max(fractionDigits, 0);
    if (pad > 0) {
      units = scaleUp(units, pad, s, start, end);
    }
    return negative ? -units : units;
  }

  /**
   * As {@link #parse(CharSequence, int)} over {@code chars[offset, offset + length)}: for parsing a
   * JSON parser's text buffer (Jackson's {@code getTextCharacters()}) without building a String.
   */
  public static long parse(char[] chars, int offset, int length, int scale) {
    return parse(new CharArray(chars, offset, length), 0, length, scale);
  }

  /** As {@link #naturalScale(CharSequence)} over {@code chars[offset, offset + length)}. */
  public static int naturalScale(char[] chars, int offset, int length) {
    return naturalScale(new CharArray(chars, offset, length));
  }

  /** A read-only window on a char array; short-lived, so the JIT usually removes it. */
  private record CharArray(char[] buffer, int offset, int length) implements CharSequence {
    @Override
    public char charAt(int index) {
      return buffer[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(buffer, offset + start, end - start);
    }

    @Override
    public String toString() {
      return new String(buffer, offset, length);
    }
  }

  /**
   * Number of significant decimals in a plain decimal string: {@code "0.0100"} has 2, {@code "15"}
   * has 0. Useful to parse at a value's natural scale.
   */
  public static int naturalScale(CharSequence s) {
    int dot = -1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        dot = i;
        break;
      }
    }
    if (dot < 0) {
      return 0;
    }
    int last = s.length() - 1;
    while (last > dot && s.charAt(last) == '0') {
      last--;
    }
    int scale = last - dot;
    if (scale > MAX_SCALE) {
      throw new NumberFormatException("'" + s + "' has more than " + MAX_SCALE + " decimals");
    }
    return scale;
  }

  /** Formats units at scale as a plain decimal with exactly {@code scale} fraction digits. */
  public static String format(long units, int scale) {
    StringBuilder sb = new StringBuilder(24);
    format(units, scale, sb);
    return sb.toString();
  }

  /** Appends units at scale as a plain decimal with exactly {@code scale} fraction digits. */
  public static void format(long units, int scale, StringBuilder out) {
    checkScale(scale);
    if (units < 0) {
      out.append('-');
      if (units == Long.MIN_VALUE) {
        // Cannot negate; fall back to BigDecimal for this single edge value.
        out.append(BigDecimal.valueOf(units, scale).negate().toPlainString());
        return;
      }
      units = -units;
    }
    if (scale == 0) {
      out.append(units);
      return;
    }
    long p = POW10[scale];
    out.append(units / p).append('.');
    long frac = units % p;
    int mark = out.length();
    out.append(frac);
    int digits = out.length() - mark;
    for (int i = digits; i < scale; i++) {
      out.insert(mark, '0');
    }
  }

  /**
   * Rescales exactly: up always (overflow throws), down only when the dropped digits are zero.
   *
   * @throws ArithmeticException on overflow or when the value is not exact at the target scale
   */
  public static long rescale(long units, int fromScale, int toScale) {
    checkScale(fromScale);
    checkScale(toScale);
    if (toScale >= fromScale) {
      return Math.multiplyExact(units, POW10[toScale - fromScale]);
    }
    long p = POW10[fromScale - toScale];
    if (units % p != 0) {
      throw new ArithmeticException(format(units, fromScale) + " is not exact at scale " + toScale);
    }
    return units / p;
  }

  /** Rescales, rounding with {@code mode} when digits are dropped. Overflow throws. */
  public static long rescale(long units, int fromScale, int toScale, RoundingMode mode) {
    checkScale(fromScale);
    checkScale(toScale);
    if (toScale >= fromScale) {
      return Math.multiplyExact(units, POW10[toScale - fromScale]);
    }
    return divide(units, POW10[fromScale - toScale], mode);
  }

  /** Divides with the given rounding; {@link RoundingMode#UNNECESSARY} throws when inexact. */
  public static long divide(long dividend, long divisor, RoundingMode mode) {
    long q = dividend / divisor;
    long r = dividend % divisor;
    if (r == 0) {
      return q;
    }
    int signum = (int) ((dividend ^ divisor) >> 63) | 1; // sign of the exact quotient
    boolean increment =
        switch (mode) {
          case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
          case DOWN -> false;
          case UP -> true;
          case FLOOR -> signum < 0;
          case CEILING -> signum > 0;
          case HALF_UP, HALF_DOWN, HALF_EVEN -> {
            long twiceR = Math.abs(r) * 2; // |r| < |divisor| ≤ 2^63, so use unsigned compare
            int cmp = Long.compareUnsigned(twiceR, Math.abs(divisor));
            if (cmp != 0) {
              yield cmp > 0;
            }
            yield mode == RoundingMode.HALF_UP || (mode == RoundingMode.HALF_EVEN && (q & 1) != 0);
          }
        };
    return increment ? q + signum : q;
  }

  /**
   * Computes {@code a × b / divisor} with a 128-bit intermediate, rounding with {@code mode}.
   *
   * @throws ArithmeticException when the result does not fit a long
   */
  public static long multiplyDivide(long a, long b, long divisor, RoundingMode mode) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return divide(lo, divisor, mode);
    }
    BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    BigDecimal q = new BigDecimal(product).divide(BigDecimal.valueOf(divisor), 0, mode);
    return q.longValueExact();
  }

  /**
   * Multiplies {@code a} at {@code aScale} by {@code b} at {@code bScale} into {@code resultScale},
   * rounding with {@code mode} when the exact product has more digits.
   *
   * @throws ArithmeticException when the result does not fit a long at {@code resultScale}
   */
  public static long multiply(
      long a, int aScale, long b, int bScale, int resultScale, RoundingMode mode) {
    int exact = aScale + bScale;
    if (resultScale >= exact) {
      long p = Math.multiplyExact(a, b);
      return Math.multiplyExact(p, pow10(resultScale - exact));
    }
    int drop = exact - resultScale;
    if (drop > MAX_SCALE) {
      BigDecimal r = BigDecimal.valueOf(a, aScale).multiply(BigDecimal.valueOf(b, bScale));
      return r.setScale(resultScale, mode).unscaledValue().longValueExact();
    }
    return multiplyDivide(a, b, POW10[drop], mode);
  }

  /** Compares two fixed-point values at different scales exactly. */
  public static int compare(long a, int aScale, long b, int bScale) {
    if (aScale == bScale) {
      return Long.compare(a, b);
    }
    if (aScale < bScale) {
      return -compare(b, bScale, a, aScale);
    }
    long p = POW10[aScale - bScale];
    long hi = Math.multiplyHigh(b, p);
    long lo = b * p;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return Long.compare(a, lo);
    }
    return hi < 0 ? 1 : -1; // b scaled up is beyond any long, so its sign decides
  }

  /**
   * Compares {@code a × b} with {@code c × d} exactly (128-bit products), for non-negative inputs.
   */
  public static int compareProducts(long a, long b, long c, long d) {
    if ((a | b | c | d) < 0) {
      throw new IllegalArgumentException("compareProducts takes non-negative values");
    }
    long hi1 = Math.multiplyHigh(a, b);
    long hi2 = Math.multiplyHigh(c, d);
    if (hi1 != hi2) {
      return Long.compare(hi1, hi2);
    }
    return Long.compareUnsigned(a * b, c * d);
  }

  /** Converts to a {@link BigDecimal}, for display and P&L reporting only. */
  public static BigDecimal toBigDecimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }

  /**
   * Converts a {@link BigDecimal} exactly to units at scale.
   *
   * @throws ArithmeticException when it has more non-zero decimals or does not fit a long
   */
  public static long fromBigDecimal(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  static void checkScale(int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale " + scale + " outside 0.." + MAX_SCALE);
    }
  }

  private static long accumulate(long units, int digit, CharSequence s, int start, int end) {
    if (units > (Long.MAX_VALUE - digit) / 10) {
      throw bad(s, start, end, "too large");
    }
    return units * 10 + digit;
  }

  private static long scaleUp(long units, int pad, CharSequence s, int start, int end) {
    long p = POW10[pad];
    if (units > Long.MAX_VALUE / p) {
      throw bad(s, start, end, "too large");
    }
    return units * p;
  }

  private static NumberFormatException bad(CharSequence s, int start, int end, String why) {
    return new NumberFormatException("'" + s.subSequence(start, end) + "': " + why);
  }
}
