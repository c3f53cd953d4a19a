package io.tradeserver.kraken.internal;

import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Side;
import java.util.zip.CRC32;

/**
 * One Kraken v2 L2 book: levels applied as they come, truncated to the subscribed depth after each
 * message (Kraken sends no deletes for levels that fall out of scope), and verified against
 * Kraken's CRC32 of the top 10 levels. The checksum string is, per docs.kraken.com "Book checksum
 * (WebSocket v2)": for the 10 best asks (low to high) then the 10 best bids (high to low), price
 * then qty, each formatted with the pair's decimals, with the decimal point and leading zeros
 * removed — which is exactly the decimal digits of the value in units at that scale, so no string
 * is built. Owned by the stream's handler thread; not thread-safe.
 */
final class KrakenBook {
  static final int CHECKSUM_LEVELS = 10;

  final Market market;
  final int subscribedDepth;
  final int publishDepth;
  private final OrderBook book;
  private final CRC32 crc = new CRC32();
  private final byte[] digits = new byte[20];
  private boolean awaitingSnapshot = true;

  KrakenBook(Market market, int subscribedDepth, int publishDepth) {
    this.market = market;
    this.subscribedDepth = subscribedDepth;
    this.publishDepth = publishDepth;
    this.book = OrderBook.of(market.instrument());
  }

  /** Kraken's book depths: the smallest that covers {@code depth} and the 10 checksum levels. */
  static int krakenDepth(int depth) {
    for (int d : new int[] {10, 25, 100, 500, 1000}) {
      if (d >= depth) {
        return d;
      }
    }
    return 1000;
  }

  boolean awaitingSnapshot() {
    return awaitingSnapshot;
  }

  /** Forgets every level and ignores updates until the next snapshot. */
  void reset() {
    book.clear();
    awaitingSnapshot = true;
  }

  void startSnapshot() {
    book.clear();
    awaitingSnapshot = false;
  }

  int priceScale() {
    return book.priceScale();
  }

  int quantityScale() {
    return book.quantityScale();
  }

  /** Sets a level in units at the book's scales; zero quantity removes it. */
  void set(Side side, long priceUnits, long quantityUnits) {
    book.set(side, priceUnits, quantityUnits);
  }

  /** Drops levels beyond the subscribed depth, as Kraken expects after every message. */
  void truncate() {
    book.truncate(subscribedDepth);
  }

  /** Kraken's CRC32 over the current top 10 levels, as an unsigned 32-bit value. */
  long checksum() {
    crc.reset();
    side(Side.SELL);
    side(Side.BUY);
    return crc.getValue();
  }

  BookSnapshot snapshot(long nowNanos) {
    book.updatedNanos(nowNanos);
    return book.snapshot(publishDepth, nowNanos);
  }

  private void side(Side side) {
    int n = Math.min(CHECKSUM_LEVELS, book.depth(side));
    for (int i = 0; i < n; i++) {
      digits(Decimals.rescale(book.priceAt(side, i), book.priceScale(), market.pairDecimals()));
      digits(
          Decimals.rescale(book.quantityAt(side, i), book.quantityScale(), market.lotDecimals()));
    }
  }

  /** Feeds the decimal digits of a positive value (no leading zeros) to the CRC. */
  private void digits(long v) {
    int at = digits.length;
    while (v > 0) {
      digits[--at] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    crc.update(digits, at, digits.length - at);
  }
}
