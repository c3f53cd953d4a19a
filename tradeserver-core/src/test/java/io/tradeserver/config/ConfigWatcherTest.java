package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
  static final String BASE =
      "{'venues': {'sim-a': {'provider': 'sim', 'symbols': ['BTC-USDT']},"
          + " 'sim-b': {'provider': 'sim', 'symbols': ['BTC-USDT']},"
          + " 'sim-c': {'provider': 'sim', 'enabled': false}},"
          + " 'risk': {'global': {'maxOrderNotional': 'LIMIT'}}}";

  @TempDir Path dir;
  Path file;
  final TestClock clock = new TestClock();
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final RecordingListener events = new RecordingListener();
  final List<String> heard = new ArrayList<>();
  TradeServer server;
  ConfigWatcher watcher;
  int signals;

  final ConfigReloadListener listener =
      new ConfigReloadListener() {
        @Override
        public void onApplied(
            TradeServerConfig config, List<String> applied, List<String> restartRequired) {
          heard.add("applied " + applied + " restart " + restartRequired);
        }

        @Override
        public void onRefused(List<ConfigProblem> problems) {
          heard.add("refused " + problems);
        }
      };

  @BeforeEach
  void start() throws IOException {
    file = dir.resolve("tradeserver.json");
    write(BASE.replace("LIMIT", "5000"));
    ConfigLoader loader = ConfigLoaderTest.loader(Map.of());
    TradeServerConfig config = loader.read(file);
    server =
        config
            .apply(
                TradeServer.builder().clock(clock).scheduler(scheduler).listener(events),
                ConfigLoaderTest.RESOLVERS)
            .build();
    server.connect();
    for (int i = 0; i < 5; i++) {
      server.doWork();
      clock.advance(Duration.ofMillis(100));
    }
    server.doWork();
    watcher = ConfigWatcher.create(file, config, server, loader, listener);
  }

  @AfterEach
  void stop() {
    watcher.close();
    server.close();
  }

  void write(String json) throws IOException {
    Files.writeString(file, json.replace('\'', '"'));
  }

  /** Runs the engine until the outcome's commands are done. */
  List<ControlResult> settle(ReloadOutcome o) {
    for (int i = 0; i < 10 && !o.completion().isDone(); i++) {
      server.doWork();
    }
    assertThat(o.completion()).isDone();
    return o.completion().join();
  }

  List<RiskEvent> riskEvents() {
    return events.of(RiskEvent.class).stream()
        .filter(e -> e.kind() != RiskEvent.Kind.DENIAL)
        .toList();
  }

  RejectCode trade(String venue) {
    events.clear();
    Signal s =
        Signal.builder()
            .signalId("s" + ++signals)
            .symbol("BTC-USDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity("0.01")
            .exchange(venue)
            .build();
    assertThat(server.offer(s)).isEqualTo(OfferResult.ACCEPTED);
    for (int i = 0; i < 5; i++) {
      server.doWork();
    }
    return events.of(RiskEvent.class).stream()
        .filter(e -> e.kind() == RiskEvent.Kind.DENIAL)
        .map(RiskEvent::code)
        .findFirst()
        .orElse(null);
  }

  @Test
  void aValidFileSwapsRiskAndVenueSwitchesOnTheEngineThread() throws IOException {
    assertThat(trade("sim-a")).isNull();
    events.clear();
    write(BASE.replace("LIMIT", "100").replace("'sim-b': {", "'sim-b': {'enabled': false, "));

    ReloadOutcome o = watcher.check();

    assertThat(o.status()).isEqualTo(ReloadOutcome.Status.APPLIED);
    assertThat(o.applied()).containsExactly("venues.sim-b.enabled=false", "risk");
    assertThat(o.restartRequired()).isEmpty();
    assertThat(settle(o)).extracting(ControlResult::ok).containsExactly(true, true);
    assertThat(riskEvents())
        .extracting(RiskEvent::kind, RiskEvent::venue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RiskEvent.Kind.VENUE_DISABLED, "sim-b"),
            org.assertj.core.groups.Tuple.tuple(RiskEvent.Kind.LIMITS_RELOADED, null));
    assertThat(watcher.current().risk().global().maxOrderNotional())
        .isEqualByComparingTo(new BigDecimal("100"));
    assertThat(trade("sim-a")).isEqualTo(RejectCode.NOTIONAL_ABOVE_LIMIT);
    assertThat(trade("sim-b")).isEqualTo(RejectCode.VENUE_UNAVAILABLE);
    assertThat(heard).containsExactly("applied [venues.sim-b.enabled=false, risk] restart []");

    // Unchanged content: nothing happens again.
    assertThat(watcher.check().status()).isEqualTo(ReloadOutcome.Status.UNCHANGED);
  }

  @Test
  void anInvalidFileIsRefusedPublishedAndTheOldConfigStays() throws IOException {
    TradeServerConfig before = watcher.current();
    events.clear();
    write(
        BASE.replace("'LIMIT'", "'-1', 'maxOrderQty': '1'")
            .replace("'sim-b': {", "'sim-b': {'enabled': false, "));

    ReloadOutcome o = watcher.check();

    assertThat(o.status()).isEqualTo(ReloadOutcome.Status.REFUSED);
    assertThat(o.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "risk.global.maxOrderNotional: must be > 0, was -1",
            "risk.global.maxOrderQty: unknown field (did you mean maxOrderQuantity?); known:"
                + " [maxGrossExposure, maxNetExposure, maxOpenOrders, maxOrderNotional,"
                + " maxOrderQuantity, maxPosition, maxSlippageBps, ordersPerSecond,"
                + " priceCollarBps, requireBalances, roundToRules, staleAfterMillis]");
    assertThat(settle(o)).extracting(ControlResult::ok).containsExactly(false);
    List<RiskEvent> published = riskEvents();
    assertThat(published)
        .extracting(RiskEvent::kind)
        .containsExactly(RiskEvent.Kind.LIMITS_REFUSED);
    assertThat(published.get(0).detail())
        .startsWith("config tradeserver.json refused: risk.global.maxOrderNotional: must be > 0");
    assertThat(heard).containsExactly("refused " + o.problems());
    assertThat(watcher.current()).isSameAs(before);
    // Still the old limits and switches: 5000 allows the order, sim-b still trades.
    assertThat(trade("sim-a")).isNull();
    assertThat(trade("sim-b")).isNull();
    // The same bad content is refused once, not on every poll.
    assertThat(watcher.check().status()).isEqualTo(ReloadOutcome.Status.UNCHANGED);
  }

  @Test
  void changesThatCannotApplyWhileRunningAreReportedAsNeedingARestart() throws IOException {
    write(
        BASE.replace("LIMIT", "5000")
            .replace(
                "'sim-c': {'provider': 'sim', 'enabled': false}",
                "'sim-c': {'provider': 'sim', 'enabled': true}")
            .replace(
                "'sim-a': {'provider': 'sim', ", "'sim-a': {'provider': 'sim', 'bookDepth': 5, ")
            .replace("'risk'", "'nats': {'url': 'nats://10.1.1.1:4222'}, 'risk'"));

    ReloadOutcome o = watcher.check();

    assertThat(o.status()).isEqualTo(ReloadOutcome.Status.APPLIED);
    assertThat(o.applied()).isEmpty();
    assertThat(o.restartRequired())
        .containsExactly(
            "nats",
            "venues.sim-a (settings other than enabled)",
            "venues.sim-c.enabled (the venue was not started)");
    assertThat(settle(o)).isEmpty();
    assertThat(watcher.current().nats().url()).isEqualTo("nats://10.1.1.1:4222");
  }

  @Test
  void theSchedulerPollsTheFileWithoutSleeping() throws IOException {
    watcher.schedule(scheduler, Duration.ofSeconds(1));
    write(BASE.replace("LIMIT", "100"));
    scheduler.advance(Duration.ofMillis(999));
    assertThat(heard).isEmpty();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(heard).containsExactly("applied [risk] restart []");
    watcher.close();
    write(BASE.replace("LIMIT", "200"));
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(heard).hasSize(1);
  }

  @Test
  void aMissingFileIsRefusedOnce() throws IOException {
    Files.delete(file);
    ReloadOutcome o = watcher.check();
    assertThat(o.status()).isEqualTo(ReloadOutcome.Status.REFUSED);
    assertThat(o.problems()).extracting(ConfigProblem::message).containsExactly("no such file");
    assertThat(watcher.check().status()).isEqualTo(ReloadOutcome.Status.UNCHANGED);
    CompletableFuture<List<ControlResult>> done = o.completion();
    settle(o);
    assertThat(done).isDone();
  }
}
