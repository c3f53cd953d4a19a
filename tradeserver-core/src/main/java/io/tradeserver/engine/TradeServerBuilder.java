package io.tradeserver.engine;

import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import io.tradeserver.time.ExecutorScheduler;
import io.tradeserver.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/** Builds a {@link TradeServer}: clock, engine and risk settings, listeners, venues. */
/** Builds a {@link TradeServer}. */
public final class TradeServerBuilder {
  private Clock clock = Clock.system();
  private EngineConfig engineConfig = EngineConfig.defaults();
  private RiskConfig risk = RiskConfig.defaults();
  private final List<TradeServerListener> listeners = new ArrayList<>();
  private final List<Object[]> venues = new ArrayList<>(); // {VenueConfig, ExchangeClient or null}
  private OkHttpClient http;
  private Scheduler scheduler;
  private IdleStrategy idle = IdleStrategy.backoff();
  private io.micrometer.core.instrument.MeterRegistry meterRegistry;
  private ArbitrageConfig arbitrage;
  private io.tradeserver.config.RoutingSettings routing;

  public TradeServerBuilder clock(Clock v) {
    clock = v;
    return this;
  }

  public TradeServerBuilder engineConfig(EngineConfig v) {
    engineConfig = v;
    return this;
  }

  public TradeServerBuilder risk(RiskConfig v) {
    risk = v;
    return this;
  }

  public TradeServerBuilder listener(TradeServerListener v) {
    listeners.add(v);
    return this;
  }

  /** A venue created from its configuration by the provider named in it (ServiceLoader). */
  public TradeServerBuilder venue(VenueConfig config) {
    venues.add(new Object[] {config, null});
    return this;
  }

  /**
   * A venue you built yourself. It must send its events to {@link #sink()}'s listener; use {@link
   * #venueContext(VenueConfig)} to get a context wired to the engine.
   */
  public TradeServerBuilder venue(ExchangeClient client, VenueConfig config) {
    venues.add(new Object[] {config, client});
    return this;
  }

  public TradeServerBuilder httpClient(OkHttpClient v) {
    http = v;
    return this;
  }

  /** Timer for adapters; by default one daemon thread owned by the TradeServer. */
  public TradeServerBuilder scheduler(Scheduler v) {
    scheduler = v;
    return this;
  }

  public TradeServerBuilder idleStrategy(IdleStrategy v) {
    idle = v;
    return this;
  }

  /**
   * Publishes TradeServer's metrics (latencies, orders, fills, rejects, positions, P&L, rate
   * limits, reconnects, resyncs, inbox depth; see {@link io.tradeserver.metrics.MetricNames}) to
   * {@code registry}. Without one (the default) no metric is kept and Micrometer, an optional
   * dependency, need not be on the classpath.
   */
  public TradeServerBuilder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
    meterRegistry = registry;
    return this;
  }

  /**
   * How signals without a venue are routed: the configuration file's {@code routing} section
   * (candidate venues in preference order, fees counted or not, oldest usable book). By default
   * every venue, fees counted, books as fresh as risk requires.
   */
  public TradeServerBuilder routing(io.tradeserver.config.RoutingSettings settings) {
    routing = settings;
    return this;
  }

  /**
   * Watches every symbol listed on two or more venues for cross-venue arbitrage, publishing {@link
   * TradeServerListener#onArbitrage} and, with {@code autoExecute}, trading the pairs. Off by
   * default.
   */
  public TradeServerBuilder arbitrage(ArbitrageConfig config) {
    arbitrage = config;
    return this;
  }

  private final Sink sink = new Sink();

  /**
   * The engine's event sink, for clients built outside (see {@link #venue(ExchangeClient,
   * VenueConfig)}).
   */
  public Sink sink() {
    return sink;
  }

  /** A context wired to this builder's clock, scheduler, HTTP client and engine sink. */
  public ExchangeContext venueContext(VenueConfig config) {
    ensureShared();
    return ExchangeContext.builder()
        .config(config)
        .listener(sink::onEvent)
        .clock(clock)
        .scheduler(scheduler)
        .httpClient(http)
        .build();
  }

  private Scheduler owned;

  private void ensureShared() {
    if (http == null) {
      http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    }
    if (scheduler == null) {
      owned = new ExecutorScheduler("tradeserver-timer");
      scheduler = owned;
    }
  }

  /**
   * @throws IllegalArgumentException when a venue's provider is missing or its configuration is
   *     invalid, naming every problem
   */
  public TradeServer build() {
    ensureShared();
    VenueAssembly venuesBuilt = VenueAssembly.assemble(venues, this);
    Engine engine = new Engine(clock, engineConfig, risk, venuesBuilt.states(), listeners);
    if (arbitrage != null) {
      engine.arbitrage(arbitrage);
    }
    if (routing != null) {
      engine.router.configure(routing);
    }
    if (meterRegistry != null) {
      engine.stats.metrics = Metrics.bind(meterRegistry, engine, venuesBuilt.clients());
    }
    sink.engine = engine;
    return new TradeServer(engine, venuesBuilt.clients(), idle, owned, venuesBuilt.factories());
  }

  /** Forwards adapter events to the engine once it exists. */
  public static final class Sink {
    private volatile Engine engine;

    public void onEvent(io.tradeserver.event.VenueEvent e) {
      Engine en = engine;
      if (en == null) {
        throw new IllegalStateException("event before the TradeServer was built: " + e);
      }
      en.onVenueEvent(e);
    }
  }
}
