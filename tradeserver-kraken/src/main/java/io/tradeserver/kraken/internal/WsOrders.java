package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.venue.RequestTimeouts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Order entry over WebSocket v2 on the authenticated connection the executions stream keeps open
 * ({@code add_order}, {@code cancel_order}, each carrying that connection's token; docs.kraken.com
 * "WebSocket v2: Add Order / Cancel Order"). No nonce and no HTTP call per order. Answers are
 * matched by {@code req_id} and mapped by the same {@link OrderOutcomes} as REST.
 *
 * <p>Outcomes: {@code success:true} → accepted / canceled; {@code success:false} → the error string
 * classified by {@link KrakenErrors} (ambiguous ones such as {@code EService:Unavailable} are
 * {@code SubmitUnknown}); no answer within {@code requestTimeout} or the connection lost with the
 * request in flight → {@code SubmitUnknown} / retryable {@code RequestFailed}; a request the
 * connection refused to queue (not connected or not yet authenticated) provably never left → {@code
 * VENUE_UNAVAILABLE}. Nothing is ever re-sent. Thread-safe.
 */
final class WsOrders {
  private static final KrakenError NOT_CONNECTED =
      new KrakenError(
          Kind.NOT_SENT,
          "local:WS_NOT_CONNECTED",
          "authenticated WebSocket not connected; not sent",
          0);

  private final AdapterCore core;
  private final OrderOutcomes outcomes;
  private final AtomicLong reqIds;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final RequestTimeouts<Long> timeouts;
  private volatile ExecutionStream stream;

  /** A request awaiting its answer; exactly one of its methods is called, once. */
  private interface Pending {
    void answered(JsonNode answer);

    /** Sent, but whether it took effect is unknown. */
    void unknown(KrakenError e);
  }

  /**
   * @param reqIds the {@code req_id} sequence shared with the stream's own requests
   */
  WsOrders(AdapterCore core, OrderOutcomes outcomes, AtomicLong reqIds) {
    this.core = core;
    this.outcomes = outcomes;
    this.reqIds = reqIds;
    this.timeouts =
        new RequestTimeouts<>(
            core.ctx.scheduler(),
            core.ctx.clock(),
            core.config.requestTimeout().toNanos(),
            pending::containsKey,
            this::timedOut);
  }

  /** The connection to send on; set once, before the client starts. */
  void attach(ExecutionStream s) {
    this.stream = s;
  }

  /** Sends {@code add_order}; the order passed the local checks and counters already. */
  void addOrder(OrderRequest o, Market m) {
    send(
        (id, token) -> addOrderFrame(id, token, o, m),
        new Pending() {
          @Override
          public void answered(JsonNode a) {
            if (!a.path("success").asBoolean(false)) {
              outcomes.failed(o, core.venueError(a.path("error").asText(""), m.pairKey()));
              return;
            }
            String txid = a.path("result").path("order_id").asText(null);
            if (txid == null) {
              outcomes.failed(o, new KrakenError(Kind.AMBIGUOUS, "no order_id", a.toString(), 0));
            } else {
              outcomes.accepted(o, txid);
            }
          }

          @Override
          public void unknown(KrakenError e) {
            outcomes.failed(o, e);
          }
        },
        e -> outcomes.failed(o, e));
  }

  /** Sends {@code cancel_order} by {@code order_id} when known, else by {@code cl_ord_id}. */
  void cancelOrder(Instrument ins, String clOrdId, String txid, String pair) {
    send(
        (id, token) -> cancelFrame(id, token, clOrdId, txid),
        new Pending() {
          @Override
          public void answered(JsonNode a) {
            if (a.path("success").asBoolean(false)) {
              outcomes.canceled(ins, clOrdId, a.path("result").path("order_id").asText(txid));
            } else {
              outcomes.cancelFailed(
                  ins, clOrdId, core.venueError(a.path("error").asText(""), pair));
            }
          }

          @Override
          public void unknown(KrakenError e) {
            outcomes.cancelFailed(ins, clOrdId, e);
          }
        },
        e -> outcomes.cancelFailed(ins, clOrdId, e));
  }

  private interface Frame {
    String build(long reqId, String token);
  }

  private void send(Frame frame, Pending p, Consumer<KrakenError> notSent) {
    ExecutionStream s = stream;
    String token = s == null ? null : s.token();
    if (token == null) {
      notSent.accept(NOT_CONNECTED);
      return;
    }
    long id = reqIds.incrementAndGet();
    String text = frame.build(id, token);
    pending.put(id, p);
    timeouts.add(id);
    // The connection refuses to queue the frame when it is down or not yet authenticated.
    if (!s.send(text) && pending.remove(id) != null) {
      notSent.accept(NOT_CONNECTED);
    }
  }

  private void timedOut(long reqId) {
    Pending p = pending.remove(reqId);
    if (p != null) {
      p.unknown(
          new KrakenError(
              Kind.AMBIGUOUS,
              "timeout",
              "no answer within " + core.config.requestTimeout() + " (req_id " + reqId + ")",
              0));
    }
  }

  /**
   * Handles an {@code add_order}/{@code cancel_order} answer; false when {@code root} is not one.
   * Called on the stream's thread.
   */
  boolean onAnswer(JsonNode root) {
    String method = root.path("method").asText();
    if (!method.equals("add_order") && !method.equals("cancel_order")) {
      return false;
    }
    Pending p = pending.remove(root.path("req_id").asLong(-1));
    if (p != null) { // else already timed out and reported as unknown
      p.answered(root);
    }
    return true;
  }

  /** The connection dropped: every request in flight has an unknown outcome. */
  void onDisconnected(String reason) {
    List<Long> ids = new ArrayList<>(pending.keySet());
    for (Long id : ids) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.unknown(new KrakenError(Kind.AMBIGUOUS, "disconnected", "connection lost: " + reason, 0));
      }
    }
  }

  /** The {@code add_order} frame; numbers are written from units, exactly at their scales. */
  static String addOrderFrame(long reqId, String token, OrderRequest o, Market m) {
    OrderFields f = OrderFields.of(o, m);
    StringBuilder sb = new StringBuilder(320);
    sb.append("{\"method\":\"add_order\",\"params\":{\"order_type\":\"")
        .append(f.limit() ? "limit" : "market")
        .append("\",\"side\":\"")
        .append(f.buy() ? "buy" : "sell")
        .append(f.quoteSized() ? "\",\"cash_order_qty\":" : "\",\"order_qty\":");
    Decimals.format(f.quantityUnits(), f.quantityScale(), sb);
    sb.append(",\"symbol\":");
    string(sb, m.wsSymbol());
    if (f.limit()) {
      sb.append(",\"limit_price\":");
      Decimals.format(f.priceUnits(), f.priceScale(), sb);
    }
    if (f.ioc()) {
      sb.append(",\"time_in_force\":\"ioc\"");
    }
    if (f.postOnly()) {
      sb.append(",\"post_only\":true");
    }
    sb.append(",\"cl_ord_id\":");
    string(sb, o.clientOrderId());
    return tail(sb, token, reqId);
  }

  static String cancelFrame(long reqId, String token, String clOrdId, String txid) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("{\"method\":\"cancel_order\",\"params\":{");
    sb.append(txid != null ? "\"order_id\":[" : "\"cl_ord_id\":[");
    string(sb, txid != null ? txid : clOrdId);
    sb.append(']');
    return tail(sb, token, reqId);
  }

  private static String tail(StringBuilder sb, String token, long reqId) {
    sb.append(",\"token\":");
    string(sb, token);
    return sb.append("},\"req_id\":").append(reqId).append('}').toString();
  }

  /** A JSON string literal (client order ids are the caller's, so they are escaped). */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }
}
