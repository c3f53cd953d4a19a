package io.tradeserver.kucoin.internal;

import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import java.io.IOException;

/**
 * Order entry on KuCoin's HF endpoints: submit ({@code POST /api/v1/hf/orders}), cancel (sync
 * variants, answered after the matching engine processed the cancel, so the answer is the outcome:
 * https://www.kucoin.com/docs-new/api-3470185, api-3470186), query by client order id and the
 * order's fills. An order is sent once: any answer that does not prove a refusal is reported as
 * {@code SubmitUnknown}. Thread-safe; outcomes are emitted from OkHttp threads.
 */
final class OrderCommands {
  /** Pages of fills fetched for one order at most (100 fills each). */
  private static final int MAX_FILL_PAGES = 20;

  private static final int FILL_PAGE = 100;

  private final KucoinRest rest;
  private final Emitter out;
  private final Instruments instruments;

  OrderCommands(KucoinRest rest, Emitter out, Instruments instruments) {
    this.rest = rest;
    this.out = out;
    this.instruments = instruments;
  }

  void submit(OrderRequest o) {
    String why = OrderJson.unsupported(o);
    if (why != null) {
      reject(o, RejectCode.UNSUPPORTED_ORDER, null, why);
      return;
    }
    rest.send(
        Endpoint.ADD_ORDER,
        Endpoint.ADD_ORDER.path,
        OrderJson.newOrder(o),
        OrderParse.ACK,
        new Submit(o));
  }

  private void reject(OrderRequest o, RejectCode code, String venueCode, String detail) {
    out.emit(
        new OrderRejected(
            out.venue, o.instrumentId(), o.clientOrderId(), code, venueCode, detail, out.now()));
  }

  private void unknown(OrderRequest o, String cause) {
    out.emit(new SubmitUnknown(out.venue, o.instrumentId(), o.clientOrderId(), cause, out.now()));
  }

  static RejectCode rejectCode(KucoinErrors.Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> RejectCode.RATE_LIMITED;
      case AUTHENTICATION, TIMESTAMP -> RejectCode.AUTHENTICATION_FAILED;
      case INSUFFICIENT_BALANCE -> RejectCode.VENUE_INSUFFICIENT_BALANCE;
      case FILTER -> RejectCode.VENUE_FILTER_FAILURE;
      default -> RejectCode.VENUE_REJECTED;
    };
  }

  /** The outcome of one submit. */
  private final class Submit implements RestCallback<OrderParse.OrderAck> {
    private final OrderRequest o;

    Submit(OrderRequest o) {
      this.o = o;
    }

    @Override
    public void onSuccess(OrderParse.OrderAck ack) {
      if (ack == null) {
        unknown(o, "accepted without an order id");
        return;
      }
      out.emit(
          new OrderAccepted(
              out.venue, o.instrumentId(), o.clientOrderId(), ack.orderId(), out.now()));
    }

    @Override
    public void onError(VenueError e) {
      if (e.kind() == KucoinErrors.Kind.SERVER || e.kind() == KucoinErrors.Kind.OK) {
        unknown(o, e.describe());
      } else {
        reject(
            o,
            rejectCode(e.kind()),
            e.code() != null ? e.code() : "http " + e.httpStatus(),
            e.describe());
      }
    }

    @Override
    public void onFailure(IOException e, boolean notSent) {
      if (notSent) {
        reject(o, RejectCode.VENUE_UNAVAILABLE, null, "not sent: " + e);
      } else {
        unknown(o, e.toString());
      }
    }

    @Override
    public void onThrottled(long waitNanos) {
      reject(
          o,
          RejectCode.RATE_LIMITED,
          null,
          "local rate limit: retry in " + waitNanos / 1_000_000 + " ms");
    }
  }

  void cancel(Instrument i, String clientOrderId, String exchangeOrderId) {
    boolean byId = exchangeOrderId != null && !exchangeOrderId.isEmpty();
    Endpoint ep = byId ? Endpoint.CANCEL_SYNC : Endpoint.CANCEL_CLIENT_OID_SYNC;
    String path =
        ep.path + (byId ? exchangeOrderId : clientOrderId) + "?symbol=" + i.nativeSymbol();
    rest.send(
        ep, path, null, OrderParse.CANCEL, new Cancel(i.id(), clientOrderId, exchangeOrderId));
  }

  /** The outcome of one sync cancel. */
  private final class Cancel implements RestCallback<OrderParse.CancelResult> {
    private final InstrumentId id;
    private final String clientOrderId;
    private final String exchangeOrderId;

    Cancel(InstrumentId id, String clientOrderId, String exchangeOrderId) {
      this.id = id;
      this.clientOrderId = clientOrderId;
      this.exchangeOrderId = exchangeOrderId;
    }

    @Override
    public void onSuccess(OrderParse.CancelResult r) {
      if (r == null || !"done".equals(r.status())) {
        failed(true, "order not done after cancel: " + (r == null ? "no data" : r.status()));
      } else if (r.fullyFilled()) {
        rejected(RejectCode.UNKNOWN_ORDER, null, "order already fully filled");
      } else {
        String oid = r.orderId() != null ? r.orderId() : exchangeOrderId;
        out.emit(new OrderCanceled(out.venue, id, clientOrderId, oid, out.now()));
      }
    }

    @Override
    public void onError(VenueError e) {
      switch (e.kind()) {
        case ORDER_NOT_FOUND -> rejected(RejectCode.UNKNOWN_ORDER, e.code(), e.describe());
        case FILTER, REJECTED, INSUFFICIENT_BALANCE ->
            rejected(RejectCode.VENUE_REJECTED, e.code(), e.describe());
        case AUTHENTICATION -> failed(false, e.describe());
        default -> failed(true, e.describe());
      }
    }

    @Override
    public void onFailure(IOException e, boolean notSent) {
      failed(true, e.toString());
    }

    @Override
    public void onThrottled(long waitNanos) {
      failed(true, "local rate limit: retry in " + waitNanos / 1_000_000 + " ms");
    }

    private void rejected(RejectCode code, String venueCode, String detail) {
      out.emit(
          new CancelRejected(out.venue, id, clientOrderId, code, venueCode, detail, out.now()));
    }

    private void failed(boolean retryable, String detail) {
      out.requestFailed(RequestKind.CANCEL, id, clientOrderId, retryable, detail);
    }
  }

  void query(Instrument i, String clientOrderId) {
    Endpoint ep = Endpoint.ORDER_BY_CLIENT_OID;
    String path = ep.path + clientOrderId + "?symbol=" + i.nativeSymbol();
    rest.send(
        ep,
        path,
        null,
        OrderParse.report(out.venue, instruments, out::now),
        new Query(i, clientOrderId));
  }

  /** The outcome of one query by client order id. */
  private final class Query implements RestCallback<OrderStatusReport> {
    private final Instrument i;
    private final String clientOrderId;

    Query(Instrument i, String clientOrderId) {
      this.i = i;
      this.clientOrderId = clientOrderId;
    }

    @Override
    public void onSuccess(OrderStatusReport r) {
      if (r == null) {
        out.emit(new OrderNotFound(out.venue, i.id(), clientOrderId, out.now()));
        return;
      }
      OrderStatusReport report =
          r.clientOrderId() == null ? withClientOrderId(r, clientOrderId) : r;
      out.emit(report);
      if (report.filledQuantity().isPositive()) {
        fills(i, clientOrderId, report.exchangeOrderId(), 0, 0);
      }
    }

    @Override
    public void onError(VenueError e) {
      if (e.kind() == KucoinErrors.Kind.ORDER_NOT_FOUND) {
        out.emit(new OrderNotFound(out.venue, i.id(), clientOrderId, out.now()));
      } else {
        failed(retryable(e), e.describe());
      }
    }

    @Override
    public void onFailure(IOException e, boolean notSent) {
      failed(true, e.toString());
    }

    @Override
    public void onThrottled(long waitNanos) {
      failed(true, "local rate limit: retry in " + waitNanos / 1_000_000 + " ms");
    }

    private void failed(boolean retryable, String detail) {
      out.requestFailed(RequestKind.QUERY_ORDER, i.id(), clientOrderId, retryable, detail);
    }
  }

  static boolean retryable(VenueError e) {
    return switch (e.kind()) {
      case SERVER, RATE_LIMITED, TIMESTAMP -> true;
      default -> false;
    };
  }

  private static OrderStatusReport withClientOrderId(OrderStatusReport r, String clientOrderId) {
    return new OrderStatusReport(
        r.venue(),
        r.instrumentId(),
        clientOrderId,
        r.exchangeOrderId(),
        r.status(),
        r.side(),
        r.type(),
        r.price(),
        r.quantity(),
        r.filledQuantity(),
        r.averagePrice(),
        r.timeNanos());
  }

  /** Emits the order's fills ({@code GET /api/v1/hf/fills}), paging by {@code lastId}. */
  private void fills(Instrument i, String clientOrderId, String orderId, long lastId, int page) {
    String path =
        Endpoint.FILLS.path
            + "?symbol="
            + i.nativeSymbol()
            + "&orderId="
            + orderId
            + "&limit="
            + FILL_PAGE
            + (lastId > 0 ? "&lastId=" + lastId : "");
    rest.send(
        Endpoint.FILLS,
        path,
        null,
        OrderParse.fills(i.id(), clientOrderId, i.priceScale(), i.quantityScale()),
        new Fills(i, clientOrderId, orderId, page));
  }

  /** One page of an order's fills. */
  private final class Fills implements RestCallback<OrderParse.FillsPage> {
    private final Instrument i;
    private final String clientOrderId;
    private final String orderId;
    private final int page;

    Fills(Instrument i, String clientOrderId, String orderId, int page) {
      this.i = i;
      this.clientOrderId = clientOrderId;
      this.orderId = orderId;
      this.page = page;
    }

    @Override
    public void onSuccess(OrderParse.FillsPage p) {
      if (p == null) {
        return;
      }
      for (Fill f : p.fills()) {
        out.emit(new FillReport(out.venue, f, null, out.now()));
      }
      if (p.items() >= FILL_PAGE && p.lastId() > 0 && page + 1 < MAX_FILL_PAGES) {
        fills(i, clientOrderId, orderId, p.lastId(), page + 1);
      }
    }

    @Override
    public void onError(VenueError e) {
      failed(e.describe(), retryable(e));
    }

    @Override
    public void onFailure(IOException e, boolean notSent) {
      failed(e.toString(), true);
    }

    @Override
    public void onThrottled(long waitNanos) {
      failed("rate-limited locally", true);
    }

    private void failed(String detail, boolean retryable) {
      out.requestFailed(
          RequestKind.QUERY_ORDER, i.id(), clientOrderId, retryable, "fills: " + detail);
    }
  }
}
