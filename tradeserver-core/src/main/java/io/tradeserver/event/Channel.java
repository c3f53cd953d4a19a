package io.tradeserver.event;

/** A venue connection, for {@link ConnectionEvent}. */
public enum Channel {
  /** REST request path. */
  REST,
  /** Public market-data streams. */
  MARKET_STREAM,
  /** Private order/fill/balance stream. */
  PRIVATE_STREAM,
  /** WebSocket order entry. */
  ORDER_ENTRY
}
