package io.tradeserver.binance.internal;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;

/**
 * One-off public market-data requests (rest-api.md "Market data endpoints"): the 24 h ticker and a
 * REST depth snapshot. Each answers with exactly one event, or one {@code RequestFailed}. A
 * snapshot taken here is its own {@link DepthData}: it never reaches a local book that {@link
 * BookSync} keeps for a subscription. Thread-safe; events are emitted on OkHttp threads.
 */
final class MarketRequests {
  /** {@code GET /api/v3/ticker/24hr} with one {@code symbol}. */
  static final int TICKER_WEIGHT = 2;

  /**
   * The classic depth limits; any value 1..5000 is accepted, and the weight steps at 100/500/1000.
   */
  private static final int[] DEPTH_LIMITS = {5, 10, 20, 50, 100, 500, 1000, 5000};

  private final RestTransport rest;
  private final Emitter out;

  MarketRequests(RestTransport rest, Emitter out) {
    this.rest = rest;
    this.out = out;
  }

  /** One {@code Ticker} from {@code GET /api/v3/ticker/24hr} (FULL: bid, ask, last, volume). */
  void ticker(Instrument inst) {
    rest.send(
        RestTransport.Spec.get(
            "/api/v3/ticker/24hr", TICKER_WEIGHT, false, p -> p.add("symbol", inst.nativeSymbol())),
        new BodyHandler(
            body -> out.emit(RestParse.ticker(body, inst, out.venue(), out.now())),
            (detail, retryable) ->
                out.requestFailed(RequestKind.TICKER, inst.id(), null, retryable, detail)));
  }

  /**
   * One {@code BookUpdate} with the top {@code depth} levels per side from {@code GET
   * /api/v3/depth}, asking for the smallest documented limit that covers {@code depth}.
   *
   * @throws IllegalArgumentException when {@code depth < 1}
   */
  void book(Instrument inst, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, was " + depth);
    }
    rest.send(
        depth(inst, depthLimit(depth)),
        new BodyHandler(
            body -> {
              DepthData d = StreamParse.snapshot(body, inst);
              long now = out.now();
              out.emit(BookUpdate.requested(out.venue(), d.snapshot(inst, depth, now), now));
            },
            (detail, retryable) ->
                out.requestFailed(RequestKind.BOOK_SNAPSHOT, inst.id(), null, retryable, detail)));
  }

  /** The smallest of 5, 10, 20, 50, 100, 500, 1000, 5000 that is at least {@code depth}. */
  static int depthLimit(int depth) {
    for (int limit : DEPTH_LIMITS) {
      if (limit >= depth) {
        return limit;
      }
    }
    return DEPTH_LIMITS[DEPTH_LIMITS.length - 1]; // the venue's maximum
  }

  /** {@code GET /api/v3/depth?symbol=&limit=}, weighted 5/25/50/250 by limit. */
  static RestTransport.Spec depth(Instrument inst, int limit) {
    int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    return RestTransport.Spec.get(
        "/api/v3/depth",
        weight,
        false,
        p -> p.add("symbol", inst.nativeSymbol()).add("limit", limit));
  }
}
