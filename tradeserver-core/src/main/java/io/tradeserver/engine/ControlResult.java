package io.tradeserver.engine;

import io.tradeserver.risk.TradingState;

/**
 * The answer to a control request (halt, resume, reduce, cancel-all / kill switch).
 *
 * @param ok whether it was done
 * @param state the trading state afterwards
 * @param detail what was done (e.g. "12 cancels sent in 85 µs")
 * @param cancelsSentNanos for the kill switch: clock nanoseconds from the trigger until every
 *     cancel had been handed to the venue clients; -1 for other controls
 */
public record ControlResult(boolean ok, TradingState state, String detail, long cancelsSentNanos) {

  /** A result of a control that sends no cancels. */
  public ControlResult(boolean ok, TradingState state, String detail) {
    this(ok, state, detail, -1);
  }
}
