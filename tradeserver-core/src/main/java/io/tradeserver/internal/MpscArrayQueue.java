package io.tradeserver.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded lock-free queue for many producers and one consumer. {@link #offer} never blocks: it
 * returns false when full, so callers choose between back-pressure and waiting. Producers claim a
 * slot with a CAS on the tail and publish with an ordered store; the single consumer reads slots in
 * order.
 */
public final class MpscArrayQueue<E> {
  private final AtomicReferenceArray<E> buffer;
  private final int mask;
  private final int capacity;
  private final AtomicLong producer = new AtomicLong();
  private final AtomicLong consumer = new AtomicLong();

  /** Capacity is rounded up to a power of two. */
  public MpscArrayQueue(int requestedCapacity) {
    if (requestedCapacity < 2 || requestedCapacity > (1 << 30)) {
      throw new IllegalArgumentException("capacity must be 2..2^30, was " + requestedCapacity);
    }
    int c = Integer.highestOneBit(requestedCapacity - 1) << 1;
    this.capacity = c;
    this.mask = c - 1;
    this.buffer = new AtomicReferenceArray<>(c);
  }

  /** Adds {@code e}; false when full. Any thread. */
  public boolean offer(E e) {
    if (e == null) {
      throw new NullPointerException("null element");
    }
    while (true) {
      long p = producer.get();
      if (p - consumer.get() >= capacity) {
        return false;
      }
      if (producer.compareAndSet(p, p + 1)) {
        buffer.lazySet((int) p & mask, e);
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
    buffer.lazySet(i, null);
    consumer.lazySet(c + 1);
    return e;
  }

  /** Approximate number of elements. */
  public int size() {
    return (int) Math.max(0, Math.min(capacity, producer.get() - consumer.get()));
  }

  public int capacity() {
    return capacity;
  }
}
