package io.tradeserver.binance.internal;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.TimeInForce;

/** What Binance spot cannot express; such orders are refused before sending, never altered. */
final class OrderChecks {
  private OrderChecks() {}

  /** Why Binance cannot take {@code o} as asked, or null when it can. */
  static String unsupported(OrderRequest o) {
    if (o.protectionPrice() != null) {
      return "Binance spot MARKET orders take no protection price";
    }
    if (o.type() == OrderType.LIMIT_MAKER && o.timeInForce() != TimeInForce.GTC) {
      return "LIMIT_MAKER takes no timeInForce (post-only rests until canceled)";
    }
    if (o.type() == OrderType.MARKET && o.timeInForce() == TimeInForce.FOK) {
      return "Binance MARKET orders cannot be fill-or-kill";
    }
    return null;
  }

  /** Binance's {@code type} for an order. */
  static String typeName(OrderType t) {
    return t.name(); // LIMIT, MARKET and LIMIT_MAKER are Binance's own names
  }

  /**
   * Writes new-order parameters ({@code POST /api/v3/order}): timeInForce only for LIMIT (MARKET
   * and LIMIT_MAKER refuse it with -1106), quoteOrderQty for quote-sized MARKET orders.
   */
  static void write(Params p, OrderRequest o, String responseType) {
    p.add("symbol", o.instrument().nativeSymbol())
        .add("side", o.side().name())
        .add("type", typeName(o.type()));
    if (o.type() == OrderType.LIMIT) {
      p.add("timeInForce", o.timeInForce().name());
    }
    if (o.quantity() != null) {
      p.addDecimal("quantity", o.quantity().units(), o.quantity().scale());
    } else {
      p.addDecimal("quoteOrderQty", o.quoteQuantity().units(), o.quoteQuantity().scale());
    }
    if (o.type() != OrderType.MARKET) {
      p.addDecimal("price", o.price().units(), o.price().scale());
    }
    p.add("newClientOrderId", o.clientOrderId()).add("newOrderRespType", responseType);
  }
}
