package io.tradeserver.risk;

import java.util.ArrayDeque;

/**
 * Sliding-window minimum and maximum of one instrument's mid (monotonic deques): O(1) amortized per
 * sample. Prices are units at one scale. Engine thread only.
 */
final class VolatilityWindow {
  private final ArrayDeque<long[]> maxima = new ArrayDeque<>(); // {time, price}, prices decreasing
  private final ArrayDeque<long[]> minima = new ArrayDeque<>(); // prices increasing
  private final long windowNanos;

  VolatilityWindow(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  void add(long now, long price) {
    while (!maxima.isEmpty() && maxima.peekLast()[1] <= price) {
      maxima.pollLast();
    }
    maxima.addLast(new long[] {now, price});
    while (!minima.isEmpty() && minima.peekLast()[1] >= price) {
      minima.pollLast();
    }
    minima.addLast(new long[] {now, price});
    while (now - maxima.peekFirst()[0] > windowNanos) {
      maxima.pollFirst();
    }
    while (now - minima.peekFirst()[0] > windowNanos) {
      minima.pollFirst();
    }
  }

  long max() {
    return maxima.peekFirst()[1];
  }

  long min() {
    return minima.peekFirst()[1];
  }

  void clear() {
    maxima.clear();
    minima.clear();
  }
}
