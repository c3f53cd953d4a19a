package io.tradeserver.engine;

/**
 * Percentiles of a latency distribution in microseconds.
 *
 * @param count samples
 * @param p50Us median
 * @param p90Us 90th percentile
 * @param p99Us 99th percentile
 * @param p999Us 99.9th percentile
 * @param maxUs largest sample
 */
public record LatencySummary(
    long count, double p50Us, double p90Us, double p99Us, double p999Us, double maxUs) {
  static LatencySummary of(LatencyHistogram h) {
    return new LatencySummary(
        h.count(),
        us(h.percentileNanos(50)),
        us(h.percentileNanos(90)),
        us(h.percentileNanos(99)),
        us(h.percentileNanos(99.9)),
        us(h.maxNanos()));
  }

  private static double us(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
