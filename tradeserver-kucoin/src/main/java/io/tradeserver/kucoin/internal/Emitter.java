package io.tradeserver.kucoin.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;

/** Stamps and hands events to the host's listener. Thread-safe. */
final class Emitter {
  final String venue;
  private final VenueListener listener;
  private final Clock clock;

  Emitter(String venue, VenueListener listener, Clock clock) {
    this.venue = venue;
    this.listener = listener;
    this.clock = clock;
  }

  long now() {
    return clock.nanos();
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
}
