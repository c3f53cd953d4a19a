package io.tradeserver.bench;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.paper.SimExchangeClient;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.Clock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * A host-driven TradeServer on the simulated venue ({@code sim}), no I/O: what the engine benchmark
 * and the engine soak test drive. Orders are marketable IOC limits 1 % through the market (they
 * fill against the sim's book, or expire when a burst has eaten the book until its next rebuild),
 * buys and sells alternating so positions stay flat; fees are zero so balances never run out.
 * Everything runs on the caller's thread through {@link #doWork()}.
 */
public final class SimEngine implements AutoCloseable {
  private static final Price BUY = Price.parse("64640.00");
  private static final Price SELL = Price.parse("63360.00");
  private static final Quantity QTY = Quantity.parse("0.00100");

  private final TradeServer ts;
  private long seq;

  /**
   * @param listener an embedding application's listener, or null for none
   * @param engineConfig engine settings (inbox, retention, dedupe window)
   */
  public SimEngine(TradeServerListener listener, EngineConfig engineConfig) {
    Clock clock = Clock.system();
    TradeServerBuilder b =
        TradeServer.builder().clock(clock).engineConfig(engineConfig).risk(RiskConfig.defaults());
    if (listener != null) {
      b.listener(listener);
    }
    VenueConfig vc =
        VenueConfig.builder("sim")
            .takerFeeBps(BigDecimal.ZERO)
            .makerFeeBps(BigDecimal.ZERO)
            .build();
    ExchangeContext ctx = b.venueContext(vc);
    SimConfig sim =
        SimConfig.builder("sim")
            .takerFeeBps(BigDecimal.ZERO)
            .makerFeeBps(BigDecimal.ZERO)
            .balances(Map.of("USDT", "1000000000", "BTC", "1000000", "ETH", "1000000"))
            .build();
    SimExchangeClient client =
        new SimExchangeClient(sim, ctx, new SimulatedMarket(1, sim.marketStep()));
    ts = b.venue(client, vc).build();
    ts.connect();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!ready()) {
      ts.doWork();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("sim venue not ready within 10 s");
      }
    }
    long booksPublished = System.nanoTime() + Duration.ofMillis(300).toNanos();
    while (System.nanoTime() < booksPublished) {
      ts.doWork();
    }
  }

  private boolean ready() {
    return ts.status().venues().stream().anyMatch(v -> v.instruments() > 0);
  }

  /**
   * Engine defaults with small memory windows: signal ids remembered for the last 65,536 signals
   * (default 1M / 24 h), 10,000 finished orders kept (default 100,000 / 60 s), trade ids of
   * forgotten orders remembered for 65,536 trades (default 1M). Less protection against a repeated
   * signal or a late duplicate fill, in exchange for memory and cache footprint.
   */
  public static EngineConfig compactWindows() {
    EngineConfig d = EngineConfig.defaults();
    io.tradeserver.order.OrderManagerConfig o = d.orders();
    return new EngineConfig(
        d.signalInboxCapacity(),
        d.venueInboxCapacity(),
        d.node(),
        new io.tradeserver.order.OrderManagerConfig(
            o.ackTimeout(),
            o.cancelTimeout(),
            o.queryInterval(),
            o.notFoundQueries(),
            o.reconcileGrace(),
            o.retention(),
            10_000,
            65_536),
        d.signalDedupWindow(),
        65_536,
        d.timerInterval(),
        d.statusInterval(),
        d.bookDepth());
  }

  /** Offers the next signal; false when the inbox is full. */
  public boolean offerNext() {
    long n = seq++;
    boolean buy = (n & 1) == 0;
    Signal s =
        Signal.builder()
            .signalId("s" + n)
            .strategy("bench")
            .symbol("BTC-USDT")
            .side(buy ? Side.BUY : Side.SELL)
            .type(OrderType.LIMIT)
            .timeInForce(TimeInForce.IOC)
            .quantity(QTY)
            .price(buy ? BUY : SELL)
            .exchange("sim")
            .build();
    return ts.offer(s) == io.tradeserver.engine.OfferResult.ACCEPTED;
  }

  /** One duty cycle. */
  public int doWork() {
    return ts.doWork();
  }

  /** Duty cycles until the inbox is empty and a cycle finds nothing to do. */
  public void drain() {
    int work;
    do {
      work = ts.doWork();
    } while (work > 0 || ts.signalBacklog() > 0);
  }

  public TradeServer server() {
    return ts;
  }

  @Override
  public void close() {
    ts.close();
  }
}
