package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import java.io.IOException;
import java.time.Duration;

/**
 * Order entry: the local checks and rate-limit accounting every order and cancel goes through, then
 * AddOrder/CancelOrder over REST, or {@code add_order}/{@code cancel_order} over WebSocket v2 when
 * {@code orderEntry = WEBSOCKET} ({@link WsOrders}); CancelAll and CancelAllOrdersAfter are REST.
 * An order whose outcome is not definitive (timeout, 5xx, lost connection, {@code
 * EService:Unavailable}, {@code EGeneral:Internal error}) becomes {@code SubmitUnknown} and is
 * never re-sent. Thread-safe.
 */
final class OrderCommands {
  private final AdapterCore core;
  private final QueryCommands queries;
  private final OrderOutcomes outcomes;
  private final WsOrders ws;

  /**
   * @param ws the WebSocket order path, or null for REST
   */
  OrderCommands(AdapterCore core, QueryCommands queries, OrderOutcomes outcomes, WsOrders ws) {
    this.core = core;
    this.queries = queries;
    this.outcomes = outcomes;
    this.ws = ws;
  }

  void submit(OrderRequest o) {
    Market m = core.markets.byId(o.instrumentId());
    if (m == null) {
      outcomes.rejected(
          o, RejectCode.UNKNOWN_SYMBOL, null, "no Kraken pair for " + o.instrumentId());
      return;
    }
    String unsupported = unsupported(o);
    if (unsupported != null) {
      outcomes.rejected(o, RejectCode.UNSUPPORTED_ORDER, null, unsupported);
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
      outcomes.rejected(
          o,
          RejectCode.RATE_LIMITED,
          "local:TRADING_COUNTER",
          "not sent; retry in " + wait + " ns");
      return;
    }
    core.tracker.track(o.clientOrderId(), o.instrument(), o.side(), core.now());
    if (ws != null) {
      ws.addOrder(o, m);
    } else {
      core.rest.privatePost("AddOrder", sb -> writeOrder(sb, o, m), new AddOrderHandler(o, m));
    }
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
    OrderFields f = OrderFields.of(o, m);
    sb.append("&ordertype=").append(f.limit() ? "limit" : "market");
    sb.append("&type=").append(f.buy() ? "buy" : "sell");
    Form.addDecimal(sb, "volume", f.quantityUnits(), f.quantityScale());
    Form.add(sb, "pair", m.pairKey());
    if (f.limit()) {
      Form.addDecimal(sb, "price", f.priceUnits(), f.priceScale());
    }
    Form.add(sb, "cl_ord_id", o.clientOrderId());
    if (f.ioc()) {
      sb.append("&timeinforce=IOC");
    }
    if (f.postOnly()) {
      sb.append("&oflags=post");
    } else if (f.quoteSized()) {
      sb.append("&oflags=viqc");
    }
  }

  void cancel(Instrument instrument, String clOrdId, String exchangeOrderId) {
    OrderTracker.Tracked t = core.tracker.byClOrdId(clOrdId);
    String txid = exchangeOrderId != null ? exchangeOrderId : t != null ? t.txid : null;
    Market m = core.markets.byId(instrument.id());
    String pair = m != null ? m.pairKey() : instrument.nativeSymbol();
    long age = t != null ? core.now() - t.createdNanos : 0;
    core.limits.chargeCancel(pair, age);
    if (ws != null) {
      ws.cancelOrder(instrument, clOrdId, txid, pair);
      return;
    }
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
            e -> outcomes.cancelFailed(instrument, clOrdId, e)));
  }

  private void canceled(Instrument ins, String clOrdId, String txid, JsonNode r) {
    if (r.path("count").asInt(0) > 0) {
      outcomes.canceled(ins, clOrdId, txid);
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
        outcomes.failed(order, KrakenErrors.httpStatus(status == 200 ? 502 : status));
        return;
      }
      if (ack.txid() != null) {
        outcomes.accepted(order, ack.txid());
      } else {
        outcomes.failed(order, core.venueError(ack.error(), market.pairKey()));
      }
    }

    @Override
    public void onFailure(IOException e) {
      outcomes.failed(order, AdapterCore.networkError(e));
    }
  }
}
