package io.tradeserver.bench.jmh;

import io.tradeserver.bench.SimEngine;
import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Orders per second through the whole engine on one thread with the simulated venue and no I/O: a
 * batch of signals is offered, then {@code doWork()} runs until everything is done — dedupe,
 * sizing, risk, order manager, the sim's matching, and the venue's answers (ack, fill or expiry)
 * applied to orders, positions and balances. One operation is one order. With {@code listener=true}
 * an application listener receives every order, fill and position snapshot (what an embedding
 * application pays for). Goal: &gt;= 1M orders/s, steady-state allocation-light.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {
  static final int BATCH = 256;

  @Param({"false", "true"})
  public boolean listener;

  /** {@code default} engine config, or {@code compact} memory windows (see SimEngine). */
  @Param({"default", "compact"})
  public String windows;

  private SimEngine engine;

  @Setup(Level.Trial)
  public void setUp(Blackhole bh) {
    TradeServerListener l =
        listener
            ? new TradeServerListener() {
              @Override
              public void onOrder(Order o) {
                bh.consume(o);
              }

              @Override
              public void onPosition(Position p) {
                bh.consume(p);
              }
            }
            : null;
    engine =
        new SimEngine(
            l, windows.equals("compact") ? SimEngine.compactWindows() : EngineConfig.defaults());
  }

  SimEngine engine() {
    return engine;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void orders() {
    for (int i = 0; i < BATCH; i++) {
      if (!engine.offerNext()) {
        throw new IllegalStateException("inbox full");
      }
    }
    engine.drain();
  }
}
