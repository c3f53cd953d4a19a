package io.tradeserver.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code ./tradeserver demo}: the embedded default (DESIGN §7). Three simulated venues share one
 * simulated market with small price offsets, latencies and injected faults; an in-process generator
 * sends signals; the real risk engine and order manager trade them. A status line every second, a
 * summary at the end, and exit code 1 if any position disagrees with its fills.
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
    DemoRecorder recorder = new DemoRecorder();
    try (TradeServer ts = build(recorder, List.of())) {
      return run(ts, recorder);
    }
  }

  /** Venues, risk limits and engine settings of the embedded demo. */
  static TradeServer.Builder defaults(DemoRecorder recorder, List<TradeServerListener> extra) {
    TradeServer.Builder b =
        TradeServer.builder()
            .risk(demoRisk())
            .engineConfig(EngineConfig.defaults())
            .listener(recorder);
    extra.forEach(b::listener);
    int[] offsets = {0, 4, -4};
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
              .takerFeeBps(new java.math.BigDecimal(i == 1 ? "7.5" : "10"))
              .build());
    }
    return b;
  }

  private TradeServer build(DemoRecorder recorder, List<TradeServerListener> extra) {
    if (options.config() != null) {
      throw new IllegalArgumentException("--config is not supported by this build yet");
    }
    return defaults(recorder, extra).build();
  }

  static RiskConfig demoRisk() {
    RiskConfig r =
        RiskConfig.defaults()
            .withGlobal(
                Limits.builder()
                    .maxOrderNotional("5000")
                    .maxOpenOrders(25)
                    .priceCollarBps(200)
                    .build())
            .withStrategyRate("demo", 2_000);
    for (String v : VENUES) {
      r =
          r.withInstrument(v + ":BTC-USDT", Limits.builder().maxPosition("0.25").build())
              .withInstrument(v + ":ETH-USDT", Limits.builder().maxPosition("5").build());
    }
    return r;
  }

  int run(TradeServer ts, DemoRecorder recorder) throws Exception {
    long started = clock.nanos();
    ts.start();
    waitUntil(
        Duration.ofSeconds(10),
        () ->
            ts.status().venues().stream().allMatch(v -> v.instruments() > 0)
                && ts.status().venues().size() == VENUES.size(),
        "venues did not load instruments");
    out.println(
        "TradeServer demo: venues "
            + ts.venues()
            + ", "
            + options.signalsPerSecond()
            + " signals/s for "
            + options.duration().toSeconds()
            + "s");
    long end = clock.nanos() + options.duration().toNanos();
    SignalGenerator gen =
        new SignalGenerator(
            ts::offer,
            clock,
            options.signalsPerSecond(),
            end,
            VENUES,
            recorder.lastPrices(),
            options.seed());
    Thread genThread = new Thread(gen, "demo-signals");
    genThread.setDaemon(true);
    genThread.start();
    long second = 1;
    while (genThread.isAlive()) {
      genThread.join(Math.max(1, (started + second * 1_000_000_000L - clock.nanos()) / 1_000_000));
      if (clock.nanos() >= started + second * 1_000_000_000L) {
        out.println(StatusLine.format(second++, ts.freshStatus().get(5, TimeUnit.SECONDS)));
      }
    }
    return finish(ts, recorder, gen, started);
  }

  private int finish(TradeServer ts, DemoRecorder recorder, SignalGenerator gen, long started)
      throws Exception {
    waitUntil(Duration.ofSeconds(10), () -> ts.signalBacklog() == 0, "signals still queued");
    int cancels = ts.cancelAll(null).get(5, TimeUnit.SECONDS);
    waitUntil(
        Duration.ofSeconds(10),
        () -> fresh(ts).openOrders() == 0,
        "orders still open after cancel-all");
    StatusSnapshot last = fresh(ts);
    ts.close();
    Duration ran = Duration.ofNanos(clock.nanos() - started);
    ObjectNode json = Summary.json(last, recorder, ran, gen.sent());
    json.put("cancelsAtEnd", cancels);
    out.println("Summary:");
    out.println(Summary.text(json));
    if (options.summaryJson() != null) {
      Summary.write(json, options.summaryJson());
      out.println("summary written to " + options.summaryJson());
    }
    boolean ok = json.get("positionsMatchFills").asBoolean();
    if (!ok) {
      out.println("ERROR: positions do not equal the net of their fills");
    }
    return ok ? 0 : 1;
  }

  private static StatusSnapshot fresh(TradeServer ts) {
    try {
      return ts.freshStatus().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not answer a status request", e);
    }
  }

  private static void waitUntil(Duration timeout, BooleanSupplier condition, String failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure + " within " + timeout);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }
}
