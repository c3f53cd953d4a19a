package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;

/** A public trade on the venue (market data, not ours). */
public record TradeTick(
    String venue,
    InstrumentId instrumentId,
    String tradeId,
    Price price,
    Quantity quantity,
    Side aggressor,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onTradeTick(this);
  }
}
