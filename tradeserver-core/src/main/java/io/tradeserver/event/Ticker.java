package io.tradeserver.event;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;

/**
 * A venue's ticker for one instrument, answering {@code ExchangeClient.requestTicker}: best bid and
 * ask with their sizes, the last trade, and 24-hour base volume. Any field the venue does not give
 * is null.
 */
public record Ticker(
    String venue,
    InstrumentId instrumentId,
    Price bid,
    Quantity bidQuantity,
    Price ask,
    Quantity askQuantity,
    Price last,
    Quantity volume24h,
    long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onTicker(this);
  }
}
