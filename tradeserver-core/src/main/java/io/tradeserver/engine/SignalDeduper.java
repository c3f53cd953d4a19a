package io.tradeserver.engine;

import java.util.ArrayDeque;
import java.util.HashSet;

/** Remembers signal ids for a window (and up to a count) to refuse repeats. Engine thread only. */
final class SignalDeduper {
  private record Seen(String id, long atNanos) {}

  private final long windowNanos;
  private final int max;
  private final HashSet<String> ids = new HashSet<>();
  private final ArrayDeque<Seen> order = new ArrayDeque<>();

  SignalDeduper(long windowNanos, int max) {
    this.windowNanos = windowNanos;
    this.max = max;
  }

  /** True the first time an id is seen within the window. */
  boolean firstTime(String id, long now) {
    expire(now);
    if (!ids.add(id)) {
      return false;
    }
    order.addLast(new Seen(id, now));
    if (order.size() > max) {
      ids.remove(order.removeFirst().id());
    }
    return true;
  }

  private void expire(long now) {
    Seen head;
    while ((head = order.peekFirst()) != null && now - head.atNanos() > windowNanos) {
      order.removeFirst();
      ids.remove(head.id());
    }
  }

  int size() {
    return ids.size();
  }
}
