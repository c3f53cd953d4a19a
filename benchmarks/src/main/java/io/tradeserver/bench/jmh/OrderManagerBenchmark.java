package io.tradeserver.bench.jmh;

import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.order.OrderManager;
import io.tradeserver.order.OrderManagerConfig;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One order's life in the order manager: {@code submit} (PENDING_NEW, SUBMITTED), the venue's ack
 * (ACCEPTED) and one full fill (FILLED), with the timer's retention purge every 1024 orders as the
 * engine runs it (every millisecond). The inputs (requests, ack and fill events, built by the
 * engine and the adapter in real use) are prepared in a ring beforehand, so {@code -prof gc} shows
 * what the order manager itself allocates. Gateway and listener do nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderManagerBenchmark {
  private static final int RING = 1 << 16;
  private static final int RETAINED = 4096;

  private OrderManager orders;
  private Clock clock;
  private OrderRequest[] requests;
  private OrderAccepted[] acks;
  private FillReport[] fills;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    clock = Clock.system();
    Instrument btc = Fixtures.btcUsdt("binance");
    orders =
        new OrderManager(
            clock,
            OrderManagerConfig.defaults().withRetention(Duration.ofSeconds(60), RETAINED),
            Fixtures.NO_GATEWAY,
            Fixtures.NO_LISTENER,
            id -> btc);
    requests = new OrderRequest[RING];
    acks = new OrderAccepted[RING];
    fills = new FillReport[RING];
    Price price = Price.parse("64000.00");
    Quantity qty = Quantity.parse("0.01000");
    for (int i = 0; i < RING; i++) {
      String id = "B" + (100_000_000 + i);
      Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
      requests[i] = OrderRequest.limit(id, btc, side, price, qty);
      acks[i] = new OrderAccepted("binance", btc.id(), id, "X" + i, 0);
      Fill f =
          new Fill(
              btc.id(),
              id,
              "X" + i,
              "T" + i,
              side,
              price,
              qty,
              Quantity.parse("0.00000100"),
              "BTC",
              Liquidity.TAKER,
              0);
      fills[i] = new FillReport("binance", f, qty, 0);
    }
  }

  @Benchmark
  public OrderStatus submitAckFill() {
    int i = next;
    next = (i + 1) & (RING - 1);
    ManagedOrder o = orders.submit(requests[i]);
    orders.onOrderAccepted(acks[i]);
    orders.onFillReport(fills[i]);
    if ((i & 1023) == 0) {
      orders.onTimer(clock.nanos());
    }
    return o.status();
  }
}
