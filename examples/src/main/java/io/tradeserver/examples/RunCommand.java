package io.tradeserver.examples;

import io.tradeserver.config.ConfigLoader;
import io.tradeserver.config.ConfigWatcher;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.nats.NatsBridge;
import io.tradeserver.time.Clock;
import io.tradeserver.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./tradeserver run --config FILE}: the service. Venues, credentials and limits come from
 * the configuration file (secrets resolved from references), signals from NATS, events go to NATS.
 * The file is watched: valid risk and venue changes apply while running, an invalid file is refused
 * and the old configuration stays. Runs until {@link #stop()} or SIGTERM / Ctrl-C, then stops
 * taking signals, closes the bridge and the venues. A status line is logged every 10 s.
 */
final class RunCommand {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
  private final Path configFile;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile TradeServer server;

  RunCommand(Path configFile) {
    this.configFile = configFile;
  }

  int run() throws Exception {
    TradeServerConfig cfg = ConfigLoader.load(configFile);
    if (!cfg.nats().enabled()) {
      throw new IllegalArgumentException(
          configFile + ": nats.enabled must be true for 'run' (signals come from NATS)");
    }
    Clock clock = Clock.system();
    NatsBridge bridge = NatsBridge.create(cfg.nats(), clock);
    Thread hook = new Thread(this::stop, "tradeserver-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (ExecutorScheduler timer = new ExecutorScheduler("tradeserver-config");
        KeyRotation keys = new KeyRotation(cfg);
        TradeServer ts =
            cfg.apply(TradeServer.builder().clock(clock)).listener(bridge).listener(keys).build()) {
      server = ts;
      keys.attach(ts);
      ts.start();
      if (!ts.awaitReady(Duration.ofSeconds(30))) {
        log.warn("not every venue is ready after 30 s: {}", ts.status().venues());
      }
      bridge.start(ts);
      try (ConfigWatcher watcher = ConfigWatcher.start(configFile, cfg, ts, timer, null)) {
        log.info(
            "TradeServer running: venues {}, NATS {} (prefix {}), watching {}",
            ts.venues(),
            cfg.nats().url().replaceAll("//[^@/]*@", "//"),
            cfg.nats().prefix(),
            configFile);
        while (!stopped.await(10, TimeUnit.SECONDS)) {
          StatusSnapshot s = ts.status();
          log.info(StatusLine.format(s));
        }
      }
      log.info("stopping: no new signals; closing the NATS bridge and venues");
      bridge.close();
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
