package io.tradeserver.bench.load;

import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.time.Clock;
import io.tradeserver.time.ExecutorScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * TradeServer's adapter on its own ({@code --mode adapter}): the provider found by ServiceLoader,
 * {@code submit(OrderRequest)} per order, done when the adapter reports {@code OrderAccepted} (or a
 * rejection / unknown outcome).
 */
final class AdapterClient implements LoadClient, VenueListener {
  private final Venue venue;
  private final VenueConfig config;
  private final OkHttpClient http;
  private final LoadOptions options;
  private final ExecutorScheduler scheduler = new ExecutorScheduler("bench-adapter-timer");
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final OrderPathReady orderPath;
  private final Map<String, Instrument> bySymbol = new HashMap<>();
  private Instrument[] instruments;
  private ExchangeClient client;
  private volatile Completion current;
  private volatile long lastLog;

  AdapterClient(Venue venue, VenueConfig config, OkHttpClient http, LoadOptions options) {
    this.venue = venue;
    this.config = config;
    this.http = http;
    this.options = options;
    this.orderPath = new OrderPathReady(config);
  }

  @Override
  public String name() {
    return "tradeserver-adapter";
  }

  @Override
  public boolean blocking() {
    return false;
  }

  @Override
  public void start() throws Exception {
    ExchangeClientProvider provider = null;
    for (ExchangeClientProvider p : ServiceLoader.load(ExchangeClientProvider.class)) {
      if (p.id().equals(config.provider())) {
        provider = p;
      }
    }
    if (provider == null) {
      throw new IllegalStateException("no provider " + config.provider() + " on the classpath");
    }
    ExchangeContext ctx =
        ExchangeContext.builder()
            .config(config)
            .listener(this)
            .clock(Clock.system())
            .scheduler(scheduler)
            .httpClient(http)
            .build();
    client = provider.create(ctx);
    client.start();
    if (!loaded.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(config.venue() + ": instruments not loaded within 60 s");
    }
    List<Instrument> list = new ArrayList<>();
    synchronized (bySymbol) {
      for (String s : venue.symbols(options)) {
        Instrument in = bySymbol.get(s);
        if (in == null) {
          throw new IllegalStateException(config.venue() + " does not list " + s);
        }
        list.add(in);
      }
    }
    instruments = list.toArray(new Instrument[0]);
    orderPath.await(config.venue());
  }

  @Override
  public void place(long seq, int slot, Completion done) {
    current = done;
    Instrument in = instruments[(int) (seq % instruments.length)];
    client.submit(LoadOrders.request(seq, in, venue.price(), venue.quantity()));
  }

  @Override
  public void onEvent(VenueEvent e) {
    orderPath.onEvent(e);
    if (e instanceof OrderAccepted a) {
      complete(a.clientOrderId(), null);
    } else if (e instanceof OrderRejected r) {
      complete(r.clientOrderId(), "rejected " + r.code() + " " + r.venueCode());
    } else if (e instanceof SubmitUnknown u) {
      complete(u.clientOrderId(), "unknown outcome");
    } else if (e instanceof InstrumentsLoaded l) {
      synchronized (bySymbol) {
        for (Instrument in : l.instruments()) {
          bySymbol.put(in.symbol(), in);
        }
      }
      loaded.countDown();
    } else if (e instanceof RequestFailed || e instanceof VenueAlert) {
      long now = System.nanoTime();
      if (now - lastLog > 1_000_000_000L) {
        lastLog = now;
        System.err.println("adapter: " + e);
      }
    }
  }

  private void complete(String clientOrderId, String error) {
    Completion c = current;
    long seq = Ids.seq(clientOrderId);
    if (c != null && seq >= 0) {
      c.done(seq, error);
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    scheduler.close();
  }
}
