package io.tradeserver.binance.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;

/** Hands events to the host's listener with the venue id and the injected clock. Thread-safe. */
final class Emitter {
  private final String venue;
  private final VenueListener listener;
  private final Clock clock;
  private final ExchangeContext context;

  Emitter(ExchangeContext context) {
    this.context = context;
    this.venue = context.venue();
    this.listener = context.listener();
    this.clock = context.clock();
  }

  String venue() {
    return venue;
  }

  long now() {
    return clock.nanos();
  }

  Clock clock() {
    return clock;
  }

  void emit(VenueEvent e) {
    listener.onEvent(e);
  }

  void alert(AlertKind kind, String detail, long untilNanos) {
    listener.onEvent(new VenueAlert(venue, kind, detail, untilNanos, clock.nanos()));
  }

  void requestFailed(
      RequestKind kind, InstrumentId id, String clientOrderId, boolean retryable, String detail) {
    listener.onEvent(
        new RequestFailed(venue, kind, id, clientOrderId, retryable, detail, clock.nanos()));
  }

  /** An adapter bug (not a venue error): goes to the host's error handler. */
  void bug(Throwable t) {
    context.errorHandler().onError(venue, t);
  }
}
