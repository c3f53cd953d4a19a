package io.tradeserver.event;

import io.tradeserver.model.Instrument;
import java.util.List;

/** The venue's instruments with their rules, from its metadata endpoint. */
public record InstrumentsLoaded(String venue, List<Instrument> instruments, long timeNanos)
    implements VenueEvent {
  public InstrumentsLoaded {
    instruments = List.copyOf(instruments);
  }

  @Override
  public void accept(VenueEventHandler handler) {
    handler.onInstrumentsLoaded(this);
  }
}
