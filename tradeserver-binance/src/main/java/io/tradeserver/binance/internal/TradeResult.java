package io.tradeserver.binance.internal;

/** One entry of {@code GET /api/v3/myTrades}, decimals as venue text. */
record TradeResult(
    String symbol,
    long id,
    long orderId,
    String price,
    String qty,
    String commission,
    String commissionAsset,
    long time,
    boolean isBuyer,
    boolean isMaker) {}
