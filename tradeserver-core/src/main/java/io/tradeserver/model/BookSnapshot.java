package io.tradeserver.model;

import java.util.Objects;

/**
 * Immutable top-of-book levels, best first on each side. Arrays are owned by the snapshot: never
 * modify them. Prices are units at {@code priceScale}, quantities at {@code quantityScale}.
 *
 * @param instrumentId instrument
 * @param priceScale scale of price units
 * @param quantityScale scale of quantity units
 * @param bidPrices bid prices, descending
 * @param bidQuantities quantities matching {@code bidPrices}
 * @param askPrices ask prices, ascending
 * @param askQuantities quantities matching {@code askPrices}
 * @param sequence venue sequence / update id of the last applied update (0 when unknown)
 * @param timeNanos when the book was last updated (clock nanos)
 */
public record BookSnapshot(
    InstrumentId instrumentId,
    int priceScale,
    int quantityScale,
    long[] bidPrices,
    long[] bidQuantities,
    long[] askPrices,
    long[] askQuantities,
    long sequence,
    long timeNanos) {

  public BookSnapshot {
    Objects.requireNonNull(instrumentId, "instrumentId");
    if (bidPrices.length != bidQuantities.length || askPrices.length != askQuantities.length) {
      throw new IllegalArgumentException("price and quantity arrays differ in length");
    }
  }

  public int bidDepth() {
    return bidPrices.length;
  }

  public int askDepth() {
    return askPrices.length;
  }

  /** Best bid, or null when there are no bids. */
  public Price bestBid() {
    return bidPrices.length == 0 ? null : Price.of(bidPrices[0], priceScale);
  }

  /** Best ask, or null when there are no asks. */
  public Price bestAsk() {
    return askPrices.length == 0 ? null : Price.of(askPrices[0], priceScale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BookSnapshot b
        && instrumentId.equals(b.instrumentId)
        && priceScale == b.priceScale
        && quantityScale == b.quantityScale
        && sequence == b.sequence
        && timeNanos == b.timeNanos
        && java.util.Arrays.equals(bidPrices, b.bidPrices)
        && java.util.Arrays.equals(bidQuantities, b.bidQuantities)
        && java.util.Arrays.equals(askPrices, b.askPrices)
        && java.util.Arrays.equals(askQuantities, b.askQuantities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrumentId, sequence, timeNanos)
        + 31 * java.util.Arrays.hashCode(bidPrices)
        + 17 * java.util.Arrays.hashCode(askPrices);
  }

  @Override
  public String toString() {
    return "BookSnapshot["
        + instrumentId
        + " seq="
        + sequence
        + " bid="
        + bestBid()
        + " ask="
        + bestAsk()
        + " depth="
        + bidPrices.length
        + "/"
        + askPrices.length
        + "]";
  }
}
