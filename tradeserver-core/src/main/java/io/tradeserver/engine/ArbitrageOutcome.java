package io.tradeserver.engine;

import java.math.BigDecimal;

/**
 * How a paired arbitrage execution ended. Immutable.
 *
 * @param opportunityId the {@link ArbitrageOpportunity#id()} it executed
 * @param symbol {@code BASE-QUOTE}
 * @param buyVenue venue of the buy leg
 * @param sellVenue venue of the sell leg
 * @param result the outcome
 * @param planned base quantity of each leg
 * @param bought filled on the buy leg
 * @param sold filled on the sell leg
 * @param unwound filled by the unwind order (0 when none was needed)
 * @param residual base left unhedged: positive = long on the buy venue, negative = short on the
 *     sell venue, 0 when hedged
 * @param realizedPnl quote cash flow of all legs (sells − buys − quote-currency fees); when {@code
 *     residual} is not 0 it leaves out the residual's value
 * @param detail why a leg or the unwind did not fill or was refused, or null
 * @param buyOrderId client order id of the buy leg, or null when not sent
 * @param sellOrderId client order id of the sell leg, or null when not sent
 * @param unwindOrderId client order id of the unwind order, or null
 * @param timeNanos engine clock when it ended
 */
public record ArbitrageOutcome(
    long opportunityId,
    String symbol,
    String buyVenue,
    String sellVenue,
    Result result,
    BigDecimal planned,
    BigDecimal bought,
    BigDecimal sold,
    BigDecimal unwound,
    BigDecimal residual,
    BigDecimal realizedPnl,
    String detail,
    String buyOrderId,
    String sellOrderId,
    String unwindOrderId,
    long timeNanos) {

  /** Outcomes of a paired execution. */
  public enum Result {
    /** Both legs filled the same quantity: hedged. */
    COMPLETED,
    /** Neither leg filled anything (both IOC legs expired). */
    NOT_FILLED,
    /** Risk refused a leg before anything was sent. */
    NOT_SENT,
    /** The legs filled different quantities and the excess was unwound completely. */
    UNWOUND,
    /** The excess could not be unwound (refused or partly filled): see residual. */
    UNWIND_INCOMPLETE
  }
}
