package io.tradeserver.engine;

/**
 * A small log-linear latency histogram in nanoseconds (about 3 % resolution from 1 µs to 100 s),
 * recorded on the engine thread without allocation. {@link #copy()} gives a snapshot for other
 * threads.
 */
public final class LatencyHistogram {
  private static final int SUB_BUCKETS = 32; // per power of two
  private static final int MIN_SHIFT = 6; // values below 64 ns go to bucket 0
  private static final int BUCKETS = (64 - MIN_SHIFT) * SUB_BUCKETS;
  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;
  private long sum;

  /** Records a duration in nanoseconds; negative values count as 0. */
  public void record(long nanos) {
    long v = Math.max(0, nanos);
    counts[index(v)]++;
    total++;
    sum += v;
    if (v > max) {
      max = v;
    }
  }

  public long count() {
    return total;
  }

  public long maxNanos() {
    return max;
  }

  public long meanNanos() {
    return total == 0 ? 0 : sum / total;
  }

  /** The value at percentile {@code p} (0..100), as the upper edge of its bucket; 0 when empty. */
  public long percentileNanos(double p) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    rank = Math.max(1, Math.min(total, rank));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(max, upperEdge(i));
      }
    }
    return max;
  }

  public void reset() {
    java.util.Arrays.fill(counts, 0);
    total = 0;
    max = 0;
    sum = 0;
  }

  public LatencyHistogram copy() {
    LatencyHistogram h = new LatencyHistogram();
    System.arraycopy(counts, 0, h.counts, 0, BUCKETS);
    h.total = total;
    h.max = max;
    h.sum = sum;
    return h;
  }

  /** Adds another histogram's counts into this one. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    max = Math.max(max, other.max);
  }

  static int index(long v) {
    if (v < (1L << MIN_SHIFT)) {
      return 0;
    }
    int exp = 63 - Long.numberOfLeadingZeros(v); // v in [2^exp, 2^(exp+1))
    int sub = (int) ((v >>> (exp - 5)) & (SUB_BUCKETS - 1));
    return (exp - MIN_SHIFT) * SUB_BUCKETS + sub;
  }

  static long upperEdge(int index) {
    int exp = index / SUB_BUCKETS + MIN_SHIFT;
    int sub = index % SUB_BUCKETS;
    return (1L << exp) + ((long) (sub + 1) << (exp - 5)) - 1;
  }
}
