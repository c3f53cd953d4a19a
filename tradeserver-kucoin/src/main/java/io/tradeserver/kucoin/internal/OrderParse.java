package io.tradeserver.kucoin.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Fill;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Readers for KuCoin's HF order REST data, mapped into the domain: the add-order ack, order details
 * (query and open orders) as {@link OrderStatusReport}s, fills, sync-cancel results.
 */
final class OrderParse {
  private OrderParse() {}

  /** {@code POST /api/v1/hf/orders} answer. */
  record OrderAck(String orderId, String clientOid) {}

  /** Sync-cancel answer ({@code /api/v1/hf/orders/sync/...}). */
  record CancelResult(String orderId, String status, Quantity originSize, Quantity dealSize) {
    /** Done because the order was fully executed before the cancel. */
    boolean fullyFilled() {
      return originSize != null
          && dealSize != null
          && originSize.isPositive()
          && dealSize.compareTo(originSize) >= 0;
    }
  }

  /** One page of {@code GET /api/v1/hf/fills}. */
  record FillsPage(List<Fill> fills, long lastId, int items) {}

  static final Json.Reader<OrderAck> ACK =
      p -> {
        String[] v = {null, null};
        Json.fields(
            p,
            (name, x) -> {
              if (name.equals("orderId")) {
                v[0] = Json.text(x);
                return true;
              }
              if (name.equals("clientOid")) {
                v[1] = Json.text(x);
                return true;
              }
              return false;
            });
        if (v[0] == null || v[0].isEmpty()) {
          throw new IOException("order ack without orderId");
        }
        return new OrderAck(v[0], v[1]);
      };

  /** One HF order ({@code /api/v1/hf/orders/client-order/{clientOid}}) as a status report. */
  static Json.Reader<OrderStatusReport> report(
      String venue, Instruments instruments, LongSupplier nowNanos) {
    return p -> toReport(venue, instruments, fieldMap(p), nowNanos.getAsLong());
  }

  /** {@code GET /api/v1/hf/orders/active}: the open orders of one symbol. */
  static Json.Reader<List<OrderStatusReport>> reports(
      String venue, Instruments instruments, LongSupplier nowNanos) {
    return p -> {
      List<OrderStatusReport> out = new ArrayList<>();
      long now = nowNanos.getAsLong();
      Json.elements(p, e -> out.add(toReport(venue, instruments, fieldMap(e), now)));
      return out;
    };
  }

  private static Map<String, String> fieldMap(JsonParser p) throws IOException {
    Map<String, String> f = new HashMap<>();
    Json.fields(
        p,
        (name, v) -> {
          if (v.currentToken().isStructStart()) {
            return false;
          }
          f.put(name, Json.text(v));
          return true;
        });
    return f;
  }

  static OrderStatusReport toReport(
      String venue, Instruments instruments, Map<String, String> f, long nowNanos)
      throws IOException {
    String symbol = f.get("symbol");
    if (symbol == null || f.get("id") == null) {
      throw new IOException("order without symbol or id");
    }
    int ps = instruments.priceScale(symbol);
    int qs = instruments.quantityScale(symbol);
    Quantity size = quantity(f.get("size"), qs);
    Quantity dealSize = quantity(f.get("dealSize"), qs);
    Quantity filled = dealSize == null ? Quantity.zero(qs) : dealSize;
    boolean postOnly = "true".equals(f.get("postOnly"));
    boolean market = "market".equals(f.get("type"));
    Price price = market ? null : price(f.get("price"), ps);
    return new OrderStatusReport(
        venue,
        instruments.id(symbol),
        emptyToNull(f.get("clientOid")),
        f.get("id"),
        status(f, filled),
        side(f.get("side")),
        market ? OrderType.MARKET : postOnly ? OrderType.LIMIT_MAKER : OrderType.LIMIT,
        price != null && price.isPositive() ? price : null,
        size != null && size.isPositive() ? size : null,
        filled,
        averagePrice(f.get("dealFunds"), filled, ps),
        nowNanos);
  }

  /**
   * HF order state: {@code active} orders are working; a done order with a cancel record is
   * CANCELED (possibly after partial fills), otherwise FILLED when anything executed.
   */
  private static OrderStatus status(Map<String, String> f, Quantity filled) {
    if ("true".equals(f.get("active"))) {
      return filled.isPositive() ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
    }
    if ("true".equals(f.get("cancelExist"))) {
      return OrderStatus.CANCELED;
    }
    return filled.isPositive() ? OrderStatus.FILLED : OrderStatus.CANCELED;
  }

  /** dealFunds / dealSize at price scale + 4, half-even; null when nothing executed. */
  private static Price averagePrice(String dealFunds, Quantity filled, int ps) {
    if (dealFunds == null || !filled.isPositive()) {
      return null;
    }
    BigDecimal funds = new BigDecimal(dealFunds);
    int scale = Math.min(ps + 4, io.tradeserver.model.Decimals.MAX_SCALE);
    BigDecimal avg = funds.divide(filled.toBigDecimal(), scale, RoundingMode.HALF_EVEN);
    return Price.of(avg.unscaledValue().longValueExact(), scale);
  }

  /** {@code GET /api/v1/hf/fills?orderId=..}: fills of one order, newest first. */
  static Json.Reader<FillsPage> fills(InstrumentId id, String clientOrderId, int ps, int qs) {
    return p -> {
      List<Fill> out = new ArrayList<>();
      long[] lastId = {0};
      int[] items = {0};
      Json.fields(
          p,
          (name, v) -> {
            if (name.equals("items")) {
              Json.elements(
                  v,
                  e -> {
                    items[0]++;
                    out.add(fill(id, clientOrderId, fieldMap(e), ps, qs));
                  });
              return true;
            }
            if (name.equals("lastId")) {
              lastId[0] = Json.longValue(v);
              return true;
            }
            return false;
          });
      return new FillsPage(out, lastId[0], items[0]);
    };
  }

  private static Fill fill(
      InstrumentId id, String clientOrderId, Map<String, String> f, int ps, int qs)
      throws IOException {
    Quantity fee = quantity(f.get("fee"), 0);
    return new Fill(
        id,
        clientOrderId,
        f.get("orderId"),
        f.get("tradeId"),
        side(f.get("side")),
        price(f.get("price"), ps),
        quantity(f.get("size"), qs),
        fee == null ? Quantity.zero(0) : fee,
        fee == null || fee.isZero() ? null : f.get("feeCurrency"),
        liquidity(f.get("liquidity")),
        Math.multiplyExact(parseLong(f.get("createdAt")), 1_000_000L));
  }

  /** Sync-cancel answer. */
  static final Json.Reader<CancelResult> CANCEL =
      p -> {
        Map<String, String> f = fieldMap(p);
        return new CancelResult(
            f.get("orderId"),
            f.get("status"),
            quantity(f.get("originSize"), 0),
            quantity(f.get("dealSize"), 0));
      };

  /** {@code GET /api/v1/hf/orders/active/symbols}: {@code {"symbols":[..]}}. */
  static final Json.Reader<List<String>> SYMBOLS_WITH_OPEN_ORDERS =
      p -> {
        List<String> out = new ArrayList<>();
        Json.fields(
            p,
            (name, v) -> {
              if (!name.equals("symbols")) {
                return false;
              }
              Json.elements(v, e -> out.add(Json.text(e)));
              return true;
            });
        return out;
      };

  /** {@code DELETE /api/v1/hf/orders/cancelAll}: the failures as "SYMBOL: error". */
  static final Json.Reader<List<String>> CANCEL_ALL_FAILURES =
      p -> {
        List<String> out = new ArrayList<>();
        Json.fields(
            p,
            (name, v) -> {
              if (!name.equals("failedSymbols")) {
                return false;
              }
              Json.elements(
                  v,
                  e -> {
                    Map<String, String> f = fieldMap(e);
                    out.add(f.get("symbol") + ": " + f.get("error"));
                  });
              return true;
            });
        return out;
      };

  /** Any data, ignored (e.g. {@code "success"}). */
  static final Json.Reader<Object> IGNORE =
      p -> {
        p.skipChildren();
        return Boolean.TRUE;
      };

  static Side side(String s) throws IOException {
    if ("buy".equals(s)) {
      return Side.BUY;
    }
    if ("sell".equals(s)) {
      return Side.SELL;
    }
    throw new IOException("unknown side " + s);
  }

  static Liquidity liquidity(String s) {
    return "maker".equals(s) ? Liquidity.MAKER : "taker".equals(s) ? Liquidity.TAKER : null;
  }

  private static Quantity quantity(String s, int scale) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return Quantity.parse(s, Math.max(scale, io.tradeserver.model.Decimals.naturalScale(s)));
  }

  private static Price price(String s, int scale) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return Price.parse(s, Math.max(scale, io.tradeserver.model.Decimals.naturalScale(s)));
  }

  private static long parseLong(String s) throws IOException {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IOException("not an integer: " + s);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
