package io.tradeserver.risk;

import io.tradeserver.model.FixedPoint;
import java.math.BigDecimal;

/**
 * Number formatting for denial details: plain decimals without exponent, trailing zeros dropped
 * down to a minimum scale ({@code 6120.50} for a quote amount shown with the price's decimals).
 * Used only when a denial is built, so it may allocate.
 */
final class Amounts {
  private Amounts() {}

  /** {@code units / 10^scale} without trailing zeros beyond {@code minScale}. */
  static String show(long units, int scale, int minScale) {
    BigDecimal v = BigDecimal.valueOf(units, scale).stripTrailingZeros();
    if (v.scale() < minScale) {
      v = v.setScale(minScale);
    }
    return v.toPlainString();
  }

  /** A fixed-point value without trailing zeros. */
  static String show(FixedPoint v) {
    return show(v.units(), v.scale(), 0);
  }

  /** A configured limit as written, without exponent. */
  static String show(BigDecimal v) {
    return v.toPlainString();
  }
}
