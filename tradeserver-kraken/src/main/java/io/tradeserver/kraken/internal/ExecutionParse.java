package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Maps one WebSocket v2 {@code executions} entry to events. Entries are sparse: a {@code new} or
 * {@code canceled} entry may carry only ids, so the instrument and side come from the entry when
 * present, else from the tracked order. {@code exec_type} {@code new} gives {@code OrderAccepted}
 * (once per order, racing the REST ack), {@code trade} gives a {@code FillReport} keyed by the
 * trade's {@code exec_id} (the same trade id QueryTrades returns), {@code canceled} and {@code
 * expired} end the order; {@code pending_new}, {@code filled}, {@code amended}, {@code restated},
 * {@code status} and {@code iceberg_refill} carry nothing the engine needs. Called on the stream's
 * handler thread.
 */
final class ExecutionParse {
  private final AdapterCore core;

  ExecutionParse(AdapterCore core) {
    this.core = core;
  }

  /** Maps one entry; events go to {@code out}. Returns false when the entry could not be placed. */
  boolean entry(JsonNode e, Consumer<VenueEvent> out) {
    String type = e.path("exec_type").asText();
    String txid = text(e, "order_id");
    String cl = text(e, "cl_ord_id");
    OrderTracker.Tracked t = cl != null ? core.tracker.byClOrdId(cl) : core.tracker.byTxid(txid);
    if (t != null) {
      cl = t.clOrdId;
      if (txid != null) {
        core.tracker.bind(cl, txid);
      }
    }
    Instrument ins = instrument(e, t);
    switch (type) {
      case "new" -> {
        if (ins == null) {
          return false;
        }
        if (t == null || t.markAccepted()) {
          out.accept(new OrderAccepted(core.venue, ins.id(), cl, txid, core.now()));
        }
      }
      case "trade" -> {
        if (ins == null || (t == null && !e.has("side"))) {
          return false;
        }
        out.accept(fill(e, ins, t, cl, txid));
        if ("filled".equals(e.path("order_status").asText())) {
          core.forgetLater(cl);
        }
      }
      case "canceled" -> {
        if (ins == null) {
          return false;
        }
        out.accept(new OrderCanceled(core.venue, ins.id(), cl, txid, core.now()));
        core.forgetLater(cl);
      }
      case "expired" -> {
        if (ins == null) {
          return false;
        }
        out.accept(new OrderExpired(core.venue, ins.id(), cl, txid, core.now()));
        core.forgetLater(cl);
      }
      default -> {
        // pending_new, filled, amended, restated, status, iceberg_refill: nothing to report.
      }
    }
    return true;
  }

  private FillReport fill(
      JsonNode e, Instrument ins, OrderTracker.Tracked t, String cl, String txid) {
    Side side =
        e.has("side") ? ("sell".equals(e.get("side").asText()) ? Side.SELL : Side.BUY) : t.side;
    Quantity fee = Quantity.zero(0);
    String feeAsset = null;
    JsonNode fees = e.path("fees");
    if (fees.isArray() && fees.size() > 0) {
      fee = KrakenParse.quantity(fees.get(0).path("qty"));
      feeAsset = KrakenAssets.canonical(fees.get(0).path("asset").asText());
    }
    String liq = e.path("liquidity_ind").asText("");
    Fill fill =
        new Fill(
            ins.id(),
            cl,
            txid,
            e.path("exec_id").asText(),
            side,
            KrakenParse.priceOf(e.path("last_price"), ins.priceScale()),
            KrakenParse.quantityAt(e.path("last_qty"), ins.quantityScale()),
            fee,
            feeAsset,
            "m".equals(liq)
                ? Liquidity.MAKER
                : "t".equals(liq) ? Liquidity.TAKER : Liquidity.UNKNOWN,
            timeNanos(e.path("timestamp").asText(null)));
    Quantity cum =
        e.has("cum_qty") ? KrakenParse.quantityAt(e.get("cum_qty"), ins.quantityScale()) : null;
    return new FillReport(core.venue, fill, cum, core.now());
  }

  private Instrument instrument(JsonNode e, OrderTracker.Tracked t) {
    String symbol = text(e, "symbol");
    Market m = symbol == null ? null : core.markets.byWsSymbol(symbol);
    if (m != null) {
      return m.instrument();
    }
    return t == null ? null : t.instrument;
  }

  private static String text(JsonNode e, String field) {
    JsonNode n = e.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private long timeNanos(String rfc3339) {
    if (rfc3339 == null) {
      return core.now();
    }
    Instant i = Instant.parse(rfc3339);
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
