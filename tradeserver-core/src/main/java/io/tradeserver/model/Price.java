package io.tradeserver.model;

import java.math.RoundingMode;

/** A price in quote currency per unit of base, as exact fixed-point units. Immutable. */
public final class Price extends FixedPoint implements Comparable<Price> {

  private Price(long units, int scale) {
    super(units, scale);
  }

  /** A price of {@code units / 10^scale}. */
  public static Price of(long units, int scale) {
    return new Price(units, scale);
  }

  /**
   * Parses a venue or signal string exactly at {@code scale}; trailing zeros beyond the scale are
   * accepted, non-zero excess digits are not.
   *
   * @throws NumberFormatException when the text is not an exact decimal at that scale
   */
  public static Price parse(CharSequence text, int scale) {
    return new Price(Decimals.parse(text, scale), scale);
  }

  /** Parses at the text's own number of significant decimals ({@code "64000.50"} → scale 1). */
  public static Price parse(CharSequence text) {
    return parse(text, Decimals.naturalScale(text));
  }

  /** The same value at another scale, exactly. */
  public Price withScale(int newScale) {
    return newScale == scale() ? this : new Price(unitsAt(newScale), newScale);
  }

  /** The same value at another scale, rounded. */
  public Price withScale(int newScale, RoundingMode mode) {
    return newScale == scale()
        ? this
        : new Price(Decimals.rescale(units(), scale(), newScale, mode), newScale);
  }

  /** True when this price is a whole multiple of {@code tick} (both compared exactly). */
  public boolean isMultipleOf(Price tick) {
    int s = Math.max(scale(), tick.scale());
    long t = tick.unitsAt(s);
    return t != 0 && Decimals.rescale(units(), scale(), s) % t == 0;
  }

  /**
   * Rounds to a multiple of {@code tick} toward the passive side: a buy rounds down (it will not
   * pay more than asked), a sell rounds up. The result has the tick's scale or this one, whichever
   * is larger.
   */
  public Price roundToTick(Price tick, Side side) {
    int s = Math.max(scale(), tick.scale());
    long u = unitsAt(s);
    long t = tick.unitsAt(s);
    RoundingMode mode = side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
    return new Price(Decimals.divide(u, t, mode) * t, s);
  }

  /** Notional {@code this × quantity} exactly, as an amount of quote currency. */
  public Quantity times(Quantity quantity) {
    int s = scale() + quantity.scale();
    if (s > Decimals.MAX_SCALE) {
      return times(quantity, Decimals.MAX_SCALE, RoundingMode.UNNECESSARY);
    }
    return Quantity.of(Math.multiplyExact(units(), quantity.units()), s);
  }

  /**
   * Notional {@code this × quantity} at {@code resultScale}, rounded with {@code mode}.
   *
   * @throws ArithmeticException on overflow: callers reject the order, never wrap
   */
  public Quantity times(Quantity quantity, int resultScale, RoundingMode mode) {
    return Quantity.of(
        Decimals.multiply(units(), scale(), quantity.units(), quantity.scale(), resultScale, mode),
        resultScale);
  }

  public Price plus(Price other) {
    int s = Math.max(scale(), other.scale());
    return new Price(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
  }

  public Price minus(Price other) {
    int s = Math.max(scale(), other.scale());
    return new Price(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
  }

  @Override
  public int compareTo(Price other) {
    return compareValue(other);
  }

  public boolean isAbove(Price other) {
    return compareTo(other) > 0;
  }

  public boolean isBelow(Price other) {
    return compareTo(other) < 0;
  }
}
