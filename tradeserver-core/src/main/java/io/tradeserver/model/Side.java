package io.tradeserver.model;

/** Order or trade direction. */
public enum Side {
  BUY,
  SELL;

  /** +1 for a buy, -1 for a sell: the sign of the position change. */
  public int sign() {
    return this == BUY ? 1 : -1;
  }

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
