package io.tradeserver.bench.jmh;

import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.Side;
import java.util.SplittableRandom;
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
 * The local L2 book: {@code update} applies one level change (a diff-stream entry: 80 % new
 * quantity, 20 % delete then re-add, within {@code depth} ticks of the top, either side); {@code
 * publish} is what follows each venue update in TradeServer: the adapter takes a 20-level {@link
 * BookSnapshot} and the engine copies it into its own book. Average time per operation (these are
 * tens of nanoseconds, below what per-call sampling resolves).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderBookBenchmark {
  private static final int RING = 1 << 14;

  @Param({"20", "1000"})
  public int depth;

  private OrderBook book;
  private OrderBook engineBook;
  private final Side[] sides = new Side[RING];
  private final long[] prices = new long[RING];
  private final long[] quantities = new long[RING];
  private long mid;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Instrument in = Fixtures.btcUsdt("binance");
    book = Fixtures.book(in, "64000.00", depth, 0);
    engineBook = OrderBook.of(in);
    mid = 6_400_000;
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < RING; i++) {
      boolean bid = r.nextBoolean();
      sides[i] = bid ? Side.BUY : Side.SELL;
      long offset = 1 + r.nextInt(depth);
      prices[i] = bid ? mid - offset : mid + offset;
      quantities[i] = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(1_000_000);
    }
  }

  @Benchmark
  public int update() {
    int i = next;
    next = (i + 1) & (RING - 1);
    long q = quantities[i];
    book.set(sides[i], prices[i], q == 0 ? 0 : q);
    if (q == 0) {
      book.set(sides[i], prices[i], 50_000); // keep the depth steady
    }
    return book.depth(Side.BUY);
  }

  @Benchmark
  public long publish() {
    BookSnapshot s = book.snapshot(20, 1L);
    engineBook.replaceWith(s);
    return engineBook.midUnitsTimesTwo();
  }
}
