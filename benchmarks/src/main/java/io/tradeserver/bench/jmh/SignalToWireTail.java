package io.tradeserver.bench.jmh;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where {@link SignalToWireBenchmark#toSend}'s tail comes from: runs the benchmark's own setup and
 * operation in a plain loop, and for every operation notes, outside the timed part, whether the
 * engine thread was switched out while it ran (its voluntary and involuntary context switches from
 * {@code /proc/thread-self/status}) and whether a GC ran. Prints the latency percentiles of all
 * operations and of each group.
 *
 * <p>{@code java -cp benchmarks.jar io.tradeserver.bench.jmh.SignalToWireTail binance 200000}
 */
public final class SignalToWireTail {
  private static final Path STATUS = Path.of("/proc/thread-self/status");

  private SignalToWireTail() {}

  public static void main(String[] args) throws Exception {
    String venue = args.length > 0 ? args[0] : "binance";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    SignalToWireBenchmark b = new SignalToWireBenchmark();
    b.venue = venue;
    b.setUp();
    List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    int warmup = n / 2;
    long[] all = new long[n];
    long[][] byGroup = new long[4][n];
    int[] counts = new int[4];
    String[] names = {"not switched out", "involuntary switch", "voluntary switch", "GC ran"};
    long lastBooks = System.nanoTime();
    for (int i = -warmup; i < n; i++) {
      if (System.nanoTime() - lastBooks > 1_000_000_000L) {
        b.injectBooks(); // the risk engine refuses books older than its staleness limit
        lastBooks = System.nanoTime();
      }
      b.settle();
      long[] before = switches();
      long gcBefore = gcCount(gcs);
      long t0 = System.nanoTime();
      b.toSend();
      long t = System.nanoTime() - t0;
      long[] after = switches();
      if (i < 0) {
        continue;
      }
      int g =
          gcCount(gcs) != gcBefore ? 3 : after[1] != before[1] ? 1 : after[0] != before[0] ? 2 : 0;
      all[i] = t;
      byGroup[g][counts[g]++] = t;
    }
    b.tearDown();
    System.out.printf("%s, %d operations: %s%n", venue, n, percentiles(all, n));
    for (int g = 0; g < 4; g++) {
      System.out.printf(
          "  %-20s %6.2f%%  %s%n",
          names[g], 100.0 * counts[g] / n, percentiles(byGroup[g], counts[g]));
    }
    periodicity(all, n);
  }

  /**
   * Whether the slowest 1% recur at a fixed operation count (periodic work such as a purge every N
   * orders): the most common gaps, in operations, between consecutive slow operations.
   */
  private static void periodicity(long[] all, int n) {
    long[] sorted = Arrays.copyOf(all, n);
    Arrays.sort(sorted);
    long p99 = sorted[(int) (n * 0.99)];
    java.util.Map<Integer, Integer> gaps = new java.util.HashMap<>();
    int last = -1;
    int slow = 0;
    for (int i = 0; i < n; i++) {
      if (all[i] >= p99) {
        slow++;
        if (last >= 0) {
          gaps.merge(i - last, 1, Integer::sum);
        }
        last = i;
      }
    }
    StringBuilder top = new StringBuilder();
    gaps.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(6)
        .forEach(e -> top.append(' ').append(e.getKey()).append('x').append(e.getValue()));
    System.out.printf(
        "  slowest 1%% (%d ops >= %.1f us), most common gaps:%s%n", slow, p99 / 1e3, top);
  }

  private static String percentiles(long[] v, int n) {
    if (n == 0) {
      return "-";
    }
    long[] s = Arrays.copyOf(v, n);
    Arrays.sort(s);
    return String.format(
        "p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us",
        s[n / 2] / 1e3, s[(int) (n * 0.9)] / 1e3, s[(int) (n * 0.99)] / 1e3, s[n - 1] / 1e3);
  }

  private static long gcCount(List<GarbageCollectorMXBean> gcs) {
    long c = 0;
    for (GarbageCollectorMXBean gc : gcs) {
      c += gc.getCollectionCount();
    }
    return c;
  }

  /** This thread's voluntary and involuntary context switches so far. */
  private static long[] switches() throws IOException {
    long[] r = new long[2];
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("voluntary_ctxt_switches:")) {
        r[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
        r[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return r;
  }
}
