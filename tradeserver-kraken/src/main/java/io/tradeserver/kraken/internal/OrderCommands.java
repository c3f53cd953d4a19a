package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import java.io.IOException;
import java.time.Duration;

/**
 * Order entry over REST: AddOrder, CancelOrder, CancelAll and CancelAllOrdersAfter. An AddOrder
 * whose outcome is not definitive (timeout, 5xx, lost connection, {@code EService:Unavailable},
 * {@code EGeneral:Internal error}) becomes {@code SubmitUnknown} and is never re-sent. Thread-safe.
 */
final class OrderCommands {
  private final AdapterCore core;
  private final QueryCommands queries;

  OrderCommands(AdapterCore core, QueryCommands queries) {
    this.core = core;
    this.queries = queries;
  }

  void submit(OrderRequest o) {
    Market m = core.markets.byId(o.instrumentId());
    if (m == null) {
      reject(o, RejectCode.UNKNOWN_SYMBOL, null, "no Kraken pair for " + o.instrumentId());
      return;
    }
    String unsupported = unsupported(o);
    if (unsupported != null) {
      reject(o, RejectCode.UNSUPPORTED_ORDER, null, unsupported);
      return;
    }
    long wait = core.limits.acquireOrder(m.pairKey());
    if (wait > 0) {
      long now = core.now();
      core.emit(
          new VenueAlert(
              core.venue,
              AlertKind.RATE_LIMITED,
              "trading counter " + m.pairKey(),
              now + wait,
              now));
      reject(
          o,
          RejectCode.RATE_LIMITED,
          "local:TRADING_COUNTER",
          "not sent; retry in " + wait + " ns");
      return;
    }
    core.tracker.track(o.clientOrderId(), o.instrument(), o.side(), core.now());
    core.rest.privatePost("AddOrder", sb -> writeOrder(sb, o, m), new AddOrderHandler(o, m));
  }

  /** Why Kraken cannot take this order as asked, or null. */
  private static String unsupported(OrderRequest o) {
    if (o.timeInForce() == TimeInForce.FOK) {
      return "Kraken spot has no fill-or-kill (timeinforce is GTC, IOC or GTD)";
    }
    if (o.quoteQuantity() != null && o.side() != Side.BUY) {
      return "Kraken sizes market orders in quote currency (viqc) for buys only";
    }
    return null;
  }

  /** The AddOrder body after the nonce; field by field as in docs.kraken.com AddOrder. */
  static void writeOrder(StringBuilder sb, OrderRequest o, Market m) {
    Instrument ins = m.instrument();
    boolean protectedMarket =
        o.type() == OrderType.MARKET && o.protectionPrice() != null && o.quantity() != null;
    boolean limit = o.type() != OrderType.MARKET || protectedMarket;
    sb.append("&ordertype=").append(limit ? "limit" : "market");
    sb.append("&type=").append(o.side() == Side.BUY ? "buy" : "sell");
    Quantity q = o.quantity() != null ? o.quantity() : o.quoteQuantity();
    int qScale = o.quantity() != null ? ins.quantityScale() : q.scale();
    Form.addDecimal(sb, "volume", q.unitsAt(qScale), qScale);
    Form.add(sb, "pair", m.pairKey());
    if (limit) {
      // A protected market order is sent as an IOC limit at the protection price.
      Price p = protectedMarket ? o.protectionPrice() : o.price();
      int scale = Math.max(ins.priceScale(), p.scale());
      Form.addDecimal(sb, "price", p.unitsAt(scale), scale);
    }
    Form.add(sb, "cl_ord_id", o.clientOrderId());
    if (o.timeInForce() == TimeInForce.IOC || protectedMarket) {
      sb.append("&timeinforce=IOC");
    }
    if (o.type() == OrderType.LIMIT_MAKER) {
      sb.append("&oflags=post");
    } else if (o.quoteQuantity() != null) {
      sb.append("&oflags=viqc");
    }
  }

  private void accepted(OrderRequest o, String txid) {
    OrderTracker.Tracked t = core.tracker.bind(o.clientOrderId(), txid);
    if (t == null || t.markAccepted()) {
      core.emit(
          new OrderAccepted(core.venue, o.instrumentId(), o.clientOrderId(), txid, core.now()));
    }
  }

  private void failed(OrderRequest o, KrakenError e) {
    if (e.kind() == Kind.AMBIGUOUS) {
      core.emit(
          new SubmitUnknown(
              core.venue, o.instrumentId(), o.clientOrderId(), e.toString(), core.now()));
      return;
    }
    core.tracker.forget(o.clientOrderId());
    reject(o, e.rejectCode(), e.venueCode(), e.toString());
  }

  private void reject(OrderRequest o, RejectCode code, String venueCode, String detail) {
    core.emit(
        new OrderRejected(
            core.venue, o.instrumentId(), o.clientOrderId(), code, venueCode, detail, core.now()));
  }

  void cancel(Instrument instrument, String clOrdId, String exchangeOrderId) {
    OrderTracker.Tracked t = core.tracker.byClOrdId(clOrdId);
    String txid = exchangeOrderId != null ? exchangeOrderId : t != null ? t.txid : null;
    Market m = core.markets.byId(instrument.id());
    String pair = m != null ? m.pairKey() : instrument.nativeSymbol();
    long age = t != null ? core.now() - t.createdNanos : 0;
    core.limits.chargeCancel(pair, age);
    core.rest.privatePost(
        "CancelOrder",
        sb -> {
          if (txid != null) {
            Form.add(sb, "txid", txid);
          } else {
            Form.add(sb, "cl_ord_id", clOrdId);
          }
        },
        core.handler(
            "CancelOrder",
            pair,
            r -> canceled(instrument, clOrdId, txid, r),
            e -> cancelFailed(instrument, clOrdId, e)));
  }

  private void canceled(Instrument ins, String clOrdId, String txid, JsonNode r) {
    if (r.path("count").asInt(0) > 0) {
      core.emit(new OrderCanceled(core.venue, ins.id(), clOrdId, txid, core.now()));
      core.forgetLater(clOrdId);
    } else if (r.path("pending").asBoolean(false)) {
      core.emit(
          new RequestFailed(
              core.venue,
              RequestKind.CANCEL,
              ins.id(),
              clOrdId,
              true,
              "cancel pending",
              core.now()));
    } else {
      core.emit(
          new CancelRejected(
              core.venue,
              ins.id(),
              clOrdId,
              RejectCode.UNKNOWN_ORDER,
              null,
              "count 0",
              core.now()));
    }
  }

  private void cancelFailed(Instrument ins, String clOrdId, KrakenError e) {
    if (e.retryable()) {
      core.emit(
          new RequestFailed(
              core.venue, RequestKind.CANCEL, ins.id(), clOrdId, true, e.toString(), core.now()));
      return;
    }
    core.emit(
        new CancelRejected(
            core.venue,
            ins.id(),
            clOrdId,
            e.rejectCode(),
            e.venueCode(),
            e.toString(),
            core.now()));
  }

  /** All instruments: CancelAll, then a fresh OpenOrders for reconciliation. */
  void cancelAll(Instrument instrument) {
    if (instrument == null) {
      core.call(
          "CancelAll",
          1,
          sb -> {},
          r -> queries.requestOpenOrders(null),
          e -> cancelAllFailed(null, e));
      return;
    }
    queries.openOrders(
        instrument,
        reports -> reports.forEach(r -> cancel(instrument, r.clientOrderId(), r.exchangeOrderId())),
        e -> cancelAllFailed(instrument, e));
  }

  private void cancelAllFailed(Instrument instrument, KrakenError e) {
    core.emit(
        new RequestFailed(
            core.venue,
            RequestKind.CANCEL_ALL,
            instrument == null ? null : instrument.id(),
            null,
            e.retryable(),
            e.toString(),
            core.now()));
  }

  /** CancelAllOrdersAfter with {@code timeout} rounded up to whole seconds; zero disarms. */
  void armDeadManSwitch(Duration timeout) {
    long seconds = (timeout.toMillis() + 999) / 1000;
    core.call(
        "CancelAllOrdersAfter",
        1,
        sb -> Form.add(sb, "timeout", seconds),
        r ->
            AdapterCore.logLifecycle(
                "{} dead-man switch {}: trigger {}",
                core.venue,
                seconds == 0 ? "disarmed" : "armed " + seconds + "s",
                r.path("triggerTime").asText("none")),
        e ->
            core.emit(
                new RequestFailed(
                    core.venue,
                    RequestKind.CANCEL_ALL,
                    null,
                    null,
                    e.retryable(),
                    "dead-man switch: " + e,
                    core.now())));
  }

  /** Streams the AddOrder answer; 5xx, timeouts and resets are ambiguous. */
  private final class AddOrderHandler implements RestHandler {
    private final OrderRequest order;
    private final Market market;

    AddOrderHandler(OrderRequest order, Market market) {
      this.order = order;
      this.market = market;
    }

    @Override
    public void onResponse(int status, byte[] body) {
      KrakenParse.AddOrderAck ack;
      try {
        ack = KrakenParse.addOrder(body);
      } catch (IOException | RuntimeException e) {
        failed(order, KrakenErrors.httpStatus(status == 200 ? 502 : status));
        return;
      }
      if (ack.txid() != null) {
        accepted(order, ack.txid());
      } else {
        failed(order, core.venueError(ack.error(), market.pairKey()));
      }
    }

    @Override
    public void onFailure(IOException e) {
      failed(order, AdapterCore.networkError(e));
    }
  }
}
