package io.tradeserver.binance.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One Binance order object as returned by new order, cancel, query and open orders (REST) and by
 * the WebSocket API: the raw venue fields this adapter uses, decimals kept as venue text.
 */
final class OrderResult {
  String symbol;
  long orderId = -1;
  String clientOrderId;
  String origClientOrderId;
  long transactTime;
  long updateTime;
  String status;
  String type;
  String side;
  String price;
  String origQty;
  String executedQty;
  String cummulativeQuoteQty;
  final List<FillResult> fills = new ArrayList<>(2);

  /** The order's own client id: the original one for cancel answers. */
  String ownClientOrderId() {
    return origClientOrderId != null ? origClientOrderId : clientOrderId;
  }

  /** A fill inside a FULL new-order answer (taker fills by definition). */
  record FillResult(
      String price, String qty, String commission, String commissionAsset, long tradeId) {}
}
