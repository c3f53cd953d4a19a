package io.tradeserver.model;

import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A mutable L2 order book: aggregated quantity per price level, kept sorted in flat arrays. Owned
 * by one thread (a venue's stream thread, or the engine thread); not thread-safe. Publish {@link
 * #snapshot(int, long)} to other threads.
 */
public final class OrderBook {
  private final InstrumentId instrumentId;
  private final int priceScale;
  private final int quantityScale;
  private final Levels bids = new Levels(true);
  private final Levels asks = new Levels(false);
  private long sequence;
  private long updatedNanos;

  public OrderBook(InstrumentId instrumentId, int priceScale, int quantityScale) {
    this.instrumentId = instrumentId;
    this.priceScale = priceScale;
    this.quantityScale = quantityScale;
  }

  public static OrderBook of(Instrument instrument) {
    return new OrderBook(instrument.id(), instrument.priceScale(), instrument.quantityScale());
  }

  public InstrumentId instrumentId() {
    return instrumentId;
  }

  public int priceScale() {
    return priceScale;
  }

  public int quantityScale() {
    return quantityScale;
  }

  public long sequence() {
    return sequence;
  }

  public void sequence(long value) {
    sequence = value;
  }

  public long updatedNanos() {
    return updatedNanos;
  }

  public void updatedNanos(long value) {
    updatedNanos = value;
  }

  public void clear() {
    bids.size = 0;
    asks.size = 0;
    sequence = 0;
  }

  /** Sets the quantity at a price level, in units; a quantity of zero removes the level. */
  public void set(Side side, long priceUnits, long quantityUnits) {
    if (quantityUnits < 0) {
      throw new IllegalArgumentException("negative level quantity " + quantityUnits);
    }
    levels(side).set(priceUnits, quantityUnits);
  }

  /** Sets a level from values at any scale; they must be exact at this book's scales. */
  public void set(Side side, Price price, Quantity quantity) {
    set(side, price.unitsAt(priceScale), quantity.unitsAt(quantityScale));
  }

  /** Number of levels on a side. */
  public int depth(Side side) {
    return levels(side).size;
  }

  /** Price units of level {@code i} (0 = best) on a side. */
  public long priceAt(Side side, int i) {
    Levels l = levels(side);
    checkLevel(l, i);
    return l.prices[i];
  }

  /** Quantity units of level {@code i} (0 = best) on a side. */
  public long quantityAt(Side side, int i) {
    Levels l = levels(side);
    checkLevel(l, i);
    return l.quantities[i];
  }

  /** Best bid, or null when empty. */
  public Price bestBid() {
    return bids.size == 0 ? null : Price.of(bids.prices[0], priceScale);
  }

  /** Best ask, or null when empty. */
  public Price bestAsk() {
    return asks.size == 0 ? null : Price.of(asks.prices[0], priceScale);
  }

  /** True when both sides have levels. */
  public boolean isTwoSided() {
    return bids.size > 0 && asks.size > 0;
  }

  /** True when the best bid is at or above the best ask (a broken book). */
  public boolean isCrossed() {
    return isTwoSided() && bids.prices[0] >= asks.prices[0];
  }

  /**
   * Mid price (best bid + best ask) / 2 at {@code priceScale + 1} so it is exact, or null when a
   * side is empty.
   */
  public Price mid() {
    if (!isTwoSided()) {
      return null;
    }
    return Price.of(midUnitsTimesTwo() * 5, priceScale + 1);
  }

  /**
   * Best bid + best ask in price units (twice the mid): exact, for callers doing their own math.
   */
  public long midUnitsTimesTwo() {
    return Math.addExact(bids.prices[0], asks.prices[0]);
  }

  /**
   * Quote cost of taking {@code quantityUnits} from the side a taker on {@code takerSide} hits (a
   * buy walks the asks), in units at {@code priceScale + quantityScale}; -1 when the book is too
   * thin.
   *
   * @throws ArithmeticException on overflow
   */
  public long takeCost(Side takerSide, long quantityUnits) {
    Levels l = takerSide == Side.BUY ? asks : bids;
    long remaining = quantityUnits;
    long cost = 0;
    for (int i = 0; i < l.size && remaining > 0; i++) {
      long q = Math.min(remaining, l.quantities[i]);
      cost = Math.addExact(cost, Math.multiplyExact(l.prices[i], q));
      remaining -= q;
    }
    return remaining > 0 ? -1 : cost;
  }

  /**
   * Volume-weighted average price to fill {@code quantity} as a taker on {@code takerSide}, at
   * {@code priceScale + 4} rounded half-even; null when the book cannot fill it.
   */
  public Price vwap(Side takerSide, Quantity quantity) {
    long q = quantity.unitsAt(quantityScale);
    if (q <= 0) {
      throw new IllegalArgumentException("vwap quantity must be > 0, was " + quantity);
    }
    long cost = takeCost(takerSide, q);
    if (cost < 0) {
      return null;
    }
    int scale = Math.min(priceScale + 4, Decimals.MAX_SCALE);
    long units =
        Decimals.multiplyDivide(
            cost, Decimals.pow10(scale - priceScale), q, RoundingMode.HALF_EVEN);
    return Price.of(units, scale);
  }

  /** Total quantity units available on a side within its first {@code levels} levels. */
  public long quantityWithin(Side side, int levels) {
    Levels l = levels(side);
    long total = 0;
    for (int i = 0; i < Math.min(levels, l.size); i++) {
      total = Math.addExact(total, l.quantities[i]);
    }
    return total;
  }

  /** Keeps at most {@code maxLevels} best levels per side. */
  public void truncate(int maxLevels) {
    bids.size = Math.min(bids.size, maxLevels);
    asks.size = Math.min(asks.size, maxLevels);
  }

  /** An immutable copy of the best {@code maxLevels} levels per side. */
  public BookSnapshot snapshot(int maxLevels, long timeNanos) {
    int nb = Math.min(maxLevels, bids.size);
    int na = Math.min(maxLevels, asks.size);
    return new BookSnapshot(
        instrumentId,
        priceScale,
        quantityScale,
        Arrays.copyOf(bids.prices, nb),
        Arrays.copyOf(bids.quantities, nb),
        Arrays.copyOf(asks.prices, na),
        Arrays.copyOf(asks.quantities, na),
        sequence,
        timeNanos);
  }

  /** Replaces this book's content with a snapshot's. */
  public void replaceWith(BookSnapshot s) {
    if (!s.instrumentId().equals(instrumentId)
        || s.priceScale() != priceScale
        || s.quantityScale() != quantityScale) {
      throw new IllegalArgumentException(
          "snapshot of " + s.instrumentId() + " does not fit " + this);
    }
    bids.copyFrom(s.bidPrices(), s.bidQuantities());
    asks.copyFrom(s.askPrices(), s.askQuantities());
    sequence = s.sequence();
    updatedNanos = s.timeNanos();
  }

  private Levels levels(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  private static void checkLevel(Levels l, int i) {
    if (i < 0 || i >= l.size) {
      throw new IndexOutOfBoundsException("level " + i + " of " + l.size);
    }
  }

  @Override
  public String toString() {
    return "OrderBook["
        + instrumentId
        + " bid="
        + bestBid()
        + " ask="
        + bestAsk()
        + " levels="
        + bids.size
        + "/"
        + asks.size
        + " seq="
        + sequence
        + "]";
  }

  /** One side, best level at index 0. */
  private static final class Levels {
    private final boolean descending;
    private long[] prices = new long[64];
    private long[] quantities = new long[64];
    private int size;

    Levels(boolean descending) {
      this.descending = descending;
    }

    void set(long price, long quantity) {
      int i = find(price);
      if (i >= 0) {
        if (quantity == 0) {
          System.arraycopy(prices, i + 1, prices, i, size - i - 1);
          System.arraycopy(quantities, i + 1, quantities, i, size - i - 1);
          size--;
        } else {
          quantities[i] = quantity;
        }
        return;
      }
      if (quantity == 0) {
        return;
      }
      int at = -i - 1;
      if (size == prices.length) {
        prices = Arrays.copyOf(prices, size * 2);
        quantities = Arrays.copyOf(quantities, size * 2);
      }
      System.arraycopy(prices, at, prices, at + 1, size - at);
      System.arraycopy(quantities, at, quantities, at + 1, size - at);
      prices[at] = price;
      quantities[at] = quantity;
      size++;
    }

    /** Index of price, or -(insertion point) - 1; levels near the top are found first. */
    int find(long price) {
      int lo = 0;
      int hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        long p = prices[mid];
        if (p == price) {
          return mid;
        }
        boolean before = descending ? p > price : p < price;
        if (before) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return -(lo + 1);
    }

    void copyFrom(long[] p, long[] q) {
      if (prices.length < p.length) {
        prices = new long[p.length];
        quantities = new long[p.length];
      }
      System.arraycopy(p, 0, prices, 0, p.length);
      System.arraycopy(q, 0, quantities, 0, q.length);
      size = p.length;
    }
  }
}
