package io.tradeserver.kucoin.internal;

/**
 * The KuCoin REST endpoints this adapter calls, with their resource pool and weight as published in
 * KuCoin's API specification (Kucoin/kucoin-universal-sdk, {@code x-api-rate-limit-pool} and {@code
 * x-api-rate-limit-weight}; https://www.kucoin.com/docs-new/rate-limit).
 */
enum Endpoint {
  SERVER_TIME("GET", "/api/v1/timestamp", Pool.PUBLIC, 3, false, false),
  SYMBOLS("GET", "/api/v2/symbols", Pool.PUBLIC, 4, false, false),
  TICKER("GET", "/api/v1/market/orderbook/level1", Pool.PUBLIC, 2, false, false),
  /**
   * Partial books ("Get Part OrderBook", {@code level2_{size}}): the specification charges 2 for
   * either size; KuCoin's older page (docs/rest/spot-trading/market-data) said 4 for 100, and the
   * {@code gw-ratelimit-remaining} header corrects the local count either way.
   */
  BOOK_TOP_20("GET", "/api/v1/market/orderbook/level2_20", Pool.PUBLIC, 2, false, false),
  BOOK_TOP_100("GET", "/api/v1/market/orderbook/level2_100", Pool.PUBLIC, 2, false, false),
  /** Full book; signed although it is market data. */
  BOOK_FULL("GET", "/api/v3/market/orderbook/level2", Pool.SPOT, 3, true, false),
  BULLET_PUBLIC("POST", "/api/v1/bullet-public", Pool.PUBLIC, 10, false, false),
  BULLET_PRIVATE("POST", "/api/v1/bullet-private", Pool.SPOT, 10, true, false),
  ACCOUNTS("GET", "/api/v1/accounts", Pool.MANAGEMENT, 5, true, false),
  ADD_ORDER("POST", "/api/v1/hf/orders", Pool.SPOT, 1, true, true),
  /** Cancel by order id, answered after the matching engine has processed it. */
  CANCEL_SYNC("DELETE", "/api/v1/hf/orders/sync/", Pool.SPOT, 1, true, true),
  CANCEL_CLIENT_OID_SYNC(
      "DELETE", "/api/v1/hf/orders/sync/client-order/", Pool.SPOT, 1, true, true),
  CANCEL_SYMBOL("DELETE", "/api/v1/hf/orders", Pool.SPOT, 2, true, true),
  CANCEL_ALL("DELETE", "/api/v1/hf/orders/cancelAll", Pool.SPOT, 30, true, true),
  ORDER_BY_CLIENT_OID("GET", "/api/v1/hf/orders/client-order/", Pool.SPOT, 2, true, false),
  OPEN_ORDERS("GET", "/api/v1/hf/orders/active", Pool.SPOT, 2, true, false),
  OPEN_ORDER_SYMBOLS("GET", "/api/v1/hf/orders/active/symbols", Pool.SPOT, 2, true, false),
  FILLS("GET", "/api/v1/hf/fills", Pool.SPOT, 2, true, false),
  /** "Get Actual Fee - Spot/Margin" (https://www.kucoin.com/docs-new/api-3470150): 10 symbols. */
  TRADE_FEES("GET", "/api/v1/trade-fees", Pool.SPOT, 3, true, false);

  /** KuCoin's REST resource pools. */
  enum Pool {
    SPOT,
    PUBLIC,
    MANAGEMENT
  }

  final String method;
  final String path;
  final Pool pool;
  final int weight;
  final boolean signed;

  /** Sent on the order-entry client (no silent retry, wide dispatcher). */
  final boolean orderEntry;

  Endpoint(String method, String path, Pool pool, int weight, boolean signed, boolean orderEntry) {
    this.method = method;
    this.path = path;
    this.pool = pool;
    this.weight = weight;
    this.signed = signed;
    this.orderEntry = orderEntry;
  }
}
