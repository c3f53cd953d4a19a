package io.tradeserver.event;

import io.tradeserver.model.BookSnapshot;

/**
 * The top of a venue's order book: after an update of the local book a subscription keeps (a
 * snapshot, so a lost update never leaves a hole), or, with {@code requested}, a one-off REST
 * snapshot answering {@code ExchangeClient.requestBook}. A requested snapshot may be older than the
 * stream and cut to a few levels, so the engine publishes it to listeners but never lets it replace
 * the book that risk and marking read.
 */
public record BookUpdate(String venue, BookSnapshot book, long timeNanos, boolean requested)
    implements VenueEvent {
  /** An update of a subscribed local book. */
  public BookUpdate(String venue, BookSnapshot book, long timeNanos) {
    this(venue, book, timeNanos, false);
  }

  /** A one-off snapshot answering {@code requestBook}. */
  public static BookUpdate requested(String venue, BookSnapshot book, long timeNanos) {
    return new BookUpdate(venue, book, timeNanos, true);
  }

  @Override
  public void accept(VenueEventHandler handler) {
    handler.onBookUpdate(this);
  }
}
