package io.tradeserver.model;

import java.util.Objects;

/**
 * One execution. Applied once per {@code (instrument, tradeId)}.
 *
 * @param instrumentId where it traded
 * @param clientOrderId our order id, or null when the venue did not echo it
 * @param exchangeOrderId the venue's order id, or null
 * @param tradeId the venue's trade id; unique per instrument at the venue
 * @param side our side
 * @param price execution price
 * @param quantity executed base quantity (positive)
 * @param fee fee amount (zero when none), in {@code feeAsset}
 * @param feeAsset asset the fee was charged in, or null when no fee
 * @param liquidity maker or taker, when known
 * @param timeNanos venue execution time, epoch nanoseconds
 */
public record Fill(
    InstrumentId instrumentId,
    String clientOrderId,
    String exchangeOrderId,
    String tradeId,
    Side side,
    Price price,
    Quantity quantity,
    Quantity fee,
    String feeAsset,
    Liquidity liquidity,
    long timeNanos) {

  public Fill {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(tradeId, "tradeId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(quantity, "quantity");
    if (!quantity.isPositive()) {
      throw new IllegalArgumentException("fill quantity must be > 0, was " + quantity);
    }
    if (fee == null) {
      fee = Quantity.zero(0);
    }
    if (liquidity == null) {
      liquidity = Liquidity.UNKNOWN;
    }
  }

  /** Quote amount of this fill, {@code price × quantity}, exact. */
  public Quantity notional() {
    return price.times(quantity);
  }

  /** The same fill with another quantity (e.g. the part not already counted from a report). */
  public Fill withQuantity(Quantity q) {
    return new Fill(
        instrumentId,
        clientOrderId,
        exchangeOrderId,
        tradeId,
        side,
        price,
        q,
        fee,
        feeAsset,
        liquidity,
        timeNanos);
  }
}
