package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Instrument;
import java.util.function.Consumer;

/**
 * One-off public market data over REST: {@code GET /0/public/Ticker} answers with one {@code
 * Ticker}, {@code GET /0/public/Depth} with one {@code BookUpdate} holding its own snapshot (a
 * subscribed WebSocket book is never touched). Every request ends in exactly one of those events or
 * one {@code RequestFailed}. Public calls are unsigned and do not count against the per-key REST
 * counter (Kraken limits them per IP). Thread-safe; answers arrive on OkHttp threads.
 */
final class MarketDataRequests {
  /** Depth's {@code count} is 1..500 levels per side (docs.kraken.com "Get Order Book"). */
  static final int MAX_DEPTH_COUNT = 500;

  private final AdapterCore core;

  MarketDataRequests(AdapterCore core) {
    this.core = core;
  }

  void requestTicker(Instrument instrument) {
    Market m = market(instrument, RequestKind.TICKER);
    if (m == null) {
      return;
    }
    get(
        "Ticker",
        pairQuery(m),
        m,
        RequestKind.TICKER,
        t -> core.emit(MarketDataParse.ticker(core.venue, m, t, core.now())));
  }

  /**
   * Depth with {@code count} = {@code depth} capped at {@link #MAX_DEPTH_COUNT}; the answer is
   * truncated to that many levels per side in any case.
   *
   * @throws IllegalArgumentException when {@code depth < 1}
   */
  void requestBook(Instrument instrument, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1, was " + depth);
    }
    Market m = market(instrument, RequestKind.BOOK_SNAPSHOT);
    if (m == null) {
      return;
    }
    int count = depthCount(depth);
    StringBuilder q = new StringBuilder(pairQuery(m));
    Form.add(q, "count", count);
    get(
        "Depth",
        q.toString(),
        m,
        RequestKind.BOOK_SNAPSHOT,
        d -> {
          long now = core.now();
          core.emit(BookUpdate.requested(core.venue, MarketDataParse.depth(m, d, count, now), now));
        });
  }

  /** The {@code count} sent for a requested depth: the depth itself, at most 500. */
  static int depthCount(int depth) {
    return Math.min(depth, MAX_DEPTH_COUNT);
  }

  /** {@code pair=<altname>}, the name Kraken's documentation sends; the answer is keyed anyway. */
  private static String pairQuery(Market m) {
    StringBuilder q = new StringBuilder(24);
    Form.add(q, "pair", m.altname());
    return q.substring(1);
  }

  private void get(
      String method, String query, Market m, RequestKind kind, Consumer<JsonNode> onEntry) {
    core.rest.publicGet(
        method,
        query,
        core.publicHandler(
            method,
            result -> {
              JsonNode entry = MarketDataParse.pairEntry(result, m);
              if (entry == null) {
                failed(kind, m.instrument(), false, method + " answer has no " + m.pairKey());
              } else {
                onEntry.accept(entry);
              }
            },
            e -> failed(kind, m.instrument(), e.retryable(), e.toString())));
  }

  /** The loaded market for {@code instrument}, or null after a RequestFailed. */
  private Market market(Instrument instrument, RequestKind kind) {
    Market m = core.markets.byId(instrument.id());
    if (m == null) {
      // Before AssetPairs has loaded the pair may still appear; an unknown pair will not.
      boolean loaded = !core.markets.isEmpty();
      failed(kind, instrument, !loaded, loaded ? "unknown pair" : "instruments not loaded yet");
    }
    return m;
  }

  private void failed(RequestKind kind, Instrument instrument, boolean retryable, String detail) {
    core.emit(
        new RequestFailed(core.venue, kind, instrument.id(), null, retryable, detail, core.now()));
  }
}
