package io.tradeserver.binance.internal;

import io.tradeserver.event.Balances;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Account reads over REST: balances, open orders, an order's trades. */
final class RestAccount {
  private static final Logger log = LoggerFactory.getLogger(RestAccount.class);

  /** myTrades page size (maximum 1000). */
  static final int TRADES_PAGE = 1000;

  private final RestTransport transport;
  private final OrderEvents events;
  private final Instruments instruments;
  private final Emitter out;

  RestAccount(RestTransport transport, OrderEvents events, Instruments instruments, Emitter out) {
    this.transport = transport;
    this.events = events;
    this.instruments = instruments;
    this.out = out;
  }

  /** {@code GET /api/v3/account?omitZeroBalances=true} (weight 20): one complete Balances. */
  void balances() {
    transport.send(
        RestTransport.Spec.get("/api/v3/account", 20, true, p -> p.add("omitZeroBalances", "true")),
        new BodyHandler(
            body -> out.emit(new Balances(out.venue(), RestParse.balances(body), true, out.now())),
            (detail, retryable) ->
                out.requestFailed(RequestKind.BALANCES, null, null, retryable, detail)));
  }

  /** {@code GET /api/v3/openOrders} (weight 6 for a symbol, 80 for all): one OpenOrders. */
  void openOrders(Instrument scope) {
    InstrumentId scopeId = scope == null ? null : scope.id();
    openOrderResults(
        scope,
        results -> {
          List<OrderStatusReport> reports = new ArrayList<>(results.size());
          for (OrderResult r : results) {
            Instrument i = instruments.bySymbol(r.symbol);
            if (i == null) {
              log.warn(
                  "{} open order {} on unloaded symbol {} not reported",
                  out.venue(),
                  r.clientOrderId,
                  r.symbol);
              continue;
            }
            reports.add(events.report(i, r));
          }
          out.emit(new OpenOrders(out.venue(), scopeId, reports, out.now()));
        },
        detail -> out.requestFailed(RequestKind.OPEN_ORDERS, scopeId, null, true, detail));
  }

  void openOrderResults(
      Instrument scope, Consumer<List<OrderResult>> onOrders, Consumer<String> onFailure) {
    transport.send(
        RestTransport.Spec.get(
            "/api/v3/openOrders",
            scope == null ? 80 : 6,
            true,
            scope == null ? null : p -> p.add("symbol", scope.nativeSymbol())),
        new BodyHandler(
            body -> onOrders.accept(RestParse.orders(body)),
            (detail, retryable) -> onFailure.accept(detail)));
  }

  /**
   * {@code GET /api/v3/myTrades?symbol=&orderId=} (weight 5 with orderId), paging with {@code
   * fromId}: every fill of the order as a FillReport with its running cumulative quantity.
   */
  void trades(Instrument inst, String clientOrderId, long orderId) {
    tradesFrom(inst, clientOrderId, orderId, -1, Quantity.zero(inst.quantityScale()));
  }

  private void tradesFrom(
      Instrument inst, String clientOrderId, long orderId, long fromId, Quantity cumulative) {
    transport.send(
        RestTransport.Spec.get(
            "/api/v3/myTrades",
            5,
            true,
            p -> {
              p.add("symbol", inst.nativeSymbol()).add("orderId", orderId);
              if (fromId >= 0) {
                p.add("fromId", fromId);
              }
              p.add("limit", TRADES_PAGE);
            }),
        new BodyHandler(
            body -> {
              List<TradeResult> trades = RestParse.trades(body);
              Quantity total = cumulative;
              long last = -1;
              for (TradeResult t : trades) {
                total = total.plus(Quantity.parse(t.qty(), inst.quantityScale()));
                out.emit(events.fill(inst, clientOrderId, t, total));
                last = Math.max(last, t.id());
              }
              if (trades.size() >= TRADES_PAGE && last >= 0) {
                tradesFrom(inst, clientOrderId, orderId, last + 1, total);
              }
            },
            (detail, retryable) ->
                out.requestFailed(
                    RequestKind.QUERY_ORDER,
                    inst.id(),
                    clientOrderId,
                    retryable,
                    "trades: " + detail)));
  }
}
