package io.tradeserver.engine;

import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Position;
import io.tradeserver.model.Signal;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.paper.SimExchangeClient;
import io.tradeserver.paper.SimInstrument;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;

/**
 * A TradeServer on the simulated venue {@code sim}, driven by the test thread ({@code doWork()})
 * with a TestClock. The market does not wander (prices move only by the venue's ±1 tick noise), so
 * runs are deterministic. Renders what the server published as one line per event.
 */
final class RiskHarness implements AutoCloseable {
  /** BTC-USDT at 64000.00 (tick 0.01, step 0.00001), ETH-USDT at 3200.00, both still. */
  static final List<SimInstrument> STILL =
      List.of(
          new SimInstrument(
              "BTC-USDT", "64000.00", "0.01", "0.00001", "0.00001", "5", 2, 10, "0.25", 0),
          new SimInstrument(
              "ETH-USDT", "3200.00", "0.01", "0.0001", "0.0001", "5", 2, 10, "2.5", 0));

  final TickingClock clock = new TickingClock();
  final RecordingListener rec = new RecordingListener();
  final SimExchangeClient sim;
  final Recording venue;

  /** Everything the venue emitted, in order. */
  final List<VenueEvent> venueEvents = new ArrayList<>();

  final TradeServer ts;
  private final TradeServerBuilder.Sink sink;

  RiskHarness(RiskConfig risk) {
    this(risk, SimConfig.builder("sim").instruments(STILL).build(), false);
  }

  /**
   * @param withoutProtection hide the venue's MARKET_PROTECTION_PRICE capability
   */
  RiskHarness(RiskConfig risk, SimConfig simConfig, boolean withoutProtection) {
    TradeServerBuilder b =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock.test()))
            .risk(risk)
            .listener(rec);
    VenueConfig vc = VenueConfig.builder("sim").build();
    io.tradeserver.spi.ExchangeContext ctx = b.venueContext(vc);
    io.tradeserver.spi.VenueListener engine = ctx.listener();
    ctx =
        ctx.toBuilder()
            .listener(
                e -> {
                  synchronized (venueEvents) {
                    venueEvents.add(e);
                  }
                  engine.onEvent(e);
                })
            .build();
    sim = new SimExchangeClient(simConfig, ctx, new SimulatedMarket(7, simConfig.marketStep()));
    venue = new Recording(sim, withoutProtection);
    sink = b.sink();
    ts = b.venue(venue, vc).build();
    ts.connect();
    pump(Duration.ofMillis(100), 5);
    rec.clear();
  }

  /** Delivers a venue event as an adapter would (applied on the next duty cycle). */
  void venueEvent(VenueEvent e) {
    sink.onEvent(e);
  }

  /** {@code steps} times: advance the clock by {@code step}, then one duty cycle. */
  void pump(Duration step, int steps) {
    for (int i = 0; i < steps; i++) {
      clock.advance(step);
      ts.doWork();
    }
  }

  /** Duty cycles without moving time, until nothing more happens. */
  void settle() {
    for (int i = 0; i < 10 && ts.doWork() > 0; i++) {
      // keep going
    }
  }

  void offer(Signal... signals) {
    for (Signal s : signals) {
      Assertions.assertThat(ts.offer(s)).isEqualTo(OfferResult.ACCEPTED);
    }
  }

  <T> T run(CompletableFuture<T> f) {
    settle();
    Assertions.assertThat(f).isDone();
    return f.join();
  }

  /** What was published since the last clear, one line each; venue events left out. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Object e : rec.all()) {
      if (e instanceof VenueEvent) {
        continue;
      }
      out.add(line(e));
    }
    return out;
  }

  static String line(Object e) {
    if (e instanceof Order o) {
      String who = o.signalId() != null ? o.signalId() : o.strategy();
      return "ORDER "
          + who
          + " "
          + o.status()
          + (o.reason() != null ? " " + o.reason() : "")
          + (o.reasonDetail() != null ? " " + o.reasonDetail() : "");
    }
    if (e instanceof RiskEvent r) {
      return "RISK "
          + r.kind()
          + (r.code() != null ? " " + r.code() : "")
          + (r.from() != null ? " " + r.from() + "->" + r.to() : "")
          + (r.signalId() != null ? " [" + r.signalId() + "]" : "")
          + " "
          + r.detail();
    }
    if (e instanceof SignalRejected s) {
      return "SIGNAL_REJECTED " + s.signalId() + " " + s.reason() + " " + s.detail();
    }
    if (e instanceof Fill f) {
      return "FILL " + f.side() + " " + f.quantity();
    }
    if (e instanceof Position p) {
      return "POSITION " + p.instrumentId() + " " + p.quantity();
    }
    return e.toString();
  }

  @Override
  public void close() {
    ts.close();
  }

  /**
   * The sim venue, recording the commands it receives ({@code submit <cid>}, {@code cancel <cid>},
   * {@code cancelAll}), optionally without MARKET_PROTECTION_PRICE (market orders must then go out
   * as IOC limits).
   */
  static final class Recording implements ExchangeClient, EngineDriven {
    private final SimExchangeClient sim;
    private final boolean withoutProtection;
    final List<OrderRequest> submitted = new ArrayList<>();
    final List<String> commands = new ArrayList<>();

    Recording(SimExchangeClient sim, boolean withoutProtection) {
      this.sim = sim;
      this.withoutProtection = withoutProtection;
    }

    @Override
    public String venue() {
      return sim.venue();
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(sim.capabilities());
      if (withoutProtection) {
        c.remove(Capability.MARKET_PROTECTION_PRICE);
      }
      return c;
    }

    @Override
    public void start() {
      sim.start();
    }

    @Override
    public void submit(OrderRequest order) {
      submitted.add(order);
      commands.add("submit " + order.clientOrderId());
      sim.submit(order);
    }

    @Override
    public void cancel(io.tradeserver.model.Instrument i, String cid, String xid) {
      commands.add("cancel " + cid);
      sim.cancel(i, cid, xid);
    }

    @Override
    public void cancelAll(io.tradeserver.model.Instrument i) {
      commands.add("cancelAll");
      sim.cancelAll(i);
    }

    @Override
    public void queryOrder(io.tradeserver.model.Instrument i, String cid) {
      sim.queryOrder(i, cid);
    }

    @Override
    public void requestOpenOrders(io.tradeserver.model.Instrument i) {
      sim.requestOpenOrders(i);
    }

    @Override
    public void requestBalances() {
      sim.requestBalances();
    }

    @Override
    public void subscribeBook(io.tradeserver.model.Instrument i, int depth) {
      sim.subscribeBook(i, depth);
    }

    @Override
    public void close() {
      sim.close();
    }

    @Override
    public int doWork(long nowNanos) {
      return sim.doWork(nowNanos);
    }
  }

  /** A TestClock that can also advance by a fixed step on every read, to measure durations. */
  static final class TickingClock implements io.tradeserver.time.Clock {
    private final TestClock clock = new TestClock();
    private volatile long tick;

    TestClock test() {
      return clock;
    }

    void tickOnRead(Duration d) {
      tick = d.toNanos();
    }

    void advance(Duration d) {
      clock.advance(d);
    }

    void advanceNanos(long n) {
      clock.advanceNanos(n);
    }

    @Override
    public long nanos() {
      long t = tick;
      if (t > 0) {
        clock.advanceNanos(t);
      }
      return clock.nanos();
    }
  }
}
