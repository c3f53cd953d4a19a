package io.tradeserver.model;

/** Whether a fill added or took liquidity, when the venue says. */
public enum Liquidity {
  MAKER,
  TAKER,
  UNKNOWN
}
