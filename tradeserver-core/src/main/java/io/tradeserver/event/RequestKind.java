package io.tradeserver.event;

/** Non-order requests an adapter answers with events. */
public enum RequestKind {
  INSTRUMENTS,
  BALANCES,
  OPEN_ORDERS,
  QUERY_ORDER,
  CANCEL,
  CANCEL_ALL,
  BOOK_SNAPSHOT,
  TICKER,
  SUBSCRIBE
}
