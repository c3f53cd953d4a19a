package io.tradeserver.model;

/** How long an order stays working. */
public enum TimeInForce {
  /** Good till canceled. */
  GTC,
  /** Immediate or cancel: fill what is possible at once, cancel the rest. */
  IOC,
  /** Fill or kill: fill all at once or nothing. */
  FOK
}
