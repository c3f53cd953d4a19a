package io.tradeserver.kucoin.internal;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.Ticker;
import io.tradeserver.model.Instrument;

/**
 * One-off public market-data requests: a ticker and a REST book snapshot, each one call answered by
 * exactly one event ({@code Ticker} / {@code BookUpdate}) or one {@code RequestFailed}. They share
 * nothing with the subscribed books of {@link MarketData}: a snapshot never touches a live local
 * book. Stateless and thread-safe; events are emitted on OkHttp threads.
 */
final class MarketRequests {
  /** The deepest partial book ({@code level2_100}); deeper needs the signed full book. */
  static final int PARTIAL_BOOK_MAX = 100;

  private final KucoinRest rest;
  private final Emitter out;
  private final boolean signedRequests;

  /**
   * @param signedRequests whether credentials are configured (the full book is a signed request)
   */
  MarketRequests(KucoinRest rest, Emitter out, boolean signedRequests) {
    this.rest = rest;
    this.out = out;
    this.signedRequests = signedRequests;
  }

  /**
   * {@code GET /api/v1/market/orderbook/level1} (Public weight 2): best bid and ask with sizes and
   * the last price in one request. It has no 24 h volume, so {@code volume24h} is null: the only
   * single-symbol source of it, {@code /api/v1/market/stats} (weight 15), lacks the sizes, and a
   * second request would cost 8.5 times the weight for one field.
   */
  void ticker(Instrument i) {
    rest.send(
        Endpoint.TICKER,
        Endpoint.TICKER.path + "?symbol=" + i.nativeSymbol(),
        null,
        MarketParse.ticker(i.priceScale(), i.quantityScale()),
        new ReportingCallback<>(out, RequestKind.TICKER, i.id()) {
          @Override
          public void onSuccess(MarketParse.Ticker t) {
            if (t == null) {
              failed(false, "no ticker for " + i.nativeSymbol());
              return;
            }
            out.emit(
                new Ticker(
                    out.venue,
                    i.id(),
                    t.bestBid(),
                    t.bestBidSize(),
                    t.bestAsk(),
                    t.bestAskSize(),
                    t.last(),
                    null,
                    out.now()));
          }
        });
  }

  /**
   * The top {@code depth} levels from the smallest book that holds them: {@code level2_20}, {@code
   * level2_100}, else the signed full book (only with credentials); truncated to {@code depth}.
   */
  void book(Instrument i, int depth) {
    Endpoint ep = bookEndpoint(depth);
    if (ep.signed && !signedRequests) {
      out.requestFailed(
          RequestKind.BOOK_SNAPSHOT,
          i.id(),
          null,
          false,
          "depth "
              + depth
              + " > "
              + PARTIAL_BOOK_MAX
              + " needs the signed full book: no credentials");
      return;
    }
    rest.send(
        ep,
        ep.path + "?symbol=" + i.nativeSymbol(),
        null,
        MarketParse.book(i.priceScale(), i.quantityScale()),
        new ReportingCallback<>(out, RequestKind.BOOK_SNAPSHOT, i.id()) {
          @Override
          public void onSuccess(MarketParse.BookLevels levels) {
            if (levels == null) {
              failed(false, "no book for " + i.nativeSymbol());
              return;
            }
            long now = out.now();
            out.emit(BookUpdate.requested(out.venue, levels.top(i, depth, now), now));
          }
        });
  }

  /** The smallest book endpoint serving {@code depth} levels. */
  static Endpoint bookEndpoint(int depth) {
    if (depth <= 20) {
      return Endpoint.BOOK_TOP_20;
    }
    return depth <= PARTIAL_BOOK_MAX ? Endpoint.BOOK_TOP_100 : Endpoint.BOOK_FULL;
  }
}
