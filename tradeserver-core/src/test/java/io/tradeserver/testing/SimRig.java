package io.tradeserver.testing;

import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.model.Price;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.paper.SimExchangeClient;
import io.tradeserver.paper.SimInstrument;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A host-driven TradeServer over several simulated venues that share one {@link SimulatedMarket}
 * (each with its own price offset, depth and fees), on a {@link TestClock}: deterministic tests of
 * routing, arbitrage and metrics. Add venues with {@link #sim}, adjust the builder with {@link
 * #builder()}, then {@link #start()}.
 */
public final class SimRig implements AutoCloseable {
  public final TestClock clock = new TestClock();
  public final RecordingListener rec = new RecordingListener();
  public final SimulatedMarket market = new SimulatedMarket(1, Duration.ofMillis(100));
  private final TradeServerBuilder builder;
  private final Map<String, SimExchangeClient> sims = new LinkedHashMap<>();
  private TradeServer ts;

  public SimRig() {
    builder =
        TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)).listener(rec);
  }

  public TradeServerBuilder builder() {
    return builder;
  }

  /**
   * Adds a simulated venue; {@code tune} adjusts its simulation (offset, fees, balances). The
   * engine's fee schedule for it (routing, arbitrage) is the simulation's.
   */
  public SimExchangeClient sim(String venue, Consumer<SimConfig.Builder> tune) {
    return sim(venue, market, tune);
  }

  /**
   * Adds a simulated venue on its own {@code market}, so its prices move independently (set with
   * its {@code control().setMid}).
   */
  public SimExchangeClient sim(
      String venue, SimulatedMarket market, Consumer<SimConfig.Builder> tune) {
    SimConfig.Builder b = SimConfig.builder(venue).seed(venue.hashCode());
    tune.accept(b);
    SimConfig cfg = b.build();
    VenueConfig vc =
        VenueConfig.builder("sim")
            .venue(venue)
            .takerFeeBps(cfg.takerFeeBps())
            .makerFeeBps(cfg.makerFeeBps())
            .build();
    SimExchangeClient client = new SimExchangeClient(cfg, builder.venueContext(vc), market);
    builder.venue(client, vc);
    sims.put(venue, client);
    return client;
  }

  /** A BTC-USDT book of {@code levels} levels of {@code levelQuantity} (growing with depth). */
  public static SimInstrument btc(int levels, String levelQuantity) {
    SimInstrument d = SimInstrument.btcUsdt();
    return new SimInstrument(
        d.symbol(),
        d.startPrice(),
        d.tickSize(),
        d.stepSize(),
        d.minQuantity(),
        d.minNotional(),
        d.spreadTicks(),
        levels,
        levelQuantity,
        0);
  }

  public SimExchangeClient venue(String id) {
    return sims.get(id);
  }

  /** Builds, connects and runs until instruments, balances and first books are in. */
  public TradeServer start() {
    ts = builder.build();
    ts.connect();
    step(Duration.ofMillis(100), 3);
    return ts;
  }

  public TradeServer ts() {
    return ts;
  }

  /** Sets the shared market's BTC-USDT mid and freezes its walk. */
  public void btcMid(String mid) {
    SimExchangeClient any = sims.values().iterator().next();
    any.control().freeze("BTC-USDT", true);
    any.control().setMid("BTC-USDT", Price.parse(mid));
  }

  /** {@code times} × (duty cycle, advance {@code d}, duty cycle). */
  public void step(Duration d, int times) {
    for (int i = 0; i < times; i++) {
      ts.doWork();
      clock.advance(d);
      ts.doWork();
    }
  }

  /** Runs a few 1 ms duty cycles: enough for a signal to reach a fill on a zero-latency sim. */
  public void settle() {
    step(Duration.ofMillis(1), 3);
  }

  /** A status taken on the engine thread now. */
  public StatusSnapshot fresh() {
    var f = ts.freshStatus();
    ts.doWork();
    return f.join();
  }

  public static BigDecimal bps(String v) {
    return new BigDecimal(v);
  }

  @Override
  public void close() {
    if (ts != null) {
      ts.close();
    }
  }
}
