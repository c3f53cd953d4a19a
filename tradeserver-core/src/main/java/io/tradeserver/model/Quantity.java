package io.tradeserver.model;

import java.math.RoundingMode;

/**
 * An amount of an asset (an order size, a balance, a fee, a notional in quote currency) as exact
 * fixed-point units. Immutable.
 */
public final class Quantity extends FixedPoint implements Comparable<Quantity> {
  private static final Quantity[] ZEROS = new Quantity[Decimals.MAX_SCALE + 1];

  static {
    for (int i = 0; i < ZEROS.length; i++) {
      ZEROS[i] = new Quantity(0, i);
    }
  }

  private Quantity(long units, int scale) {
    super(units, scale);
  }

  /** An amount of {@code units / 10^scale}. */
  public static Quantity of(long units, int scale) {
    return units == 0 && scale >= 0 && scale < ZEROS.length
        ? ZEROS[scale]
        : new Quantity(units, scale);
  }

  public static Quantity zero(int scale) {
    return of(0, scale);
  }

  /**
   * Parses a venue or signal string exactly at {@code scale}; trailing zeros beyond the scale are
   * accepted, non-zero excess digits are not.
   *
   * @throws NumberFormatException when the text is not an exact decimal at that scale
   */
  public static Quantity parse(CharSequence text, int scale) {
    return of(Decimals.parse(text, scale), scale);
  }

  /** Parses at the text's own number of significant decimals ({@code "0.0100"} → scale 2). */
  public static Quantity parse(CharSequence text) {
    return parse(text, Decimals.naturalScale(text));
  }

  /** The same value at another scale, exactly. */
  public Quantity withScale(int newScale) {
    return newScale == scale() ? this : of(unitsAt(newScale), newScale);
  }

  /** The same value at another scale, rounded. */
  public Quantity withScale(int newScale, RoundingMode mode) {
    return newScale == scale()
        ? this
        : of(Decimals.rescale(units(), scale(), newScale, mode), newScale);
  }

  /** True when this amount is a whole multiple of {@code step}. */
  public boolean isMultipleOf(Quantity step) {
    int s = Math.max(scale(), step.scale());
    long t = step.unitsAt(s);
    return t != 0 && unitsAt(s) % t == 0;
  }

  /** Rounds down (toward zero) to a multiple of {@code step}: never more than was asked for. */
  public Quantity roundDownToStep(Quantity step) {
    int s = Math.max(scale(), step.scale());
    long t = step.unitsAt(s);
    return of(Decimals.divide(unitsAt(s), t, RoundingMode.DOWN) * t, s);
  }

  public Quantity plus(Quantity other) {
    if (other.scale() == scale()) {
      return of(Math.addExact(units(), other.units()), scale());
    }
    int s = Math.max(scale(), other.scale());
    return of(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
  }

  public Quantity minus(Quantity other) {
    if (other.scale() == scale()) {
      return of(Math.subtractExact(units(), other.units()), scale());
    }
    int s = Math.max(scale(), other.scale());
    return of(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
  }

  public Quantity negate() {
    return of(Math.negateExact(units()), scale());
  }

  public Quantity abs() {
    return units() < 0 ? negate() : this;
  }

  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Quantity max(Quantity other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(Quantity other) {
    return compareValue(other);
  }

  public boolean isAbove(Quantity other) {
    return compareTo(other) > 0;
  }

  public boolean isBelow(Quantity other) {
    return compareTo(other) < 0;
  }
}
