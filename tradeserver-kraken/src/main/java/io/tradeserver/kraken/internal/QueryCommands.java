package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.Balances;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads: AssetPairs, BalanceEx, OpenOrders, order lookup by client order id and the trades of a
 * filled order. A lookup uses QueryOrders when the txid is known, else OpenOrders and then
 * ClosedOrders filtered by {@code cl_ord_id} (QueryOrders takes txids only). Thread-safe.
 */
final class QueryCommands {
  private static final int MAX_TRADES_PER_QUERY = 20;
  private final AdapterCore core;

  QueryCommands(AdapterCore core) {
    this.core = core;
  }

  /**
   * GET AssetPairs (public: a rate-limit answer leaves the per-key counters alone); {@code then}
   * runs after InstrumentsLoaded, or {@code failed}.
   */
  void loadInstruments(Runnable then, Consumer<KrakenError> failed) {
    core.rest.publicGet(
        "AssetPairs",
        "",
        core.publicHandler(
            "AssetPairs",
            r -> {
              List<Market> markets = KrakenParse.markets(core.venue, r);
              core.markets.replace(markets);
              List<Instrument> list = new ArrayList<>(markets.size());
              markets.forEach(m -> list.add(m.instrument()));
              core.emit(new InstrumentsLoaded(core.venue, list, core.now()));
              then.run();
            },
            failed));
  }

  void requestBalances() {
    core.call(
        "BalanceEx",
        1,
        sb -> {},
        r -> core.emit(new Balances(core.venue, KrakenParse.balances(r), true, core.now())),
        e -> failed(RequestKind.BALANCES, null, null, e));
  }

  void requestOpenOrders(Instrument scope) {
    openOrders(
        scope,
        reports ->
            core.emit(
                new OpenOrders(core.venue, scope == null ? null : scope.id(), reports, core.now())),
        e -> failed(RequestKind.OPEN_ORDERS, scope == null ? null : scope.id(), null, e));
  }

  /** OpenOrders, optionally restricted to one instrument. */
  void openOrders(
      Instrument scope, Consumer<List<OrderStatusReport>> ok, Consumer<KrakenError> failed) {
    core.call(
        "OpenOrders",
        1,
        sb -> {},
        r -> ok.accept(reports(r.path("open"), scope == null ? null : scope.id())),
        failed);
  }

  private List<OrderStatusReport> reports(JsonNode orders, InstrumentId scope) {
    List<OrderStatusReport> out = new ArrayList<>();
    long now = core.now();
    Iterator<Map.Entry<String, JsonNode>> it = orders.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      OrderTracker.Tracked t = core.tracker.byTxid(e.getKey());
      OrderStatusReport r =
          KrakenParse.orderReport(
              core.venue,
              core.markets,
              e.getKey(),
              e.getValue(),
              t == null ? null : t.clOrdId,
              now);
      if (r != null && (scope == null || scope.equals(r.instrumentId()))) {
        out.add(r);
      }
    }
    return out;
  }

  void queryOrder(Instrument instrument, String clOrdId) {
    OrderTracker.Tracked t = core.tracker.byClOrdId(clOrdId);
    Consumer<KrakenError> failed =
        e -> failed(RequestKind.QUERY_ORDER, instrument.id(), clOrdId, e);
    if (t != null && t.txid != null) {
      String txid = t.txid;
      core.call(
          "QueryOrders",
          1,
          sb -> {
            Form.add(sb, "txid", txid);
            sb.append("&trades=true");
          },
          r -> found(instrument, clOrdId, r, () -> byClientId(instrument, clOrdId, failed)),
          failed);
      return;
    }
    byClientId(instrument, clOrdId, failed);
  }

  private void byClientId(Instrument instrument, String clOrdId, Consumer<KrakenError> failed) {
    Runnable closed =
        () ->
            core.call(
                "ClosedOrders",
                1,
                sb -> clientIdFilter(sb, clOrdId),
                r ->
                    found(
                        instrument,
                        clOrdId,
                        r.path("closed"),
                        () ->
                            core.emit(
                                new OrderNotFound(
                                    core.venue, instrument.id(), clOrdId, core.now()))),
                failed);
    core.call(
        "OpenOrders",
        1,
        sb -> clientIdFilter(sb, clOrdId),
        r -> found(instrument, clOrdId, r.path("open"), closed),
        failed);
  }

  private static void clientIdFilter(StringBuilder sb, String clOrdId) {
    sb.append("&trades=true");
    Form.add(sb, "cl_ord_id", clOrdId);
  }

  /** Reports the first order in {@code orders}, then fetches its trades; else {@code absent}. */
  private void found(Instrument instrument, String clOrdId, JsonNode orders, Runnable absent) {
    Iterator<Map.Entry<String, JsonNode>> it = orders.fields();
    if (!it.hasNext()) {
      absent.run();
      return;
    }
    Map.Entry<String, JsonNode> e = it.next();
    OrderStatusReport r =
        KrakenParse.orderReport(
            core.venue, core.markets, e.getKey(), e.getValue(), clOrdId, core.now());
    if (r == null) {
      absent.run();
      return;
    }
    core.tracker.bind(clOrdId, e.getKey());
    core.emit(r);
    List<String> trades = KrakenParse.tradeIds(e.getValue());
    if (!r.filledQuantity().isZero() && !trades.isEmpty()) {
      for (int i = 0; i < trades.size(); i += MAX_TRADES_PER_QUERY) {
        queryTrades(
            instrument,
            clOrdId,
            trades.subList(i, Math.min(trades.size(), i + MAX_TRADES_PER_QUERY)));
      }
    }
  }

  /** QueryTrades for an order's fills; each becomes a FillReport the engine dedupes by trade id. */
  private void queryTrades(Instrument instrument, String clOrdId, List<String> ids) {
    String joined = String.join(",", ids);
    core.call(
        "QueryTrades",
        2,
        sb -> Form.add(sb, "txid", joined),
        r -> {
          Market m = core.markets.byId(instrument.id());
          Iterator<Map.Entry<String, JsonNode>> it = r.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> t = it.next();
            core.emit(
                new FillReport(
                    core.venue,
                    KrakenParse.fill(m, t.getKey(), t.getValue(), clOrdId),
                    null,
                    core.now()));
          }
        },
        e -> failed(RequestKind.QUERY_ORDER, instrument.id(), clOrdId, e));
  }

  private void failed(RequestKind kind, InstrumentId id, String clOrdId, KrakenError e) {
    core.emit(
        new RequestFailed(core.venue, kind, id, clOrdId, e.retryable(), e.toString(), core.now()));
  }
}
