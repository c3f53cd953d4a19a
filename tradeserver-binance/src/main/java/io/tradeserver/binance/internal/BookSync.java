package io.tradeserver.binance.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Side;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One symbol's local book, kept with Binance's documented procedure (web-socket-streams.md "How to
 * manage a local order book correctly", as corrected 2025-11-12):
 *
 * <ol>
 *   <li>Buffer diff events; note the {@code U} of the first one.
 *   <li>Fetch a depth snapshot; if its {@code lastUpdateId} is below that first {@code U}, fetch
 *       again.
 *   <li>Drop buffered events with {@code u <= lastUpdateId}; the first one left must bracket {@code
 *       lastUpdateId + 1} ({@code U <= lastUpdateId + 1 <= u}).
 *   <li>Apply buffered then live events: ignore {@code u <= local id}; {@code U > local id + 1} is
 *       a gap, so alert {@code BOOK_RESYNC} and start over.
 * </ol>
 *
 * Stream events and snapshot answers arrive on different threads; every method is synchronized.
 */
final class BookSync {
  private static final Logger log = LoggerFactory.getLogger(BookSync.class);
  private static final int MAX_BUFFERED = 10_000;

  /** Fetches a snapshot; answers with {@link #onSnapshot} or {@link #onSnapshotFailed}. */
  interface SnapshotSource {
    void fetch(BookSync book);
  }

  private final Instrument instrument;
  private final OrderBook book;
  private final Emitter out;
  private final SnapshotSource snapshots;
  private final ArrayDeque<DepthData> buffer = new ArrayDeque<>();
  private volatile int depth;
  private boolean live;
  private boolean fetching;
  private long firstBufferedU = -1;

  BookSync(Instrument instrument, int depth, Emitter out, SnapshotSource snapshots) {
    this.instrument = instrument;
    this.book = OrderBook.of(instrument);
    this.depth = depth;
    this.out = out;
    this.snapshots = snapshots;
  }

  Instrument instrument() {
    return instrument;
  }

  void depth(int levels) {
    depth = Math.max(depth, levels);
  }

  synchronized boolean isLive() {
    return live;
  }

  /** A diff event from the stream. */
  synchronized void onEvent(DepthData e) {
    if (!live) {
      buffer(e);
      return;
    }
    if (e.lastUpdateId <= book.sequence()) {
      return; // already applied (e.g. the overlap of a rotated connection)
    }
    if (e.firstUpdateId > book.sequence() + 1) {
      resync("gap: local " + book.sequence() + ", event U=" + e.firstUpdateId, e);
      return;
    }
    apply(e);
    publish();
  }

  /** Continuity is lost (stream reconnected): rebuild from a fresh snapshot. */
  synchronized void restart(String reason) {
    resync(reason, null);
  }

  private void resync(String reason, DepthData first) {
    log.info("{} {} book resync: {}", out.venue(), instrument.symbol(), reason);
    out.alert(AlertKind.BOOK_RESYNC, instrument.symbol() + ": " + reason, 0);
    live = false;
    book.clear();
    buffer.clear();
    firstBufferedU = -1;
    if (first != null) {
      buffer(first);
    }
  }

  private void buffer(DepthData e) {
    if (buffer.size() >= MAX_BUFFERED) {
      buffer.clear();
      firstBufferedU = -1;
    }
    if (buffer.isEmpty()) {
      firstBufferedU = e.firstUpdateId;
    }
    buffer.add(e);
    if (!fetching) {
      fetching = true;
      snapshots.fetch(this);
    }
  }

  /** The snapshot answer. */
  synchronized void onSnapshot(DepthData snapshot) {
    fetching = false;
    if (live) {
      return;
    }
    long id = snapshot.lastUpdateId;
    if (firstBufferedU >= 0 && id < firstBufferedU) {
      // Older than the first buffered event: the events in between are lost to us. Fetch again.
      fetching = true;
      snapshots.fetch(this);
      return;
    }
    while (!buffer.isEmpty() && buffer.peekFirst().lastUpdateId <= id) {
      buffer.pollFirst();
    }
    DepthData first = buffer.peekFirst();
    if (first != null && first.firstUpdateId > id + 1) {
      resync("snapshot " + id + " does not reach first event U=" + first.firstUpdateId, null);
      buffer(first);
      return;
    }
    book.clear();
    for (int i = 0; i < snapshot.bids; i++) {
      book.set(Side.BUY, snapshot.bidPrices[i], snapshot.bidQuantities[i]);
    }
    for (int i = 0; i < snapshot.asks; i++) {
      book.set(Side.SELL, snapshot.askPrices[i], snapshot.askQuantities[i]);
    }
    book.sequence(id);
    live = true;
    while (!buffer.isEmpty()) {
      DepthData e = buffer.pollFirst();
      if (e.lastUpdateId <= book.sequence()) {
        continue;
      }
      if (e.firstUpdateId > book.sequence() + 1) {
        resync("gap in buffered events at U=" + e.firstUpdateId, e);
        return;
      }
      apply(e);
    }
    firstBufferedU = -1;
    publish();
  }

  synchronized void onSnapshotFailed(String detail) {
    fetching = false;
    log.warn("{} {} depth snapshot failed: {}", out.venue(), instrument.symbol(), detail);
  }

  /** Called on a timer after a failed snapshot: fetch again if still waiting for one. */
  synchronized void retrySnapshot() {
    if (!live && !fetching && !buffer.isEmpty()) {
      fetching = true;
      snapshots.fetch(this);
    }
  }

  private void apply(DepthData e) {
    for (int i = 0; i < e.bids; i++) {
      book.set(Side.BUY, e.bidPrices[i], e.bidQuantities[i]);
    }
    for (int i = 0; i < e.asks; i++) {
      book.set(Side.SELL, e.askPrices[i], e.askQuantities[i]);
    }
    book.sequence(e.lastUpdateId);
  }

  private void publish() {
    long now = out.now();
    book.updatedNanos(now);
    out.emit(new BookUpdate(out.venue(), book.snapshot(depth, now), now));
  }
}
