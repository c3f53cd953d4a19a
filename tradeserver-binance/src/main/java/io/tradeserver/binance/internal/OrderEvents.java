package io.tradeserver.binance.internal;

import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one mapping from Binance order answers and errors to TradeServer events, shared by the REST
 * and WebSocket API order paths so both emit exactly the same events.
 */
final class OrderEvents {
  private final Emitter out;

  OrderEvents(Emitter out) {
    this.out = out;
  }

  // ---- new order ----

  /** A 2xx answer to a new order: accepted, then its immediate fills, then an immediate expiry. */
  void placed(OrderRequest req, OrderResult r) {
    Instrument inst = req.instrument();
    String exchangeId = r.orderId >= 0 ? Long.toString(r.orderId) : null;
    if ("REJECTED".equals(r.status)) {
      rejected(req, RejectCode.VENUE_REJECTED, null, "status REJECTED");
      return;
    }
    out.emit(new OrderAccepted(out.venue(), inst.id(), req.clientOrderId(), exchangeId, out.now()));
    Quantity cumulative = Quantity.zero(inst.quantityScale());
    for (OrderResult.FillResult f : r.fills) {
      Quantity qty = Quantity.parse(f.qty(), inst.quantityScale());
      if (!qty.isPositive() || f.tradeId() < 0) {
        continue; // SOR allocations carry tradeId -1; they arrive as trades elsewhere
      }
      cumulative = cumulative.plus(qty);
      Fill fill =
          new Fill(
              inst.id(),
              req.clientOrderId(),
              exchangeId,
              Long.toString(f.tradeId()),
              req.side(),
              Price.parse(f.price(), inst.priceScale()),
              qty,
              Json.natural(f.commission()),
              f.commissionAsset(),
              Liquidity.TAKER, // fills in the placement answer matched on arrival
              r.transactTime * 1_000_000L);
      out.emit(new FillReport(out.venue(), fill, cumulative, out.now()));
    }
    if ("EXPIRED".equals(r.status) || "EXPIRED_IN_MATCH".equals(r.status)) {
      out.emit(
          new OrderExpired(out.venue(), inst.id(), req.clientOrderId(), exchangeId, out.now()));
    }
  }

  void placeFailed(OrderRequest req, VenueError e, BinanceErrors.Outcome outcome) {
    if (outcome == BinanceErrors.Outcome.UNKNOWN) {
      unknown(req, "venue answered " + e.describe());
      return;
    }
    rejected(req, BinanceErrors.rejectCode(e), e.codeString(), e.describe());
  }

  void placeNetworkFailure(OrderRequest req, IOException e, boolean notSent) {
    if (notSent) {
      rejected(req, RejectCode.VENUE_UNAVAILABLE, null, "not sent: " + e);
    } else {
      unknown(req, "no answer: " + e);
    }
  }

  void placeThrottled(OrderRequest req, long waitNanos) {
    rejected(
        req,
        RejectCode.RATE_LIMITED,
        null,
        "rate limited locally for " + waitNanos / 1_000_000 + " ms; not sent");
  }

  void rejected(OrderRequest req, RejectCode code, String venueCode, String detail) {
    out.emit(
        new OrderRejected(
            out.venue(),
            req.instrumentId(),
            req.clientOrderId(),
            code,
            venueCode,
            detail,
            out.now()));
  }

  void unknown(OrderRequest req, String cause) {
    out.emit(
        new SubmitUnknown(out.venue(), req.instrumentId(), req.clientOrderId(), cause, out.now()));
  }

  // ---- cancel ----

  void canceled(Instrument inst, String clientOrderId, OrderResult r) {
    String id = r.orderId >= 0 ? Long.toString(r.orderId) : null;
    out.emit(new OrderCanceled(out.venue(), inst.id(), clientOrderId, id, out.now()));
  }

  void cancelFailed(Instrument inst, String clientOrderId, VenueError e, BinanceErrors.Outcome o) {
    if (o == BinanceErrors.Outcome.UNKNOWN
        || o == BinanceErrors.Outcome.RATE_LIMITED
        || o == BinanceErrors.Outcome.BANNED) {
      out.requestFailed(RequestKind.CANCEL, inst.id(), clientOrderId, true, e.describe());
      return;
    }
    RejectCode code =
        BinanceErrors.unknownOrder(e)
            ? RejectCode.UNKNOWN_ORDER
            : o == BinanceErrors.Outcome.AUTHENTICATION
                ? RejectCode.AUTHENTICATION_FAILED
                : RejectCode.VENUE_REJECTED;
    out.emit(
        new CancelRejected(
            out.venue(), inst.id(), clientOrderId, code, e.codeString(), e.describe(), out.now()));
  }

  // ---- status reports and trades ----

  /** An order object as a status report; null when its symbol is not a loaded instrument. */
  OrderStatusReport report(Instrument inst, OrderResult r) {
    Quantity filled = Json.quantity(r.executedQty, inst.quantityScale());
    return new OrderStatusReport(
        out.venue(),
        inst.id(),
        r.clientOrderId,
        r.orderId >= 0 ? Long.toString(r.orderId) : null,
        status(r.status),
        "SELL".equals(r.side) ? Side.SELL : Side.BUY,
        type(r.type),
        positivePrice(r.price, inst.priceScale()),
        Json.quantity(r.origQty, inst.quantityScale()),
        filled == null ? Quantity.zero(inst.quantityScale()) : filled,
        averagePrice(inst, r.cummulativeQuoteQty, filled),
        out.now());
  }

  /** A trade of ours from myTrades; {@code cumulative} is the order's total after it, or null. */
  FillReport fill(Instrument inst, String clientOrderId, TradeResult t, Quantity cumulative) {
    Fill fill =
        new Fill(
            inst.id(),
            clientOrderId,
            Long.toString(t.orderId()),
            Long.toString(t.id()),
            t.isBuyer() ? Side.BUY : Side.SELL,
            Price.parse(t.price(), inst.priceScale()),
            Quantity.parse(t.qty(), inst.quantityScale()),
            Json.natural(t.commission()),
            t.commissionAsset(),
            t.isMaker() ? Liquidity.MAKER : Liquidity.TAKER,
            t.time() * 1_000_000L);
    return new FillReport(out.venue(), fill, cumulative, out.now());
  }

  static OrderStatus status(String s) {
    if (s == null) {
      return OrderStatus.ACCEPTED;
    }
    return switch (s) {
      case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
      case "FILLED" -> OrderStatus.FILLED;
      case "CANCELED", "PENDING_CANCEL_DONE" -> OrderStatus.CANCELED;
      case "REJECTED" -> OrderStatus.REJECTED;
      case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
      // NEW, PENDING_NEW (order list leg waiting), PENDING_CANCEL (unused): still open.
      default -> OrderStatus.ACCEPTED;
    };
  }

  /** Binance types TradeServer does not send map to the closest kind (stop-limits are limits). */
  static OrderType type(String t) {
    if (t == null) {
      return OrderType.LIMIT;
    }
    return switch (t) {
      case "MARKET", "STOP_LOSS", "TAKE_PROFIT" -> OrderType.MARKET;
      case "LIMIT_MAKER" -> OrderType.LIMIT_MAKER;
      default -> OrderType.LIMIT;
    };
  }

  private static Price positivePrice(String text, int scale) {
    if (text == null) {
      return null;
    }
    Price p = Price.parse(text, scale);
    return p.isPositive() ? p : null;
  }

  /** cummulativeQuoteQty / executedQty at 4 extra decimals; null without fills or data (< 0). */
  private static Price averagePrice(Instrument inst, String cumQuote, Quantity filled) {
    if (cumQuote == null || filled == null || !filled.isPositive()) {
      return null;
    }
    BigDecimal quote = new BigDecimal(cumQuote);
    if (quote.signum() <= 0) {
      return null;
    }
    int scale = Math.min(inst.priceScale() + 4, 18);
    BigDecimal avg = quote.divide(filled.toBigDecimal(), scale, RoundingMode.HALF_EVEN);
    return Price.of(avg.unscaledValue().longValueExact(), scale);
  }
}
