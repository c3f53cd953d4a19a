package io.tradeserver.risk;

/**
 * Two counters over a sliding time window, kept in {@link #SLOTS} slots of a tenth of the window
 * each: the sums cover the current slot and the nine before it, so they span between 90 % and 100 %
 * of the window. Fixed memory, no allocation. Engine thread only.
 */
final class WindowCounts {
  static final int SLOTS = 10;
  private final long windowNanos;
  private final long slotNanos;
  private final long[] slot = new long[SLOTS];
  private final long[] a = new long[SLOTS];
  private final long[] b = new long[SLOTS];

  WindowCounts(long windowNanos) {
    this.windowNanos = windowNanos;
    this.slotNanos = Math.max(1, windowNanos / SLOTS);
    java.util.Arrays.fill(slot, Long.MIN_VALUE);
  }

  long windowNanos() {
    return windowNanos;
  }

  void add(long now, long da, long db) {
    long k = Math.floorDiv(now, slotNanos);
    int i = (int) Math.floorMod(k, (long) SLOTS);
    if (slot[i] != k) {
      slot[i] = k;
      a[i] = 0;
      b[i] = 0;
    }
    a[i] += da;
    b[i] += db;
  }

  /** The first counter over the window ending at {@code now}. */
  long a(long now) {
    return sum(a, now);
  }

  /** The second counter over the window ending at {@code now}. */
  long b(long now) {
    return sum(b, now);
  }

  private long sum(long[] c, long now) {
    long k = Math.floorDiv(now, slotNanos);
    long total = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slot[i] > k - SLOTS && slot[i] <= k) {
        total += c[i];
      }
    }
    return total;
  }

  void clear() {
    java.util.Arrays.fill(slot, Long.MIN_VALUE);
    java.util.Arrays.fill(a, 0);
    java.util.Arrays.fill(b, 0);
  }
}
