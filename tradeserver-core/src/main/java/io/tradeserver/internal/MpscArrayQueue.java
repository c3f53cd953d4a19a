package io.tradeserver.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded lock-free queue for many producers and one consumer. {@link #offer} never blocks: it
 * returns false when full, so callers choose between back-pressure and waiting. Producers claim a
 * slot with a CAS on the tail and publish with an ordered store; the single consumer reads slots in
 * order. Each element may carry a {@code long} stamp (e.g. when it was received) in a parallel
 * array, so a producer need not copy an immutable element to attach one.
 */
public final class MpscArrayQueue<E> {
  private final AtomicReferenceArray<E> buffer;
  private final long[] stamps; // written before the element's ordered store, read after its load
  private final int mask;
  private final int capacity;
  private final AtomicLong producer = new AtomicLong();
  private final AtomicLong consumer = new AtomicLong();
  private long lastStamp; // consumer only

  /** Capacity is rounded up to a power of two. */
  public MpscArrayQueue(int requestedCapacity) {
    if (requestedCapacity < 2 || requestedCapacity > (1 << 30)) {
      throw new IllegalArgumentException("capacity must be 2..2^30, was " + requestedCapacity);
    }
    int c = Integer.highestOneBit(requestedCapacity - 1) << 1;
    this.capacity = c;
    this.mask = c - 1;
    this.buffer = new AtomicReferenceArray<>(c);
    this.stamps = new long[c];
  }

  /** Adds {@code e} with stamp 0; false when full. Any thread. */
  public boolean offer(E e) {
    return offer(e, 0);
  }

  /** Adds {@code e} with {@code stamp}, read back by {@link #lastStamp()}; false when full. */
  public boolean offer(E e, long stamp) {
    if (e == null) {
      throw new NullPointerException("null element");
    }
    while (true) {
      long p = producer.get();
      if (p - consumer.get() >= capacity) {
        return false;
      }
      if (producer.compareAndSet(p, p + 1)) {
        int i = (int) p & mask;
        stamps[i] = stamp; // published by the element's ordered store below
        buffer.lazySet(i, e);
        return true;
      }
    }
  }

  /**
   * Removes the head, or returns null when empty (or the head is still being published). Consumer
   * only.
   */
  public E poll() {
    long c = consumer.get();
    int i = (int) c & mask;
    E e = buffer.get(i);
    if (e == null) {
      return null;
    }
    lastStamp = stamps[i]; // before the slot is freed for reuse
    buffer.lazySet(i, null);
    consumer.lazySet(c + 1);
    return e;
  }

  /** The stamp of the element the last successful {@link #poll()} returned. Consumer only. */
  public long lastStamp() {
    return lastStamp;
  }

  /** Approximate number of elements. */
  public int size() {
    return (int) Math.max(0, Math.min(capacity, producer.get() - consumer.get()));
  }

  public int capacity() {
    return capacity;
  }
}
