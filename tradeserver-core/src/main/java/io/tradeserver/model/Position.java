package io.tradeserver.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A position snapshot, published after each fill and on demand. Money is in the instrument's quote
 * currency; the arithmetic behind it is exact fixed point, shown here as {@link BigDecimal}.
 *
 * @param instrumentId venue and instrument
 * @param quantity signed base quantity (negative when short)
 * @param averagePrice average entry price of the open quantity, or null when flat
 * @param cost signed cost of the open quantity (quantity × average price)
 * @param realizedPnl realized profit and loss, before fees
 * @param unrealizedPnl open quantity marked to the mid price (zero when there is no mark)
 * @param fees fees paid in the quote currency
 * @param otherFees fees paid in other assets (base-asset fees are in the average price already)
 * @param markPrice the last mid used, or null
 * @param fills fills applied
 * @param timeNanos last change
 */
public record Position(
    InstrumentId instrumentId,
    Quantity quantity,
    Price averagePrice,
    BigDecimal cost,
    BigDecimal realizedPnl,
    BigDecimal unrealizedPnl,
    BigDecimal fees,
    Map<String, BigDecimal> otherFees,
    Price markPrice,
    long fills,
    long timeNanos) {

  public Position {
    // Most positions pay fees in the quote asset only: skip copying an empty map per snapshot.
    otherFees = otherFees.isEmpty() ? Map.of() : Map.copyOf(otherFees);
  }

  /** Realized + unrealized − quote fees. */
  public BigDecimal netPnl() {
    return realizedPnl.add(unrealizedPnl).subtract(fees);
  }
}
