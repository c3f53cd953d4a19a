package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesAreWithinThreePercentOfTheExactOnes() {
    LatencyHistogram h = new LatencyHistogram();
    SplittableRandom r = new SplittableRandom(3);
    long[] values = new long[100_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.nextLong(1_000, 50_000_000);
      h.record(values[i]);
    }
    Arrays.sort(values);
    for (double p : new double[] {50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat((double) h.percentileNanos(p))
          .as("p%s", p)
          .isBetween(exact * 0.999, exact * 1.035);
    }
    assertThat(h.maxNanos()).isEqualTo(values[values.length - 1]);
    assertThat(h.count()).isEqualTo(values.length);
  }

  @Test
  void emptyAndTinyValues() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentileNanos(99)).isZero();
    h.record(-5);
    h.record(10);
    assertThat(h.percentileNanos(100)).isEqualTo(10);
    LatencyHistogram copy = h.copy();
    h.reset();
    assertThat(copy.count()).isEqualTo(2);
    assertThat(h.count()).isZero();
  }
}
