package io.tradeserver.bench;

import io.tradeserver.engine.EngineConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Pushes many orders through the engine with the simulated venue (no I/O) and reports the heap
 * after a full GC at intervals, to show whether memory stays flat. Run with a small heap:
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.tradeserver.bench.EngineSoak \
 *   --orders 1000000 --report-every 100000
 * </pre>
 *
 * Prints one JSON line per interval and a final summary line on stdout.
 */
public final class EngineSoak {
  private EngineSoak() {}

  public static void main(String[] args) {
    long orders = 1_000_000;
    long every = 100_000;
    boolean compact = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--orders" -> orders = Long.parseLong(args[i + 1]);
        case "--report-every" -> every = Long.parseLong(args[i + 1]);
        case "--windows" -> compact = args[i + 1].equals("compact");
        default -> {
          System.err.println(
              "usage: EngineSoak [--orders N] [--report-every N] [--windows default|compact]");
          System.exit(2);
        }
      }
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long maxHeap = memory.getHeapMemoryUsage().getMax();
    long firstHeap = -1;
    long lastHeap = 0;
    long t0 = System.nanoTime();
    EngineConfig config = compact ? SimEngine.compactWindows() : EngineConfig.defaults();
    try (SimEngine engine = new SimEngine(null, config)) {
      long done = 0;
      long nextReport = every;
      long reported = 0;
      long intervalStart = System.nanoTime();
      while (done < orders) {
        int batch = (int) Math.min(256, orders - done);
        for (int i = 0; i < batch; i++) {
          engine.offerNext();
        }
        engine.drain();
        done += batch;
        if (done >= nextReport || done == orders) {
          nextReport += every;
          long elapsed = System.nanoTime() - intervalStart;
          System.gc();
          long heap = memory.getHeapMemoryUsage().getUsed();
          if (firstHeap < 0) {
            firstHeap = heap;
          }
          lastHeap = heap;
          System.out.printf(
              Locale.ROOT,
              "{\"orders\":%d,\"heapAfterGcMb\":%.1f,\"ordersPerSec\":%.0f}%n",
              done,
              heap / 1048576.0,
              (done - reported) * 1e9 / elapsed);
          reported = done;
          intervalStart = System.nanoTime();
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "{\"summary\":true,\"windows\":\"%s\",\"orders\":%d,\"seconds\":%.1f,\"maxHeapMb\":%.0f,"
            + "\"firstHeapAfterGcMb\":%.1f,\"lastHeapAfterGcMb\":%.1f}%n",
        compact ? "compact" : "default",
        orders,
        (System.nanoTime() - t0) / 1e9,
        maxHeap / 1048576.0,
        firstHeap / 1048576.0,
        lastHeap / 1048576.0);
    System.exit(0);
  }
}
