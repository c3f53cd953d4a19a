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
  private static final long EMPTY = 0; // an entry is hash << 32 | (ring position + 1)
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
  // The index: hash and ring position per slot (EMPTY when free), one cache line per probe.
  private long[] slots;
  private int slotMask;
  private int slotShift;

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
    insert(pos, hash);
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
    long entry = entry(hashes[pos], pos);
    int i = index(hashes[pos]);
    while (slots[i] != entry) {
      i = (i + 1) & slotMask;
    }
    deleteSlot(i);
    as[pos] = null;
    bs[pos] = null;
    head = (head + 1) & ringMask;
    size--;
  }

  private int find(Object a, Object b, int hash) {
    for (int i = index(hash); ; i = (i + 1) & slotMask) {
      long e = slots[i];
      if (e == EMPTY) {
        return -1;
      }
      int pos = (int) e - 1;
      if ((int) (e >>> 32) == hash && sameKey(pos, a, b)) {
        return pos;
      }
    }
  }

  private boolean sameKey(int pos, Object a, Object b) {
    Object sa = as[pos];
    Object sb = bs[pos];
    return (sa == a || sa.equals(a)) && (sb == b || (sb != null && sb.equals(b)));
  }

  private void insert(int pos, int hash) {
    int i = index(hash);
    while (slots[i] != EMPTY) {
      i = (i + 1) & slotMask;
    }
    slots[i] = entry(hash, pos);
  }

  private static long entry(int hash, int pos) {
    return (long) hash << 32 | (pos + 1);
  }

  /** Linear probing's deletion: shifts back later entries of the run so no probe stops short. */
  private void deleteSlot(int hole) {
    int i = hole;
    while (true) {
      i = (i + 1) & slotMask;
      long e = slots[i];
      if (e == EMPTY) {
        break;
      }
      int home = index((int) (e >>> 32));
      // Move the entry into the hole unless its home lies cyclically in (hole, i].
      boolean homeAfterHole = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!homeAfterHole) {
        slots[hole] = e;
        hole = i;
      }
    }
    slots[hole] = EMPTY;
  }

  private int index(int hash) {
    return (hash * 0x9E3779B9) >>> slotShift;
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
    slots = new long[ringSize << 1];
    slotMask = slots.length - 1;
    slotShift = Integer.numberOfLeadingZeros(slotMask);
    for (int i = 0; i < size; i++) {
      int from = (head + i) & oldMask;
      as[i] = oldAs[from];
      bs[i] = oldBs[from];
      hashes[i] = oldHashes[from];
      if (stamped) {
        stamps[i] = oldStamps[from];
      }
      insert(i, hashes[i]);
    }
    head = 0;
  }

  private static int ringSizeFor(int capacity) {
    return capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
  }
}
