package io.tradeserver.engine;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks venues for a signal without one: by the executable price for its quantity from each venue's
 * local book (VWAP to fill), net of the venue's taker fee. Venues without a fresh two-sided book
 * deep enough are not candidates. Engine thread only.
 */
final class Router {
  /** One venue's offer for the signal. */
  record Candidate(VenueState venue, Instrument instrument, BigDecimal effectivePrice) {}

  private final long staleNanos;

  Router(long staleNanos) {
    this.staleNanos = staleNanos;
  }

  /**
   * Candidates best first (lowest effective price to buy, highest to sell).
   *
   * @param quantity the size to price, or null to price the top of book
   */
  List<Candidate> candidates(
      List<VenueState> venues, String symbol, Side side, Quantity quantity, long now) {
    List<Candidate> out = new ArrayList<>(venues.size());
    for (VenueState v : venues) {
      Instrument in = v.instrument(symbol);
      if (in == null || !in.tradable() || !v.trades(symbol)) {
        continue;
      }
      OrderBook book = v.books.get(in.id());
      if (book == null || !book.isTwoSided() || now - book.updatedNanos() > staleNanos) {
        continue;
      }
      BigDecimal price =
          quantity == null
              ? (side == Side.BUY ? book.bestAsk() : book.bestBid()).toBigDecimal()
              : vwap(book, side, quantity);
      if (price == null) {
        continue;
      }
      BigDecimal fee = v.takerFeeBps.movePointLeft(4);
      BigDecimal effective =
          side == Side.BUY
              ? price.multiply(BigDecimal.ONE.add(fee))
              : price.multiply(BigDecimal.ONE.subtract(fee));
      out.add(new Candidate(v, in, effective.setScale(8, RoundingMode.HALF_EVEN)));
    }
    Comparator<Candidate> byPrice = Comparator.comparing(Candidate::effectivePrice);
    out.sort(side == Side.BUY ? byPrice : byPrice.reversed());
    return out;
  }

  private static BigDecimal vwap(OrderBook book, Side side, Quantity quantity) {
    Quantity q = quantity.withScale(Math.max(quantity.scale(), book.quantityScale()));
    if (q.scale() > book.quantityScale()) {
      q = q.withScale(book.quantityScale(), RoundingMode.UP);
    }
    if (!q.isPositive()) {
      return null;
    }
    var p = book.vwap(side, q);
    return p == null ? null : p.toBigDecimal();
  }

  /**
   * "binance@64001.20 (kucoin@64003.10, kraken@64010.00)" — chosen first, then the alternatives.
   */
  static String describe(List<Candidate> candidates, int chosen) {
    StringBuilder sb = new StringBuilder();
    Candidate c = candidates.get(chosen);
    sb.append(c.venue().id)
        .append('@')
        .append(c.effectivePrice().stripTrailingZeros().toPlainString());
    if (candidates.size() > 1) {
      sb.append(" (alternatives:");
      for (int i = 0; i < candidates.size(); i++) {
        if (i != chosen) {
          Candidate a = candidates.get(i);
          sb.append(' ')
              .append(a.venue().id)
              .append('@')
              .append(a.effectivePrice().stripTrailingZeros().toPlainString());
        }
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
