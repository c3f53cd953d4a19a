package io.tradeserver.bench.jmh;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Side;
import io.tradeserver.order.OrderManager;
import io.tradeserver.order.OrderManagerConfig;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionTracker;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.RiskEngine;
import io.tradeserver.risk.RiskResult;
import io.tradeserver.time.Clock;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code RiskEngine.check} on the engine thread for a limit order that passes every check: venue
 * rules, a fresh two-sided book, notional, price collar, position, venue and total gross/net
 * exposure, open orders, balance, and (with {@code throttles=true}) the venue and strategy
 * order-rate buckets (at 1M orders/s, the most the configuration allows; the benchmark's clock
 * advances 1 us per read so they never run dry). Goal: p99 &lt;= 2 us and no allocation ({@code
 * -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RiskCheckBenchmark {
  /** Whether the order-rate buckets (Bucket4j) are configured. */
  @Param({"true", "false"})
  public boolean throttles;

  private long now;
  private RiskEngine risk;
  private OrderRequest order;
  private OrderBook book;

  @Setup(Level.Trial)
  public void setUp() {
    long start = Clock.system().nanos();
    // Time advances 1 us per read, so the order-rate buckets (capped at 1M/s by the config's
    // validation) refill as if checks came at most once per microsecond.
    Clock clock = () -> now += 1_000;
    now = start;
    Instrument btc = Fixtures.btcUsdt("binance");
    book = Fixtures.book(btc, "64000.00", 20, clock.nanos());
    OrderManager orders =
        new OrderManager(
            clock,
            OrderManagerConfig.defaults(),
            Fixtures.NO_GATEWAY,
            Fixtures.NO_LISTENER,
            id -> btc);
    BalanceLedger balances = new BalanceLedger();
    balances.onBalances("binance", Fixtures.balances("USDT", "1000000", "BTC", "100"), true);
    Limits.Builder venue =
        Limits.builder().maxGrossExposure("5000000").maxNetExposure("5000000").maxOpenOrders(1000);
    if (throttles) {
      venue.ordersPerSecond(1_000_000);
    }
    RiskConfig config =
        RiskConfig.defaults()
            .withGlobal(
                Limits.builder()
                    .maxOrderQuantity("10")
                    .maxOrderNotional("100000")
                    .priceCollarBps(500)
                    .maxPosition("50")
                    .staleAfterMillis(86_400_000L) // the book is set once per trial
                    .requireBalances(true)
                    .build())
            .withVenue("binance", venue.build());
    if (throttles) {
      config =
          new RiskConfig(
              config.global(),
              config.venues(),
              config.instruments(),
              Map.of("USDT", new BigDecimal("10000000")),
              Map.of("USDT", new BigDecimal("10000000")),
              Map.of("*", 1_000_000),
              config.breakers(),
              false,
              0.94);
    }
    risk =
        new RiskEngine(clock, config, id -> book, orders, new PositionTracker(), balances, e -> {});
    // At the instrument's scales, as SignalProcessor hands orders to risk.
    order =
        OrderRequest.limit(
            "B0000000000000001", btc, Side.BUY, btc.price("63990.00"), btc.quantity("0.01"));
    RiskResult r = risk.check(order, "bench", -1);
    if (!r.accepted()) {
      throw new IllegalStateException("the benchmark order must pass: " + r.denial());
    }
  }

  @Benchmark
  public boolean check() {
    return risk.check(order, "bench", -1).accepted();
  }
}
