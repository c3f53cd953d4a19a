package io.tradeserver.internal;

/**
 * A bounded set of two-part keys {@code (a, b)} remembered in insertion order, each with a stamp
 * (e.g. when it was seen): adding to a full set forgets the oldest key, and {@link #removeOldest}
 * forgets from the other end, so the set is a sliding window. One thread only.
 *
 * <p>Why not a {@code HashSet} plus an {@code ArrayDeque}: on the engine's hot path (every signal
 * id, every trade id of a forgotten order) those cost a node and a record per key, and each
 * eviction walks cold nodes to find the oldest key's bin. Here the keys live in a ring, in arrival
 * order, and an open-addressing index (linear probing, at most half full) holds ring positions next
 * to the keys' hashes, so a probe reads two int arrays and touches a key only when its hash
 * matches. Memory grows by doubling with the number of keys held, up to the capacity's power of
 * two.
 *
 * <p>Keys are compared with {@code equals}; {@code a} is never null, {@code b} may be. The caller
 * supplies the key's hash, so a composite key needs no wrapper object.
 */
public final class RecentKeys {
  private static final int MIN_RING = 16;
  private static final int MAX_RING = 1 << 29;

  private final int capacity;
  private final boolean stamped;
  // The ring: entry i of the window is at (head + i) & ringMask.
  private Object[] as;
  private Object[] bs;
  private int[] hashes;
  private long[] stamps;
  private int ringMask;
  private int head;
  private int size;
  // The index: hash and ring position per slot, one cache line per probe.
  private ProbeIndex index;

  /**
   * @param capacity most keys held (at least 1, at most 2^29); adding to a full set forgets the
   *     oldest
   * @param stamped whether stamps are kept ({@link #oldestStamp} works only then)
   */
  public RecentKeys(int capacity, boolean stamped) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = Math.min(capacity, MAX_RING);
    this.stamped = stamped;
    allocate(Math.min(MIN_RING, ringSizeFor(capacity)));
  }

  /** A well-mixed hash of a two-part key, for callers that have no better one. */
  public static int hash(Object a, Object b) {
    return a.hashCode() * 31 + (b == null ? 0 : b.hashCode());
  }

  /**
   * Remembers {@code (a, b)} with {@code stamp}, forgetting the oldest key when full; false (and
   * nothing changes) when the key is already held.
   */
  public boolean add(Object a, Object b, int hash, long stamp) {
    if (find(a, b, hash) >= 0) {
      return false;
    }
    if (size == capacity) {
      removeOldest();
    } else if (size == as.length) {
      allocate(as.length << 1);
    }
    int pos = (head + size) & ringMask;
    as[pos] = a;
    bs[pos] = b;
    hashes[pos] = hash;
    if (stamped) {
      stamps[pos] = stamp;
    }
    size++;
    index.add(hash, pos);
    return true;
  }

  /** True when {@code (a, b)} is held. */
  public boolean contains(Object a, Object b, int hash) {
    return find(a, b, hash) >= 0;
  }

  public int size() {
    return size;
  }

  /** The stamp of the oldest key held. */
  public long oldestStamp() {
    if (size == 0 || !stamped) {
      throw new IllegalStateException(size == 0 ? "empty" : "not stamped");
    }
    return stamps[head];
  }

  /** Forgets the oldest key; nothing when empty. */
  public void removeOldest() {
    if (size == 0) {
      return;
    }
    int pos = head;
    index.remove(hashes[pos], pos);
    as[pos] = null;
    bs[pos] = null;
    head = (head + 1) & ringMask;
    size--;
  }

  private int find(Object a, Object b, int hash) {
    for (int i = index.home(hash); ; i = index.next(i)) {
      long e = index.at(i);
      if (e == ProbeIndex.EMPTY) {
        return -1;
      }
      int pos = ProbeIndex.positionOf(e);
      if (ProbeIndex.hashOf(e) == hash && sameKey(pos, a, b)) {
        return pos;
      }
    }
  }

  private boolean sameKey(int pos, Object a, Object b) {
    Object sa = as[pos];
    Object sb = bs[pos];
    return (sa == a || sa.equals(a)) && (sb == b || (sb != null && sb.equals(b)));
  }

  /** Re-lays the ring from position 0 in a ring of {@code ringSize} and rebuilds the index. */
  private void allocate(int ringSize) {
    Object[] oldAs = as;
    Object[] oldBs = bs;
    int[] oldHashes = hashes;
    long[] oldStamps = stamps;
    int oldMask = ringMask;
    as = new Object[ringSize];
    bs = new Object[ringSize];
    hashes = new int[ringSize];
    stamps = stamped ? new long[ringSize] : null;
    ringMask = ringSize - 1;
    index = new ProbeIndex(ringSize << 1);
    for (int i = 0; i < size; i++) {
      int from = (head + i) & oldMask;
      as[i] = oldAs[from];
      bs[i] = oldBs[from];
      hashes[i] = oldHashes[from];
      if (stamped) {
        stamps[i] = oldStamps[from];
      }
      index.add(hashes[i], i);
    }
    head = 0;
  }

  private static int ringSizeFor(int capacity) {
    return capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
  }
}
