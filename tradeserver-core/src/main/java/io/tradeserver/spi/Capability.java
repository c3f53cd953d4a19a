package io.tradeserver.spi;

/**
 * What an {@link ExchangeClient} can do. A capability absent from {@link
 * ExchangeClient#capabilities()} means the matching operation throws {@link
 * UnsupportedOperationException}; nothing silently does nothing.
 */
public enum Capability {
  LIMIT_ORDER,
  MARKET_ORDER,
  /** Post-only limit orders ({@code OrderType.LIMIT_MAKER}). */
  POST_ONLY,
  /** Market orders sized in quote currency. */
  MARKET_BY_QUOTE_QUANTITY,
  /** Market orders carrying a worst-price protection. */
  MARKET_PROTECTION_PRICE,
  IOC,
  FOK,
  CANCEL,
  CANCEL_ALL,
  QUERY_ORDER,
  OPEN_ORDERS,
  BALANCES,
  AMEND_ORDER,
  ORDER_BOOK_STREAM,
  /** One-off REST book snapshots ({@link ExchangeClient#requestBook}). */
  BOOK_SNAPSHOT,
  /** Tickers on request ({@link ExchangeClient#requestTicker}). */
  TICKER,
  TRADE_STREAM,
  /** Private order/fill/balance stream. */
  PRIVATE_STREAM,
  /** Order entry over WebSocket as well as REST. */
  WEBSOCKET_ORDER_ENTRY,
  /** Venue-side cancel-all-after timer ({@link ExchangeClient#armDeadManSwitch}). */
  DEAD_MAN_SWITCH
}
