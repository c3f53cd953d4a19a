package io.tradeserver.kucoin.internal;

import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Side;
import java.util.ArrayDeque;

/**
 * One symbol's local level-2 book, kept in sync exactly as KuCoin documents for {@code
 * /market/level2} (https://www.kucoin.com/docs-new/3470068w0, "calibration procedure"): cache the
 * increments, take a REST snapshot, replay the cache, then apply each increment whose {@code
 * sequenceStart <= sequence + 1} and {@code sequenceEnd > sequence}; an increment entirely at or
 * below the book's sequence is discarded, one starting beyond {@code sequence + 1} is a gap. Within
 * an increment, a change whose own sequence is at or below the book's is ignored, a price of 0 only
 * advances the sequence, a size of 0 removes the level.
 *
 * <p>Not thread-safe by itself: {@link MarketData} calls it with the book's monitor held.
 */
final class BookSync {
  /** Where the book is in the procedure. */
  enum State {
    /** Caching increments until KuCoin acknowledges the subscription. */
    AWAITING_SUBSCRIPTION,
    /** Caching increments until the snapshot arrives. */
    AWAITING_SNAPSHOT,
    LIVE
  }

  /** What applying an increment or snapshot did. */
  enum Result {
    /** Nothing visible changed (cached, or older than the book). */
    NONE,
    /** The book changed: publish it. */
    UPDATED,
    /** Continuity was lost: the book was cleared and needs a new snapshot. */
    GAP
  }

  /**
   * Increments cached while waiting; beyond this the oldest are dropped (older than any snapshot).
   */
  static final int MAX_CACHED = 50_000;

  final Instrument instrument;
  final int depth;
  private final OrderBook book;
  private final ArrayDeque<StreamParse.L2Increment> cache = new ArrayDeque<>();
  private State state = State.AWAITING_SUBSCRIPTION;
  private long generation;

  BookSync(Instrument instrument, int depth) {
    this.instrument = instrument;
    this.depth = depth;
    this.book = OrderBook.of(instrument);
  }

  State state() {
    return state;
  }

  /** Identifies the current snapshot attempt; a stale snapshot answer is ignored. */
  long generation() {
    return generation;
  }

  long sequence() {
    return book.sequence();
  }

  /** Subscription acknowledged: a snapshot is wanted when not already live. */
  boolean onSubscribed() {
    if (state != State.AWAITING_SUBSCRIPTION) {
      return false;
    }
    state = State.AWAITING_SNAPSHOT;
    generation++;
    return true;
  }

  /** The stream was lost: the book waits for the new subscription, then resyncs. */
  void awaitSubscription() {
    state = State.AWAITING_SUBSCRIPTION;
    book.clear();
    cache.clear();
    generation++;
  }

  /** Continuity lost while subscribed: cache from now on and take a new snapshot. */
  void restartSnapshot() {
    state = State.AWAITING_SNAPSHOT;
    book.clear();
    generation++;
  }

  Result onIncrement(StreamParse.L2Increment inc) {
    if (state != State.LIVE) {
      if (cache.size() == MAX_CACHED) {
        cache.removeFirst();
      }
      cache.addLast(inc);
      return Result.NONE;
    }
    Result r = apply(inc);
    if (r == Result.GAP) {
      restartSnapshot();
      cache.addLast(inc);
    }
    return r;
  }

  /**
   * Installs a snapshot and replays the cache.
   *
   * @return UPDATED when the book is now live, GAP when the cache does not continue the snapshot
   *     (the snapshot must be taken again), NONE when the snapshot is stale
   */
  Result onSnapshot(long forGeneration, MarketParse.BookLevels s, long nowNanos) {
    if (forGeneration != generation || state != State.AWAITING_SNAPSHOT) {
      return Result.NONE;
    }
    book.clear();
    for (int i = 0; i < s.bidPrices().length; i++) {
      book.set(Side.BUY, s.bidPrices()[i], s.bidSizes()[i]);
    }
    for (int i = 0; i < s.askPrices().length; i++) {
      book.set(Side.SELL, s.askPrices()[i], s.askSizes()[i]);
    }
    book.sequence(s.sequence());
    while (!cache.isEmpty()) {
      StreamParse.L2Increment inc = cache.pollFirst();
      if (apply(inc) == Result.GAP) {
        cache.addFirst(inc);
        restartSnapshot();
        return Result.GAP;
      }
    }
    state = State.LIVE;
    book.updatedNanos(nowNanos);
    return Result.UPDATED;
  }

  private Result apply(StreamParse.L2Increment inc) {
    long seq = book.sequence();
    if (inc.sequenceEnd() <= seq) {
      return Result.NONE;
    }
    if (inc.sequenceStart() > seq + 1) {
      return Result.GAP;
    }
    applySide(Side.SELL, inc.askPrices(), inc.askSizes(), inc.askSeqs(), seq);
    applySide(Side.BUY, inc.bidPrices(), inc.bidSizes(), inc.bidSeqs(), seq);
    book.sequence(inc.sequenceEnd());
    return Result.UPDATED;
  }

  private void applySide(Side side, long[] prices, long[] sizes, long[] seqs, long bookSeq) {
    for (int i = 0; i < prices.length; i++) {
      if (seqs[i] != 0 && seqs[i] <= bookSeq) {
        continue; // already contained in the book
      }
      if (prices[i] == 0) {
        continue; // KuCoin: price 0 only advances the sequence
      }
      book.set(side, prices[i], sizes[i]);
    }
  }

  BookSnapshot snapshot(long nowNanos) {
    book.updatedNanos(nowNanos);
    return book.snapshot(depth, nowNanos);
  }

  int cached() {
    return cache.size();
  }
}
