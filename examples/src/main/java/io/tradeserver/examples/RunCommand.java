package io.tradeserver.examples;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeserver.config.ConfigLoader;
import io.tradeserver.config.ConfigWatcher;
import io.tradeserver.config.MetricsSettings;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.nats.NatsBridge;
import io.tradeserver.time.Clock;
import io.tradeserver.time.ExecutorScheduler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./tradeserver run --config FILE [--report FILE]}: the service. Venues, credentials and
 * limits come from the configuration file (secrets resolved from references), signals from NATS,
 * events go to NATS. The file is watched: valid risk and venue changes apply while running, an
 * invalid file is refused and the old configuration stays. With {@code metrics.enabled} the meters
 * are kept and, with a {@code prometheusPort}, served at {@code /metrics}. A venue refusing its key
 * triggers one credential re-fetch. Runs until {@link #stop()} or SIGTERM / Ctrl-C; then it stops
 * taking signals, closes the bridge and the venues, and writes the run report if asked. A status
 * line is logged every 10 s.
 */
final class RunCommand {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
  private final Path configFile;
  private final Path reportFile;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile TradeServer server;

  RunCommand(Path configFile, Path reportFile) {
    this.configFile = configFile;
    this.reportFile = reportFile;
  }

  int run() throws Exception {
    TradeServerConfig cfg = ConfigLoader.load(configFile);
    if (!cfg.nats().enabled()) {
      throw new IllegalArgumentException(
          configFile + ": nats.enabled must be true for 'run' (signals come from NATS)");
    }
    Clock clock = Clock.system();
    NatsBridge bridge = NatsBridge.create(cfg.nats(), clock);
    MetricsSettings m = cfg.metrics();
    PrometheusMeterRegistry registry =
        m.enabled() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
    ReportRecorder report = new ReportRecorder();
    Thread hook = new Thread(this::stop, "tradeserver-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    TradeServerBuilder builder = cfg.apply(TradeServer.builder().clock(clock));
    if (registry != null) {
      m.tags().forEach((k, v) -> registry.config().commonTags(k, v));
      builder.meterRegistry(registry);
    }
    try (ExecutorScheduler timer = new ExecutorScheduler("tradeserver-config");
        KeyRotation keys = new KeyRotation(cfg);
        PrometheusEndpoint scrape =
            registry == null || m.prometheusPort() == 0
                ? null
                : PrometheusEndpoint.start(
                    registry, new InetSocketAddress(m.prometheusHost(), m.prometheusPort()));
        TradeServer ts = builder.listener(bridge).listener(keys).listener(report).build()) {
      server = ts;
      keys.attach(ts);
      ts.start();
      if (!ts.awaitReady(Duration.ofSeconds(30))) {
        log.warn("not every venue is ready after 30 s: {}", ts.status().venues());
      }
      bridge.start(ts);
      long started = clock.nanos();
      try (ConfigWatcher watcher = ConfigWatcher.start(configFile, cfg, ts, timer, null)) {
        log.info(
            "TradeServer running: venues {}, NATS {} (prefix {}), watching {}{}",
            ts.venues(),
            cfg.nats().url().replaceAll("//[^@/]*@", "//"),
            cfg.nats().prefix(),
            configFile,
            scrape == null ? "" : ", metrics at " + scrape.uri());
        for (long seconds = 1; !stopped.await(1, TimeUnit.SECONDS); seconds++) {
          StatusSnapshot s = ts.status();
          report.sample((clock.nanos() - started) / 1e9, s); // the report's P&L curve
          if (seconds % 10 == 0) {
            log.info(StatusLine.format(s));
          }
        }
      }
      log.info("stopping: no new signals; closing the NATS bridge and venues");
      bridge.close();
      if (reportFile != null) {
        StatusSnapshot last = ts.freshStatus().get(5, TimeUnit.SECONDS);
        double ran = (clock.nanos() - started) / 1e9;
        report.sample(ran, last);
        ReportHtml.write(
            ReportData.of(
                "TradeServer service run",
                ran,
                last,
                report,
                new MetricsView(
                    registry != null
                        ? registry
                        : new io.micrometer.core.instrument.simple.SimpleMeterRegistry())),
            reportFile);
        log.info("run report written to {}", reportFile);
      }
      return 0;
    } finally {
      server = null;
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  /** Asks a running service to stop (also what SIGTERM does). */
  void stop() {
    stopped.countDown();
  }

  /** The running TradeServer, or null. */
  TradeServer server() {
    return server;
  }
}
