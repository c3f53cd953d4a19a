package io.tradeserver.event;

import io.tradeserver.model.Fill;
import io.tradeserver.model.Quantity;

/**
 * An execution. {@code cumulativeQuantity} is the venue's total filled for the order after this
 * fill, or null when the venue does not say.
 */
public record FillReport(String venue, Fill fill, Quantity cumulativeQuantity, long timeNanos)
    implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onFillReport(this);
  }
}
