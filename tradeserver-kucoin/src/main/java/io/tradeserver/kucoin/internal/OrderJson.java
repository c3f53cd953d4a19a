package io.tradeserver.kucoin.internal;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.FixedPoint;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.TimeInForce;

/**
 * Writes the {@code POST /api/v1/hf/orders} body into a per-thread reused builder (fields in a
 * fixed order, decimals from units, no reflection) and returns its ASCII bytes, which are both
 * signed and sent. Field names per KuCoin's Add Order spec
 * (https://www.kucoin.com/docs-new/api-3470188).
 */
final class OrderJson {
  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(256));

  private OrderJson() {}

  /**
   * Why an order cannot be expressed on KuCoin, or null when it can. KuCoin market orders take no
   * time in force (they never rest, so GTC and IOC mean the same); post-only is only valid with
   * GTC; there is no market protection price.
   */
  static String unsupported(OrderRequest o) {
    if (!isAlphanumeric(o.clientOrderId())) {
      return "clientOrderId must be 1..40 characters [A-Za-z0-9]";
    }
    if (o.type() == OrderType.MARKET) {
      if (o.timeInForce() == TimeInForce.FOK) {
        return "KuCoin market orders cannot be FOK";
      }
      if (o.protectionPrice() != null) {
        return "KuCoin market orders take no protection price";
      }
    } else if (o.type() == OrderType.LIMIT_MAKER && o.timeInForce() != TimeInForce.GTC) {
      return "KuCoin post-only orders must be GTC";
    }
    return null;
  }

  /** The JSON body of a new order; call only when {@link #unsupported} returned null. */
  static byte[] newOrder(OrderRequest o) {
    StringBuilder sb = BUFFER.get();
    sb.setLength(0);
    sb.append("{\"clientOid\":\"").append(o.clientOrderId());
    sb.append("\",\"symbol\":\"").append(o.instrument().nativeSymbol());
    sb.append("\",\"side\":\"").append(o.side() == io.tradeserver.model.Side.BUY ? "buy" : "sell");
    if (o.type() == OrderType.MARKET) {
      sb.append("\",\"type\":\"market\"");
      if (o.quoteQuantity() != null) {
        decimal(sb.append(",\"funds\":\""), o.quoteQuantity()).append('"');
      } else {
        decimal(sb.append(",\"size\":\""), o.quantity()).append('"');
      }
    } else {
      sb.append("\",\"type\":\"limit\"");
      decimal(sb.append(",\"price\":\""), o.price()).append('"');
      decimal(sb.append(",\"size\":\""), o.quantity()).append('"');
      sb.append(",\"timeInForce\":\"").append(o.timeInForce().name()).append('"');
      if (o.type() == OrderType.LIMIT_MAKER) {
        sb.append(",\"postOnly\":true");
      }
    }
    sb.append('}');
    byte[] out = new byte[sb.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) sb.charAt(i);
    }
    return out;
  }

  private static StringBuilder decimal(StringBuilder sb, FixedPoint v) {
    Decimals.format(v.units(), v.scale(), sb);
    return sb;
  }

  private static boolean isAlphanumeric(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
