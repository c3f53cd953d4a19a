package io.tradeserver.risk;

/**
 * Sliding-window minimum and maximum of one instrument's mid, with monotonic deques on primitive
 * ring buffers: O(1) amortized per sample and no allocation once the buffers fit the window. Prices
 * are units at the window's scale. Engine thread only.
 */
final class VolatilityWindow {
  private final long windowNanos;
  private final int scale;
  private final Deque maxima = new Deque(); // prices decreasing from head
  private final Deque minima = new Deque(); // prices increasing from head

  VolatilityWindow(long windowNanos, int scale) {
    this.windowNanos = windowNanos;
    this.scale = scale;
  }

  int scale() {
    return scale;
  }

  long windowNanos() {
    return windowNanos;
  }

  void add(long now, long price) {
    while (!maxima.isEmpty() && maxima.lastPrice() <= price) {
      maxima.pollLast();
    }
    maxima.addLast(now, price);
    while (!minima.isEmpty() && minima.lastPrice() >= price) {
      minima.pollLast();
    }
    minima.addLast(now, price);
    while (now - maxima.firstTime() > windowNanos) {
      maxima.pollFirst();
    }
    while (now - minima.firstTime() > windowNanos) {
      minima.pollFirst();
    }
  }

  /** Highest price in the window; only after {@link #add}. */
  long max() {
    return maxima.firstPrice();
  }

  /** Lowest price in the window; only after {@link #add}. */
  long min() {
    return minima.firstPrice();
  }

  void clear() {
    maxima.clear();
    minima.clear();
  }

  /** A deque of (time, price) pairs on two growable ring buffers. */
  private static final class Deque {
    private long[] times = new long[16];
    private long[] prices = new long[16];
    private int head;
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long firstTime() {
      return times[head];
    }

    long firstPrice() {
      return prices[head];
    }

    long lastPrice() {
      return prices[(head + size - 1) & (prices.length - 1)];
    }

    void addLast(long time, long price) {
      if (size == times.length) {
        grow();
      }
      int i = (head + size) & (times.length - 1);
      times[i] = time;
      prices[i] = price;
      size++;
    }

    void pollLast() {
      size--;
    }

    void pollFirst() {
      head = (head + 1) & (times.length - 1);
      size--;
    }

    void clear() {
      head = 0;
      size = 0;
    }

    private void grow() {
      long[] t = new long[times.length * 2];
      long[] p = new long[times.length * 2];
      for (int k = 0; k < size; k++) {
        int i = (head + k) & (times.length - 1);
        t[k] = times[i];
        p[k] = prices[i];
      }
      times = t;
      prices = p;
      head = 0;
    }
  }
}
