package io.tradeserver.risk;

/** What the risk engine lets through (DESIGN §5). */
public enum TradingState {
  /** Everything that passes the checks. */
  ACTIVE,
  /** Only orders that reduce a position (and cancels). */
  REDUCING,
  /** Nothing but cancels. */
  HALTED
}
