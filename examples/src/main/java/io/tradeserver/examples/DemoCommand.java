package io.tradeserver.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradeserver.config.ConfigLoader;
import io.tradeserver.config.DemoSettings;
import io.tradeserver.config.NatsSettings;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.engine.ArbitrageConfig;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.nats.NatsBridge;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code ./tradeserver demo}: the embedded default (DESIGN §7). Three simulated venues share one
 * simulated market with small price offsets, latencies and injected faults; an in-process generator
 * sends signals (directly, or through NATS with {@code --nats}); the real risk engine and order
 * manager trade them. {@code --config FILE} takes venues, limits and the demo section from a
 * configuration file instead. The router places signals without a venue and the arbitrage detector
 * watches the venues' books (the embedded venues are priced far enough apart, and cheap enough, for
 * sim-c → sim-b opportunities, traded in small pairs). A status line every second read from the
 * metrics, a summary at the end, {@code --report FILE} writes an HTML run report, and exit code 1
 * if any position disagrees with its fills.
 */
final class DemoCommand {
  static final List<String> VENUES = List.of("sim-a", "sim-b", "sim-c");
  private final Options options;
  private final PrintStream out;
  private final Clock clock = Clock.system();

  DemoCommand(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  int run() throws Exception {
    TradeServerConfig cfg = options.config() == null ? null : ConfigLoader.load(options.config());
    DemoSettings demo = cfg == null ? DemoSettings.defaults() : cfg.demo();
    NatsSettings nats = natsSettings(cfg);
    DemoRecorder recorder = new DemoRecorder();
    ReportRecorder report = new ReportRecorder();
    MetricsView metrics = new MetricsView(new SimpleMeterRegistry());
    NatsBridge bridge = nats == null ? null : NatsBridge.create(nats, clock);
    List<TradeServerListener> extra = bridge == null ? List.of() : List.of(bridge);
    TradeServerBuilder builder =
        cfg == null ? defaults(recorder, extra) : cfg.apply(TradeServer.builder());
    if (cfg != null) {
      builder.listener(recorder);
      extra.forEach(builder::listener);
    }
    builder.listener(report).meterRegistry(metrics.registry());
    try (TradeServer ts = builder.build();
        NatsSignals natsOut = bridge == null ? null : new NatsSignals(nats)) {
      ts.start();
      if (!ts.awaitReady(Duration.ofSeconds(10))) {
        throw new IllegalStateException(
            "venues not ready (instruments and books) within 10s: " + ts.status().venues());
      }
      if (bridge != null) {
        bridge.start(ts);
        out.println(
            "signals from and events to NATS at " + nats.url() + " (prefix " + nats.prefix() + ")");
      }
      List<String> venues = List.copyOf(ts.venues());
      int rate =
          options.signalsPerSecond() != null ? options.signalsPerSecond() : demo.signalsPerSecond();
      Duration duration = options.duration() != null ? options.duration() : demo.duration();
      long seed = options.seed() != null ? options.seed() : demo.seed();
      out.println(
          "TradeServer demo: venues "
              + venues
              + ", "
              + rate
              + " signals/s for "
              + duration.toSeconds()
              + "s");
      SignalGenerator gen =
          new SignalGenerator(
              natsOut == null ? ts::offer : natsOut::publish,
              clock,
              rate,
              clock.nanos() + duration.toNanos(),
              venues,
              demo.symbols(),
              demo.strategy(),
              recorder.lastPrices(),
              seed);
      int code = run(ts, recorder, gen, report, metrics);
      if (bridge != null) {
        bridge.close();
      }
      return code;
    }
  }

  private NatsSettings natsSettings(TradeServerConfig cfg) {
    if (options.natsUrl() != null) {
      return (cfg == null ? NatsSettings.defaults() : cfg.nats()).withUrl(options.natsUrl());
    }
    return cfg != null && cfg.nats().enabled() ? cfg.nats() : null;
  }

  /** Venues, risk limits and engine settings of the embedded demo. */
  static TradeServerBuilder defaults(DemoRecorder recorder, List<TradeServerListener> extra) {
    TradeServerBuilder b =
        TradeServer.builder().risk(demoRisk()).listener(recorder).arbitrage(demoArbitrage());
    extra.forEach(b::listener);
    int[] offsets = {0, 12, -12};
    String[] fees = {"10", "4", "6"};
    int[] latencies = {1, 2, 4};
    for (int i = 0; i < VENUES.size(); i++) {
      b.venue(
          VenueConfig.builder("sim")
              .venue(VENUES.get(i))
              .option("priceOffsetBps", Integer.toString(offsets[i]))
              .option("latencyMillis", Integer.toString(latencies[i]))
              .option("seed", Integer.toString(100 + i))
              .option("rejectPpm", i == 2 ? "3000" : "0")
              .option("timeoutPpm", i == 2 ? "2000" : "0")
              .takerFeeBps(new BigDecimal(fees[i]))
              .build());
    }
    return b;
  }

  /** Opportunities above 5 bps after fees, traded in pairs of at most 250 USDT every 2 s. */
  static ArbitrageConfig demoArbitrage() {
    return ArbitrageConfig.builder()
        .thresholdBps("5")
        .minInterval(Duration.ofSeconds(2))
        .autoExecute(true)
        .maxNotional("250")
        .build();
  }

  static RiskConfig demoRisk() {
    RiskConfig r =
        RiskConfig.defaults()
            .withGlobal(
                Limits.builder()
                    .maxOrderNotional("5000")
                    .maxOpenOrders(25)
                    .priceCollarBps(200)
                    .roundToRules(true)
                    .build())
            .withStrategyRate("demo", 2_000);
    for (String v : VENUES) {
      r =
          r.withInstrument(v + ":BTC-USDT", Limits.builder().maxPosition("0.25").build())
              .withInstrument(v + ":ETH-USDT", Limits.builder().maxPosition("5").build());
    }
    return r;
  }

  private int run(
      TradeServer ts,
      DemoRecorder recorder,
      SignalGenerator gen,
      ReportRecorder report,
      MetricsView metrics)
      throws Exception {
    long started = clock.nanos();
    Thread genThread = new Thread(gen, "demo-signals");
    genThread.setDaemon(true);
    genThread.start();
    long second = 1;
    long sample = 0;
    long quarter = 250_000_000L;
    while (genThread.isAlive()) {
      genThread.join(Math.max(1, (started + (sample + 1) * quarter - clock.nanos()) / 1_000_000));
      long now = clock.nanos();
      if (now >= started + (sample + 1) * quarter) {
        sample = (now - started) / quarter;
        report.sample((now - started) / 1e9, ts.status()); // the P&L curve, 4 points a second
      }
      if (now >= started + second * 1_000_000_000L) {
        out.println(StatusLine.format(second++, fresh(ts), metrics));
      }
    }
    // Signals sent through NATS are still on their way: wait until the engine has them all.
    waitUntil(
        Duration.ofSeconds(20),
        () -> fresh(ts).signals() >= gen.sent() && ts.signalBacklog() == 0,
        "signals still in flight");
    int cancels = ts.cancelAll(null).get(5, TimeUnit.SECONDS);
    waitUntil(
        Duration.ofSeconds(10),
        () -> fresh(ts).openOrders() == 0,
        "orders still open after cancel-all");
    StatusSnapshot last = fresh(ts);
    report.sample((clock.nanos() - started) / 1e9, last);
    ts.close();
    Duration ran = Duration.ofNanos(clock.nanos() - started);
    ObjectNode json = Summary.json(last, recorder, ran, gen.sent());
    Summary.arbitrage(json, last, report);
    json.put("cancelsAtEnd", cancels);
    out.println("Summary:");
    out.println(Summary.text(json));
    if (options.summaryJson() != null) {
      Summary.write(json, options.summaryJson());
      out.println("summary written to " + options.summaryJson());
    }
    if (options.report() != null) {
      String title = "TradeServer demo run";
      ReportHtml.write(
          ReportData.of(title, ran.toMillis() / 1000.0, last, report, metrics), options.report());
      out.println("report written to " + options.report());
    }
    boolean ok = json.get("positionsMatchFills").asBoolean();
    if (!ok) {
      out.println("ERROR: positions do not equal the net of their fills");
    }
    return ok ? 0 : 1;
  }

  static StatusSnapshot fresh(TradeServer ts) {
    try {
      return ts.freshStatus().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not answer a status request", e);
    }
  }

  static void waitUntil(Duration timeout, BooleanSupplier condition, String failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure + " within " + timeout);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }
}
