package io.tradeserver.bench.load;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Client CPU time and allocation between two snapshots. CPU is the process's CPU time (so GC and
 * JIT threads count) minus what the embedded mock venue's threads used; allocation is the sum over
 * every live Java thread except the venue's of {@code getThreadAllocatedBytes}, plus what the load
 * runner's own per-round threads report when they end. Another client thread that ends between the
 * snapshots takes its allocation with it (OkHttp keeps idle threads for 60 s, longer than a round,
 * so in practice none does).
 */
final class ResourceMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** CPU, allocation and context switches of the client between two snapshots. */
  record Usage(long cpuNanos, long allocatedBytes, long venueCpuNanos, long contextSwitches) {
    Usage plus(Usage o) {
      return new Usage(
          cpuNanos + o.cpuNanos,
          allocatedBytes + o.allocatedBytes,
          venueCpuNanos + o.venueCpuNanos,
          contextSwitches + o.contextSwitches);
    }

    Usage withMoreBytes(long bytes) {
      return new Usage(cpuNanos, allocatedBytes + bytes, venueCpuNanos, contextSwitches);
    }

    static final Usage ZERO = new Usage(0, 0, 0, 0);
  }

  record Snapshot(
      long processCpu, long venueCpu, Map<Long, Long> allocated, long contextSwitches) {}

  private final Supplier<long[]> venueThreads;
  private final LongSupplier venueCpu;

  /**
   * @param venueThreads ids of the venue's live threads, excluded from allocation
   * @param venueCpu total CPU the venue used so far (0 for an external venue)
   */
  ResourceMeter(Supplier<long[]> venueThreads, LongSupplier venueCpu) {
    this.venueThreads = venueThreads;
    this.venueCpu = venueCpu;
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  /** Bytes the calling thread has allocated so far. */
  static long currentThreadAllocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  Snapshot snapshot() {
    Set<Long> venue = new HashSet<>();
    for (long id : venueThreads.get()) {
      venue.add(id);
    }
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> allocated = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0 && !venue.contains(ids[i])) {
        allocated.put(ids[i], bytes[i]);
      }
    }
    return new Snapshot(OS.getProcessCpuTime(), venueCpu.getAsLong(), allocated, contextSwitches());
  }

  /**
   * Voluntary plus involuntary context switches of every live thread of this process (Linux {@code
   * /proc/self/task/}*{@code /status}), or 0 elsewhere. Process-wide: an embedded mock's threads
   * are included.
   */
  static long contextSwitches() {
    java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
    if (!java.nio.file.Files.isDirectory(tasks)) {
      return 0;
    }
    long total = 0;
    try (java.util.stream.Stream<java.nio.file.Path> ts = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) ts::iterator) {
        try {
          for (String line : java.nio.file.Files.readAllLines(t.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches")
                || line.startsWith("nonvoluntary_ctxt_switches")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return total;
  }

  static Usage between(Snapshot a, Snapshot b) {
    long alloc = 0;
    for (Map.Entry<Long, Long> e : b.allocated().entrySet()) {
      alloc += e.getValue() - a.allocated().getOrDefault(e.getKey(), 0L);
    }
    long venue = b.venueCpu() - a.venueCpu();
    return new Usage(
        b.processCpu() - a.processCpu() - venue,
        alloc,
        venue,
        b.contextSwitches() - a.contextSwitches());
  }
}
