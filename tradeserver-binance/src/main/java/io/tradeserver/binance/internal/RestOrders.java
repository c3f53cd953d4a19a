package io.tradeserver.binance.internal;

import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Order commands over REST: new order, cancel, query by client order id (then the order's trades),
 * cancel-all. Every outcome becomes an event; nothing is re-sent (the transport's single -1021
 * retry aside).
 */
final class RestOrders {
  private final RestTransport transport;
  private final OrderEvents events;
  private final RestAccount account;
  private final Instruments instruments;
  private final Emitter out;
  private final String responseType;

  RestOrders(
      RestTransport transport,
      OrderEvents events,
      RestAccount account,
      Instruments instruments,
      Emitter out,
      String responseType) {
    this.transport = transport;
    this.events = events;
    this.account = account;
    this.instruments = instruments;
    this.out = out;
    this.responseType = responseType;
  }

  void submit(OrderRequest o) {
    String why = OrderChecks.unsupported(o);
    if (why != null) {
      events.rejected(o, RejectCode.UNSUPPORTED_ORDER, null, why);
      return;
    }
    NewOrder order = new NewOrder(o);
    transport.send(RestTransport.Spec.newOrder(order), order);
  }

  /** {@code DELETE /api/v3/order}, by orderId when known (Binance: faster), else client id. */
  void cancel(Instrument inst, String clientOrderId, String exchangeOrderId) {
    transport.send(
        RestTransport.Spec.trade(
            "DELETE",
            "/api/v3/order",
            1,
            p -> {
              p.add("symbol", inst.nativeSymbol());
              if (exchangeOrderId != null) {
                p.add("orderId", exchangeOrderId);
              } else {
                p.add("origClientOrderId", clientOrderId);
              }
            }),
        new RestTransport.Handler() {
          @Override
          public void onSuccess(byte[] body) {
            try {
              events.canceled(inst, clientOrderId, RestParse.order(body));
            } catch (IOException | RuntimeException e) {
              out.requestFailed(
                  RequestKind.CANCEL,
                  inst.id(),
                  clientOrderId,
                  true,
                  "unreadable cancel answer: " + e);
            }
          }

          @Override
          public void onError(VenueError error, BinanceErrors.Outcome outcome) {
            events.cancelFailed(inst, clientOrderId, error, outcome);
          }

          @Override
          public void onNetworkFailure(IOException e, boolean notSent) {
            out.requestFailed(
                RequestKind.CANCEL,
                inst.id(),
                clientOrderId,
                true,
                (notSent ? "not sent: " : "no answer: ") + e);
          }

          @Override
          public void onThrottled(long waitNanos) {
            out.requestFailed(
                RequestKind.CANCEL,
                inst.id(),
                clientOrderId,
                true,
                "rate limited locally; not sent");
          }
        });
  }

  /** {@code GET /api/v3/order?origClientOrderId=} (weight 4), then the order's trades if any. */
  void query(Instrument inst, String clientOrderId) {
    transport.send(
        RestTransport.Spec.get(
            "/api/v3/order",
            4,
            true,
            p -> p.add("symbol", inst.nativeSymbol()).add("origClientOrderId", clientOrderId)),
        new QueryHandler(inst, clientOrderId));
  }

  /** Emits the report of a queried order and fetches its fills when it has any. */
  void onQueried(Instrument inst, String clientOrderId, OrderResult r) {
    OrderStatusReport report = events.report(inst, r);
    out.emit(report);
    if (report.filledQuantity().isPositive() && r.orderId >= 0) {
      account.trades(inst, clientOrderId, r.orderId);
    }
  }

  /** A query refused: not found is an event, everything else a request failure. */
  void onQueryFailed(Instrument inst, String clientOrderId, VenueError e, BinanceErrors.Outcome o) {
    if (e.code() == BinanceErrors.NO_SUCH_ORDER || e.code() == BinanceErrors.ORDER_ARCHIVED) {
      out.emit(new OrderNotFound(out.venue(), inst.id(), clientOrderId, out.now()));
      return;
    }
    boolean retryable =
        o == BinanceErrors.Outcome.UNKNOWN
            || o == BinanceErrors.Outcome.RATE_LIMITED
            || o == BinanceErrors.Outcome.BANNED
            || o == BinanceErrors.Outcome.BAD_TIMESTAMP;
    out.requestFailed(RequestKind.QUERY_ORDER, inst.id(), clientOrderId, retryable, e.describe());
  }

  /**
   * {@code DELETE /api/v3/openOrders?symbol=} (weight 1). Binance has no all-symbol cancel, so for
   * {@code null} the open orders are listed first and each symbol is canceled.
   */
  void cancelAll(Instrument inst) {
    if (inst != null) {
      cancelAllOn(inst);
      return;
    }
    account.openOrderResults(
        null,
        results -> {
          Set<Instrument> symbols = new LinkedHashSet<>();
          for (OrderResult r : results) {
            Instrument i = instruments.bySymbol(r.symbol);
            if (i != null) {
              symbols.add(i);
            }
          }
          symbols.forEach(this::cancelAllOn);
        },
        detail -> out.requestFailed(RequestKind.CANCEL_ALL, null, null, true, detail));
  }

  private void cancelAllOn(Instrument inst) {
    transport.send(
        RestTransport.Spec.trade(
            "DELETE", "/api/v3/openOrders", 1, p -> p.add("symbol", inst.nativeSymbol())),
        new RestTransport.Handler() {
          @Override
          public void onSuccess(byte[] body) {
            List<OrderResult> canceled;
            try {
              canceled = RestParse.orders(body);
            } catch (IOException | RuntimeException e) {
              out.requestFailed(
                  RequestKind.CANCEL_ALL, inst.id(), null, true, "unreadable answer: " + e);
              return;
            }
            for (OrderResult r : canceled) {
              String id = r.orderId >= 0 ? Long.toString(r.orderId) : null;
              out.emit(
                  new OrderCanceled(out.venue(), inst.id(), r.ownClientOrderId(), id, out.now()));
            }
          }

          @Override
          public void onError(VenueError e, BinanceErrors.Outcome o) {
            if (BinanceErrors.unknownOrder(e)) {
              return; // nothing open on the symbol: nothing to cancel
            }
            boolean retryable =
                o != BinanceErrors.Outcome.REJECTED && o != BinanceErrors.Outcome.AUTHENTICATION;
            out.requestFailed(RequestKind.CANCEL_ALL, inst.id(), null, retryable, e.describe());
          }

          @Override
          public void onNetworkFailure(IOException e, boolean notSent) {
            out.requestFailed(RequestKind.CANCEL_ALL, inst.id(), null, true, "no answer: " + e);
          }

          @Override
          public void onThrottled(long waitNanos) {
            out.requestFailed(
                RequestKind.CANCEL_ALL, inst.id(), null, true, "rate limited locally; not sent");
          }
        });
  }

  /** A new order's parameters and outcome handling, one object per order. */
  private final class NewOrder implements RestTransport.Handler, Consumer<Params> {
    private final OrderRequest o;

    NewOrder(OrderRequest o) {
      this.o = o;
    }

    @Override
    public void accept(Params p) {
      OrderChecks.write(p, o, responseType);
    }

    @Override
    public void onSuccess(byte[] body) {
      OrderResult r;
      try {
        r = RestParse.placed(body);
      } catch (IOException | RuntimeException e) {
        // The venue accepted the request but we cannot read how: resolve by query.
        events.unknown(o, "unreadable order answer: " + e);
        return;
      }
      events.placed(o, r);
    }

    @Override
    public void onError(VenueError error, BinanceErrors.Outcome outcome) {
      events.placeFailed(o, error, outcome);
    }

    @Override
    public void onNetworkFailure(IOException e, boolean notSent) {
      events.placeNetworkFailure(o, e, notSent);
    }

    @Override
    public void onThrottled(long waitNanos) {
      events.placeThrottled(o, waitNanos);
    }
  }

  private final class QueryHandler implements RestTransport.Handler {
    private final Instrument inst;
    private final String clientOrderId;

    QueryHandler(Instrument inst, String clientOrderId) {
      this.inst = inst;
      this.clientOrderId = clientOrderId;
    }

    @Override
    public void onSuccess(byte[] body) {
      try {
        onQueried(inst, clientOrderId, RestParse.order(body));
      } catch (IOException | RuntimeException e) {
        out.requestFailed(
            RequestKind.QUERY_ORDER, inst.id(), clientOrderId, true, "unreadable answer: " + e);
      }
    }

    @Override
    public void onError(VenueError e, BinanceErrors.Outcome o) {
      onQueryFailed(inst, clientOrderId, e, o);
    }

    @Override
    public void onNetworkFailure(IOException e, boolean notSent) {
      out.requestFailed(RequestKind.QUERY_ORDER, inst.id(), clientOrderId, true, "no answer: " + e);
    }

    @Override
    public void onThrottled(long waitNanos) {
      out.requestFailed(
          RequestKind.QUERY_ORDER,
          inst.id(),
          clientOrderId,
          true,
          "rate limited locally; not sent");
    }
  }
}
