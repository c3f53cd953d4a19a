package io.tradeserver.bench.load;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.IdleStrategy;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Side;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The whole path ({@code --mode engine}): a signal offered to a started TradeServer goes through
 * dedupe, risk and the order manager to the adapter and the wire; done when the order's first venue
 * answer reaches the listener (ACCEPTED, or FILLED when the stream fill wins the race; a REJECTED
 * or UNKNOWN order is an error).
 *
 * <p>Market data is injected: the mock venues do not stream books, so a feeder thread offers each
 * instrument's book to the engine's venue sink once a second (two-sided, mid at the order price),
 * exactly as an adapter's book stream would. Balances come from the adapter (the mock answers the
 * balance endpoint).
 */
final class EngineClient implements LoadClient, TradeServerListener {
  private final Venue venue;
  private final VenueConfig config;
  private final OkHttpClient http;
  private final LoadOptions options;
  private final CountDownLatch instrumentsLoaded = new CountDownLatch(1);
  private final CountDownLatch balancesKnown = new CountDownLatch(1);
  private final CountDownLatch firstBooks = new CountDownLatch(1);
  private final OrderPathReady orderPath;
  private final Map<String, Instrument> bySymbol = new HashMap<>();
  private final BitSet answered = new BitSet(); // engine thread only
  private String[] symbols;
  private TradeServer ts;
  private TradeServerBuilder.Sink sink;
  private Thread feeder;
  private volatile boolean closed;
  private volatile Completion current;

  EngineClient(Venue venue, VenueConfig config, OkHttpClient http, LoadOptions options) {
    this.venue = venue;
    this.config = config;
    this.http = http;
    this.options = options;
    this.orderPath = new OrderPathReady(config);
  }

  @Override
  public String name() {
    return "tradeserver-engine";
  }

  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public void start() throws Exception {
    TradeServerBuilder b =
        TradeServer.builder()
            .clock(Clock.system())
            .engineConfig(EngineConfig.defaults())
            .venue(config)
            .listener(this)
            .httpClient(http)
            .idleStrategy(
                options.idle().equals("spin") ? IdleStrategy.busySpin() : IdleStrategy.backoff());
    sink = b.sink();
    ts = b.build();
    ts.start();
    if (!instrumentsLoaded.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("instruments not loaded within 60 s");
    }
    List<String> wanted = venue.symbols(options);
    List<Instrument> instruments = new ArrayList<>();
    synchronized (bySymbol) {
      for (String s : wanted) {
        Instrument in = bySymbol.get(s);
        if (in == null) {
          throw new IllegalStateException(config.venue() + " does not list " + s);
        }
        instruments.add(in);
      }
    }
    symbols = wanted.toArray(new String[0]);
    feeder = new Thread(() -> feedBooks(instruments), "bench-market-data");
    feeder.setDaemon(true);
    feeder.start();
    if (!balancesKnown.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("balances not reported within 60 s");
    }
    if (!firstBooks.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no books fed within 60 s");
    }
    orderPath.await(config.venue());
    // A step runs commands before it dispatches venue events: the first status may be taken
    // before the books queued with it are applied, the second comes a step later, after them.
    ts.freshStatus().get(10, TimeUnit.SECONDS);
    ts.freshStatus().get(10, TimeUnit.SECONDS);
  }

  /** One book per instrument per second, like a quiet market: a few levels around the price. */
  private void feedBooks(List<Instrument> instruments) {
    while (!closed) {
      long now = Clock.system().nanos();
      for (Instrument in : instruments) {
        OrderBook book = OrderBook.of(in);
        long mid = venue.price().unitsAt(in.priceScale());
        long tick = in.tickSize().unitsAt(in.priceScale());
        long qty = venue.quantity().unitsAt(in.quantityScale()) * 1000;
        for (int i = 1; i <= 5; i++) {
          book.set(Side.BUY, mid - i * tick, qty);
          book.set(Side.SELL, mid + i * tick, qty);
        }
        sink.onEvent(new BookUpdate(config.venue(), book.snapshot(5, now), now));
      }
      firstBooks.countDown();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void place(long seq, int slot, Completion done) {
    current = done;
    String symbol = symbols[(int) (seq % symbols.length)];
    OfferResult r =
        ts.offer(LoadOrders.signal(seq, config.venue(), symbol, venue.price(), venue.quantity()));
    if (r != OfferResult.ACCEPTED) {
      done.done(seq, "offer " + r);
    }
  }

  @Override
  public void onOrder(Order o) {
    long seq = Ids.seq(o.signalId());
    if (seq < 0) {
      return;
    }
    OrderStatus s = o.status();
    String error;
    if (s == OrderStatus.ACCEPTED || s == OrderStatus.PARTIALLY_FILLED || s == OrderStatus.FILLED) {
      error = null;
    } else if (s == OrderStatus.REJECTED) {
      error = "REJECTED " + o.reason();
    } else if (s == OrderStatus.UNKNOWN) {
      error = "UNKNOWN";
    } else {
      return; // PENDING_NEW, SUBMITTED
    }
    answer(seq, error);
  }

  @Override
  public void onSignalRejected(SignalRejected r) {
    long seq = Ids.seq(r.signalId());
    if (seq >= 0) {
      answer(seq, "signal rejected " + r.reason());
    }
  }

  private void answer(long seq, String error) {
    if (seq > Integer.MAX_VALUE || answered.get((int) seq)) {
      return;
    }
    answered.set((int) seq);
    Completion c = current;
    if (c != null) {
      c.done(seq, error);
    }
  }

  @Override
  public void onRiskEvent(RiskEvent e) {
    if (e.kind() != RiskEvent.Kind.DENIAL) {
      System.err.println("engine risk event: " + e);
    }
  }

  @Override
  public void onVenueEvent(VenueEvent e) {
    orderPath.onEvent(e);
    if (e instanceof InstrumentsLoaded l) {
      synchronized (bySymbol) {
        for (Instrument in : l.instruments()) {
          bySymbol.put(in.symbol(), in);
        }
      }
      instrumentsLoaded.countDown();
    } else if (e instanceof Balances) {
      balancesKnown.countDown();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (feeder != null) {
      feeder.interrupt();
    }
    if (ts != null) {
      ts.close();
    }
  }
}
