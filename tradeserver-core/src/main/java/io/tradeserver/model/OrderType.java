package io.tradeserver.model;

/** Order types TradeServer sends. */
public enum OrderType {
  /** Rests at its price until filled, canceled or expired per its time in force. */
  LIMIT,
  /** Takes liquidity at once; sent with a protection price where the venue allows it. */
  MARKET,
  /** Post-only limit: the venue rejects it rather than let it take liquidity. */
  LIMIT_MAKER
}
