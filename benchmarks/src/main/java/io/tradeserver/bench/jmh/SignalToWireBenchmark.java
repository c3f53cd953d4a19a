package io.tradeserver.bench.jmh;

import io.tradeserver.bench.load.LoadOptions;
import io.tradeserver.bench.load.Venue;
import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Side;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process part of "signal to exchange", through the real engine and a real adapter (Binance
 * on one symbol, or Kraken): signal JSON bytes are parsed by the NATS bridge's codec, offered to a
 * host-driven TradeServer, deduped, routed, sized and risk-checked, created and sent by the order
 * manager, and the adapter builds, signs and hands the AddOrder request to OkHttp.
 *
 * <ul>
 *   <li>{@code toSend}: until the engine thread's {@code doWork()} returns, the signed request
 *       handed to OkHttp's dispatcher (everything on the engine thread).
 *   <li>{@code toIoThread}: until OkHttp's I/O thread holds the signed request at the start of its
 *       interceptor chain, i.e. also the thread handoff to the dispatcher's thread.
 * </ul>
 *
 * REST is answered in-process by an interceptor with the mock venue's answers (no socket); the
 * WebSocket streams connect to a loopback mock and stay quiet. The order path and configuration are
 * the load test's ({@link Venue}). Between operations (not timed) the previous order's ack is
 * applied and the order canceled, so the engine stays in steady state. Kraken orders rotate over
 * 2048 pairs because the adapter enforces Kraken's per-pair trading counter (180 orders per pair at
 * once at the Pro tier); warm-up uses every pair, so first-use costs (limits, buckets, caches per
 * instrument) stay out of the measurement, but costs that grow with the number of instruments
 * traded stay in. Goal: p99 &lt;= 20 us.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SignalToWireBenchmark {
  private static final int PAIRS = 2048;

  /**
   * {@code binance}: one symbol, REST; {@code binance-ws}: the same through Binance's WebSocket API
   * ({@code orderEntry = WEBSOCKET}, the signed {@code order.place} frame handed to OkHttp's
   * WebSocket writer, the mock answering over loopback); {@code kraken}: 2048 pairs (see the class
   * comment).
   */
  @Param({"binance", "binance-ws", "kraken"})
  public String venue;

  private String exchange;

  private String price;
  private String quantity;
  private List<String> symbols;

  private MockServer streams;
  private InProcessVenue rest;
  private TradeServer ts;
  private TradeServerBuilder.Sink sink;
  private final List<Instrument> instruments = new ArrayList<>();
  private final ConcurrentLinkedQueue<OrderAccepted> acks = new ConcurrentLinkedQueue<>();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean balances;
  // With WebSocket order entry an order before the order connection is up is refused as never
  // sent (VENUE_UNAVAILABLE): set up waits for it. REST needs no connection up front.
  private volatile boolean orderPathUp;
  private volatile List<Instrument> loaded;
  private long seq;
  private byte[] json;
  private boolean pending;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    boolean ws = venue.equals("binance-ws");
    exchange = ws ? "binance" : venue;
    LoadOptions o =
        LoadOptions.parse(
            "--exchange",
            exchange,
            "--pairs",
            Integer.toString(PAIRS),
            "--fills",
            "false",
            "--order-entry",
            ws ? "websocket" : "rest");
    Venue v = Venue.of(exchange);
    MockServer.Handler mock = v.newMock(o);
    rest =
        new InProcessVenue(
            mock, exchange.equals("kraken") ? "/0/private/AddOrder" : "/api/v3/order");
    streams = new MockServer(rest, 0);
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(rest).build();
    VenueConfig vc = v.config(streams.baseUrl(), o);
    price = v.price().toString();
    quantity = v.quantity().toString();
    symbols = v.symbols(o);
    TradeServerBuilder b = TradeServer.builder().clock(Clock.system()).httpClient(http);
    sink = b.sink();
    ExchangeContext ctx = b.venueContext(vc).toBuilder().listener(this::onVenueEvent).build();
    ExchangeClient client = provider(exchange).create(ctx);
    ts = b.venue(client, vc).build();
    ts.connect();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    if (!ws) {
      orderPathUp = true;
    }
    while (loaded == null || !balances || !orderPathUp) {
      ts.doWork();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(exchange + " adapter did not start");
      }
    }
    for (String s : symbols) {
      instruments.add(loaded.stream().filter(i -> i.symbol().equals(s)).findFirst().orElseThrow());
    }
    injectBooks();
    nextSignal();
  }

  private static ExchangeClientProvider provider(String id) {
    for (ExchangeClientProvider p : ServiceLoader.load(ExchangeClientProvider.class)) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalStateException("no provider " + id);
  }

  /** The adapter's events: noted here (off the engine thread), then passed to the engine. */
  private void onVenueEvent(VenueEvent e) {
    if (e instanceof OrderAccepted a) {
      acks.add(a);
    } else if (e instanceof OrderRejected || e instanceof SubmitUnknown) {
      failures.incrementAndGet();
    } else if (e instanceof InstrumentsLoaded l) {
      loaded = l.instruments();
    } else if (e instanceof Balances) {
      balances = true;
    } else if (e instanceof ConnectionEvent c
        && c.channel() == Channel.ORDER_ENTRY
        && c.state() == ConnectionState.CONNECTED) {
      orderPathUp = true;
    }
    sink.onEvent(e);
  }

  /** Fresh two-sided books for every pair (the risk engine refuses stale ones). */
  @Setup(Level.Iteration)
  public void injectBooks() {
    long now = Clock.system().nanos();
    for (Instrument in : instruments) {
      OrderBook book = OrderBook.of(in);
      long mid = in.price(price).unitsAt(in.priceScale());
      for (int i = 1; i <= 5; i++) {
        book.set(Side.BUY, mid - i, 1_000_000_000L);
        book.set(Side.SELL, mid + i, 1_000_000_000L);
      }
      sink.onEvent(new BookUpdate(exchange, book.snapshot(5, now), now));
    }
    drain();
  }

  /** Not timed: the last order's ack is applied and the order canceled; the next JSON is built. */
  @Setup(Level.Invocation)
  public void settle() {
    if (!pending) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    OrderAccepted ack;
    while ((ack = acks.poll()) == null) {
      if (failures.get() > 0 || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the order was not accepted ("
                + failures
                + " venue failures, engine rejects "
                + ts.status().rejectsByReason()
                + ")");
      }
      ts.doWork();
    }
    drain();
    long now = Clock.system().nanos();
    sink.onEvent(
        new OrderCanceled(
            exchange, ack.instrumentId(), ack.clientOrderId(), ack.exchangeOrderId(), now));
    drain();
    pending = false;
    nextSignal();
  }

  private void drain() {
    while (ts.doWork() > 0) {
      Thread.onSpinWait();
    }
  }

  private void nextSignal() {
    long n = seq++;
    String symbol = symbols.get((int) (n % symbols.size()));
    json =
        ("{\"signalId\":\"jmh"
                + n
                + "\",\"strategy\":\"bench\",\"symbol\":\""
                + symbol
                + "\",\"side\":\""
                + ((n & 1) == 0 ? "BUY" : "SELL")
                + "\",\"type\":\"LIMIT\",\"quantity\":\""
                + quantity
                + "\",\"price\":\""
                + price
                + "\",\"exchange\":\""
                + exchange
                + "\",\"timeInForce\":\"GTC\",\"timestamp\":"
                + System.currentTimeMillis()
                + "}")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public int toSend() {
    ts.offer(signal(json));
    pending = true;
    return ts.doWork();
  }

  @Benchmark
  public long toIoThread() {
    long before = rest.orders();
    ts.offer(signal(json));
    pending = true;
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (rest.orders() == before) {
      ts.doWork();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no order reached the wire (" + failures + " failures)");
      }
    }
    pending = true;
    return rest.lastOrderNanos();
  }

  /** The NATS bridge's codec: exact decimals, every field validated. */
  private static io.tradeserver.model.Signal signal(byte[] json) {
    io.tradeserver.nats.SignalJson.Result r = io.tradeserver.nats.SignalJson.parse(json, null);
    if (r instanceof io.tradeserver.nats.SignalJson.Parsed p) {
      return p.signal();
    }
    throw new IllegalStateException("benchmark signal refused: " + r);
  }

  /** New-order requests the venue has received. */
  long ordersAtVenue() {
    return rest.orders();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ts.close();
    streams.close();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures + " orders failed: results are not valid");
    }
  }
}
