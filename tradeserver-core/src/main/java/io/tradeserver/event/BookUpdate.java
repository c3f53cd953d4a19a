package io.tradeserver.event;

import io.tradeserver.model.BookSnapshot;

/**
 * The top of a venue's local order book after an update (a snapshot, so a lost update never leaves
 * a hole).
 */
public record BookUpdate(String venue, BookSnapshot book, long timeNanos) implements VenueEvent {
  @Override
  public void accept(VenueEventHandler handler) {
    handler.onBookUpdate(this);
  }
}
