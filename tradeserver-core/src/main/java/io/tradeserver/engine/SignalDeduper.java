package io.tradeserver.engine;

import io.tradeserver.internal.RecentKeys;

/** Remembers signal ids for a window (and up to a count) to refuse repeats. Engine thread only. */
final class SignalDeduper {
  private final long windowNanos;
  private final RecentKeys ids;

  SignalDeduper(long windowNanos, int max) {
    this.windowNanos = windowNanos;
    this.ids = new RecentKeys(max, true);
  }

  /** True the first time an id is seen within the window. */
  boolean firstTime(String id, long now) {
    expire(now);
    return ids.add(id, null, id.hashCode(), now);
  }

  private void expire(long now) {
    while (ids.size() > 0 && now - ids.oldestStamp() > windowNanos) {
      ids.removeOldest();
    }
  }

  int size() {
    return ids.size();
  }
}
