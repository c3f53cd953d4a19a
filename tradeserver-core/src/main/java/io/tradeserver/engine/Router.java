package io.tradeserver.engine;

import io.tradeserver.config.RoutingSettings;
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
 * deep enough are not candidates; a venue that told us to pause (rate limit, ban) ranks after every
 * venue that did not, whatever its price. The caller then walks the list best first and takes the
 * first venue risk accepts (a probe: venue enabled, limits, balances), so a disabled or unfunded
 * best venue falls through to the next. Equal prices go to the venue listed first in the configured
 * {@code routing.venues}, else to the first venue configured. Engine thread only.
 */
final class Router {
  /** One venue's offer for the signal. */
  record Candidate(
      VenueState venue,
      Instrument instrument,
      BigDecimal effectivePrice,
      boolean paused,
      int preference) {}

  private long staleNanos;
  private boolean enabled = true;
  private int alternatives = 3;
  private boolean includeFees = true;
  private List<String> venues = List.of();

  /**
   * @param staleNanos a book older than this is not priced (risk's staleness limit by default)
   */
  Router(long staleNanos) {
    this.staleNanos = staleNanos;
  }

  /**
   * Applies the configuration file's {@code routing} section: candidate venues in preference order
   * (empty: all), whether fees count, the oldest usable book. Before any work.
   */
  void configure(RoutingSettings s) {
    enabled = s.enabled();
    alternatives = s.alternatives();
    venues = s.venues();
    includeFees = s.includeFees();
    staleNanos = s.maxBookAge().toNanos();
  }

  /** False when the configuration turned routing off: signals must name their venue. */
  boolean enabled() {
    return enabled;
  }

  /**
   * Candidates best first (lowest effective price to buy, highest to sell).
   *
   * @param quantity the size to price, or null to price the top of book
   */
  List<Candidate> candidates(
      List<VenueState> venues, String symbol, Side side, Quantity quantity, long now) {
    List<Candidate> out = new ArrayList<>(venues.size());
    for (int i = 0; i < venues.size(); i++) {
      VenueState v = venues.get(i);
      int preference = this.venues.isEmpty() ? i : this.venues.indexOf(v.id);
      Instrument in = v.instrument(symbol);
      if (preference < 0 || in == null || !in.tradable() || !v.trades(symbol)) {
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
      BigDecimal fee = includeFees ? v.takerFeeBps.movePointLeft(4) : BigDecimal.ZERO;
      BigDecimal effective =
          side == Side.BUY
              ? price.multiply(BigDecimal.ONE.add(fee))
              : price.multiply(BigDecimal.ONE.subtract(fee));
      int scale = Math.max(8, in.priceScale() + 4);
      out.add(
          new Candidate(
              v,
              in,
              effective.setScale(scale, RoundingMode.HALF_EVEN),
              v.rateLimitedUntilNanos > now,
              preference));
    }
    Comparator<Candidate> byPrice = Comparator.comparing(Candidate::effectivePrice);
    out.sort(
        Comparator.comparing(Candidate::paused)
            .thenComparing(side == Side.BUY ? byPrice : byPrice.reversed())
            .thenComparingInt(Candidate::preference));
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
   * The decision as published in {@code Order.route}: the chosen venue and its effective price
   * (VWAP for the quantity, fee included), then every other candidate in rank order. A
   * better-ranked venue that risk refused is marked {@code refused}, a paused one {@code paused}:
   *
   * <pre>kucoin@64003.1 (alternatives: binance@64001.2 refused, kraken@64010)</pre>
   */
  String describe(List<Candidate> candidates, int chosen) {
    StringBuilder sb = new StringBuilder();
    append(sb, candidates.get(chosen));
    if (candidates.size() > 1 && alternatives > 0) {
      sb.append(" (alternatives: ");
      boolean first = true;
      int listed = 0;
      for (int i = 0; i < candidates.size() && listed < alternatives; i++) {
        if (i != chosen) {
          listed++;
          sb.append(first ? "" : ", ");
          first = false;
          append(sb, candidates.get(i));
          if (i < chosen) {
            sb.append(" refused");
          }
        }
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, Candidate c) {
    sb.append(c.venue().id)
        .append('@')
        .append(c.effectivePrice().stripTrailingZeros().toPlainString());
    if (c.paused()) {
      sb.append(" paused");
    }
  }
}
