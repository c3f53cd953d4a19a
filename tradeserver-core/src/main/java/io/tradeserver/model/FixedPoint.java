package io.tradeserver.model;

import java.math.BigDecimal;

/**
 * A decimal held as {@code long} units at a scale. Two values are equal when they are the same
 * number, whatever their scales ({@code 1.50} equals {@code 1.5}); ordering is numeric.
 */
public abstract sealed class FixedPoint permits Price, Quantity {
  private final long units;
  private final int scale;

  FixedPoint(long units, int scale) {
    Decimals.checkScale(scale);
    this.units = units;
    this.scale = scale;
  }

  /** The raw units: the value is {@code units / 10^scale}. */
  public final long units() {
    return units;
  }

  /** Number of decimal digits the units carry. */
  public final int scale() {
    return scale;
  }

  /** Units at another scale, exactly; throws {@link ArithmeticException} when inexact. */
  public final long unitsAt(int targetScale) {
    return Decimals.rescale(units, scale, targetScale);
  }

  public final int signum() {
    return Long.signum(units);
  }

  public final boolean isZero() {
    return units == 0;
  }

  public final boolean isPositive() {
    return units > 0;
  }

  /** For display and P&L only; arithmetic stays in units. */
  public final BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(units, scale);
  }

  final int compareValue(FixedPoint other) {
    return Decimals.compare(units, scale, other.units, other.scale);
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    return compareValue((FixedPoint) o) == 0;
  }

  @Override
  public final int hashCode() {
    long u = units;
    int s = scale;
    while (s > 0 && u % 10 == 0) {
      u /= 10;
      s--;
    }
    return Long.hashCode(u) * 31 + s;
  }

  /** Plain decimal text with exactly {@link #scale()} decimals, as venues expect. */
  @Override
  public final String toString() {
    return Decimals.format(units, scale);
  }
}
