package io.tradeserver.kucoin.internal;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.Backoff;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public market data: level-2 books on {@code /market/level2:{symbol}} kept by {@link BookSync},
 * snapshots from REST, resync with {@code VenueAlert(BOOK_RESYNC)} on any gap or reconnect.
 * Thread-safe: each book is guarded by its own monitor.
 */
final class MarketData implements KucoinSocket.Sink {
  private static final Logger log = LoggerFactory.getLogger(MarketData.class);
  static final String LEVEL2 = "/market/level2:";

  private final KucoinRest rest;
  private final Emitter out;
  private final Scheduler scheduler;
  private final boolean fullSnapshot;
  private final Function<KucoinSocket.Sink, KucoinSocket> socketFactory;
  private final Backoff backoff = Backoff.defaults();
  private final Map<String, BookSync> books = new ConcurrentHashMap<>();
  private KucoinSocket socket;
  private boolean closed;

  MarketData(
      KucoinRest rest,
      Emitter out,
      Scheduler scheduler,
      boolean fullSnapshot,
      Function<KucoinSocket.Sink, KucoinSocket> socketFactory) {
    this.rest = rest;
    this.out = out;
    this.scheduler = scheduler;
    this.fullSnapshot = fullSnapshot;
    this.socketFactory = socketFactory;
  }

  /** Starts (or extends) the public stream with this book. Idempotent per symbol. */
  void subscribeBook(Instrument instrument, int depth) {
    books.computeIfAbsent(instrument.nativeSymbol(), s -> new BookSync(instrument, depth));
    KucoinSocket s = socket();
    if (s != null) {
      s.subscribe(LEVEL2 + instrument.nativeSymbol());
    }
  }

  private synchronized KucoinSocket socket() {
    if (closed) {
      return null;
    }
    if (socket == null) {
      socket = socketFactory.apply(this);
      socket.start();
    }
    return socket;
  }

  synchronized void close() {
    closed = true;
    if (socket != null) {
      socket.close();
    }
  }

  @Override
  public void onWelcome(KucoinSocket.Start start) {
    if (start != KucoinSocket.Start.AFTER_GAP) {
      return;
    }
    for (BookSync b : books.values()) {
      synchronized (b) {
        b.awaitSubscription();
      }
      out.alert(AlertKind.BOOK_RESYNC, b.instrument.nativeSymbol() + ": stream reconnected", 0);
    }
  }

  @Override
  public void onSubscribed(String topic) {
    BookSync b = topic.startsWith(LEVEL2) ? books.get(topic.substring(LEVEL2.length())) : null;
    if (b == null) {
      return;
    }
    long gen;
    synchronized (b) {
      if (!b.onSubscribed()) {
        return;
      }
      gen = b.generation();
    }
    fetchSnapshot(b, gen, 0);
  }

  @Override
  public void onSubscribeFailed(String topic, String detail) {
    BookSync b = topic.startsWith(LEVEL2) ? books.remove(topic.substring(LEVEL2.length())) : null;
    out.requestFailed(
        RequestKind.SUBSCRIBE, b == null ? null : b.instrument.id(), null, false, detail);
  }

  @Override
  public void onMessage(StreamParse.Header h, String text) {
    String topic = h.topic();
    BookSync b =
        topic != null && topic.startsWith(LEVEL2)
            ? books.get(topic.substring(LEVEL2.length()))
            : null;
    if (b == null) {
      return;
    }
    StreamParse.L2Increment inc;
    try {
      inc = StreamParse.level2(text, b.instrument.priceScale(), b.instrument.quantityScale());
    } catch (IOException | RuntimeException e) {
      log.warn("{} unreadable level2 update for {}: {}", out.venue, topic, e.getMessage());
      resync(b, "unreadable update");
      return;
    }
    BookSync.Result r;
    BookSnapshot snap = null;
    long gen;
    synchronized (b) {
      r = b.onIncrement(inc);
      gen = b.generation();
      if (r == BookSync.Result.UPDATED) {
        snap = b.snapshot(out.now());
      }
    }
    if (snap != null) {
      out.emit(new BookUpdate(out.venue, snap, out.now()));
    } else if (r == BookSync.Result.GAP) {
      out.alert(AlertKind.BOOK_RESYNC, gapDetail(b, inc), 0);
      fetchSnapshot(b, gen, 0);
    }
  }

  private static String gapDetail(BookSync b, StreamParse.L2Increment inc) {
    return b.instrument.nativeSymbol() + ": sequence gap, update starts at " + inc.sequenceStart();
  }

  private void resync(BookSync b, String why) {
    long gen;
    synchronized (b) {
      if (b.state() == BookSync.State.AWAITING_SUBSCRIPTION) {
        return;
      }
      b.restartSnapshot();
      gen = b.generation();
    }
    out.alert(AlertKind.BOOK_RESYNC, b.instrument.nativeSymbol() + ": " + why, 0);
    fetchSnapshot(b, gen, 0);
  }

  private void fetchSnapshot(BookSync b, long gen, int attempt) {
    if (attempt == 0) {
      requestSnapshot(b, gen, 0);
    } else {
      scheduler.schedule(backoff.delayNanos(attempt - 1), () -> requestSnapshot(b, gen, attempt));
    }
  }

  private void requestSnapshot(BookSync b, long gen, int attempt) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    synchronized (b) {
      if (b.generation() != gen) {
        return;
      }
    }
    Endpoint ep = fullSnapshot ? Endpoint.BOOK_FULL : Endpoint.BOOK_TOP_100;
    Instrument i = b.instrument;
    rest.send(
        ep,
        ep.path + "?symbol=" + i.nativeSymbol(),
        null,
        MarketParse.book(i.priceScale(), i.quantityScale()),
        new RestCallback<>() {
          @Override
          public void onSuccess(MarketParse.BookLevels levels) {
            onSnapshot(b, gen, attempt, levels);
          }

          @Override
          public void onError(VenueError error) {
            snapshotFailed(b, gen, attempt, error.describe());
          }

          @Override
          public void onFailure(IOException e, boolean notSent) {
            snapshotFailed(b, gen, attempt, e.toString());
          }

          @Override
          public void onThrottled(long waitNanos) {
            snapshotFailed(b, gen, attempt, "rate-limited locally");
          }
        });
  }

  private void onSnapshot(BookSync b, long gen, int attempt, MarketParse.BookLevels levels) {
    BookSync.Result r;
    BookSnapshot snap = null;
    long newGen;
    synchronized (b) {
      r = b.onSnapshot(gen, levels, out.now());
      newGen = b.generation();
      if (r == BookSync.Result.UPDATED) {
        snap = b.snapshot(out.now());
      }
    }
    if (snap != null) {
      out.emit(new BookUpdate(out.venue, snap, out.now()));
    } else if (r == BookSync.Result.GAP) {
      out.alert(
          AlertKind.BOOK_RESYNC,
          b.instrument.nativeSymbol() + ": snapshot " + levels.sequence() + " older than updates",
          0);
      fetchSnapshot(b, newGen, attempt + 1);
    }
  }

  private void snapshotFailed(BookSync b, long gen, int attempt, String detail) {
    out.requestFailed(RequestKind.BOOK_SNAPSHOT, b.instrument.id(), null, true, detail);
    fetchSnapshot(b, gen, attempt + 1);
  }

  /** Book state for tests and status. */
  BookSync.State bookState(String symbol) {
    BookSync b = books.get(symbol);
    if (b == null) {
      return null;
    }
    synchronized (b) {
      return b.state();
    }
  }
}
