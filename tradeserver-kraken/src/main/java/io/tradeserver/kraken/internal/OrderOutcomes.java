package io.tradeserver.kraken.internal;

import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;

/**
 * The events an order or cancel outcome becomes, whichever path (REST or WebSocket v2) carried it,
 * so both paths emit exactly the same events for the same Kraken answer. Thread-safe.
 */
final class OrderOutcomes {
  private final AdapterCore core;

  OrderOutcomes(AdapterCore core) {
    this.core = core;
  }

  /** Kraken took the order; emits {@code OrderAccepted} unless the stream's {@code new} did. */
  void accepted(OrderRequest o, String txid) {
    OrderTracker.Tracked t = core.tracker.bind(o.clientOrderId(), txid);
    if (t == null || t.markAccepted()) {
      core.emit(
          new OrderAccepted(core.venue, o.instrumentId(), o.clientOrderId(), txid, core.now()));
    }
  }

  /** An ambiguous error is {@code SubmitUnknown} (never re-sent); anything else a rejection. */
  void failed(OrderRequest o, KrakenError e) {
    if (e.kind() == Kind.AMBIGUOUS) {
      core.emit(
          new SubmitUnknown(
              core.venue, o.instrumentId(), o.clientOrderId(), e.toString(), core.now()));
      return;
    }
    core.tracker.forget(o.clientOrderId());
    rejected(o, e.rejectCode(), e.venueCode(), e.toString());
  }

  void rejected(OrderRequest o, RejectCode code, String venueCode, String detail) {
    core.emit(
        new OrderRejected(
            core.venue, o.instrumentId(), o.clientOrderId(), code, venueCode, detail, core.now()));
  }

  void canceled(Instrument ins, String clOrdId, String txid) {
    core.emit(new OrderCanceled(core.venue, ins.id(), clOrdId, txid, core.now()));
    core.forgetLater(clOrdId);
  }

  /** A retryable failure is a {@code RequestFailed}; a definitive one a {@code CancelRejected}. */
  void cancelFailed(Instrument ins, String clOrdId, KrakenError e) {
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
}
