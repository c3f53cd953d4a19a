package io.tradeserver.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A map that iterates in insertion order (replacing a value keeps the key's place), like a {@code
 * LinkedHashMap} without access order. One thread only; null keys and values are refused.
 *
 * <p>Why not a {@code LinkedHashMap}: a map of ~100k orders that churns on every order pays a node
 * per entry (48 bytes, two links that are cold when the oldest entries are unlinked) and a probe
 * through a bin of nodes. Here the entries live in arrays in arrival order and an open-addressing
 * index (linear probing, at most half full) holds each entry's position next to its key's hash, so
 * a probe reads one long array and touches a key only when its hash matches. A removed entry leaves
 * a hole in the arrays; when they fill up, the live entries are compacted to the front (and the
 * arrays doubled if more than half are live), so memory stays proportional to the entries held.
 */
public final class InsertionOrderedMap<K, V> {
  private static final long EMPTY = 0; // an index slot is hash << 32 | (position + 1)
  private static final int MIN_ENTRIES = 16;
  private static final int MAX_ENTRIES = 1 << 29;

  // Entries in insertion order at positions [head, end); a removed one has a null key.
  private Object[] keys;
  private Object[] values;
  private int[] hashes;
  private int head;
  private int end;
  private int size;
  private long[] slots;
  private int slotMask;
  private int slotShift;
  private int modCount;

  public InsertionOrderedMap() {
    allocate(MIN_ENTRIES);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The value held for {@code key}, or null when none. */
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int pos = find(key, key.hashCode());
    return pos < 0 ? null : (V) values[pos];
  }

  public boolean containsKey(Object key) {
    return find(key, key.hashCode()) >= 0;
  }

  /**
   * Holds {@code value} for {@code key}: a new key goes last in the order, a held one keeps its
   * place. Returns the value replaced, or null.
   */
  @SuppressWarnings("unchecked")
  public V put(K key, V value) {
    Objects.requireNonNull(value, "value");
    int hash = key.hashCode();
    // One probe finds the key or the free slot it would take (unless the arrays are re-laid).
    int i = index(hash);
    for (long e; (e = slots[i]) != EMPTY; i = (i + 1) & slotMask) {
      int pos = (int) e - 1;
      if ((int) (e >>> 32) == hash && (keys[pos] == key || keys[pos].equals(key))) {
        V old = (V) values[pos];
        values[pos] = value;
        return old;
      }
    }
    boolean relaid = end == keys.length;
    if (relaid) {
      if (size == MAX_ENTRIES) {
        throw new IllegalStateException("full: " + size + " entries");
      }
      allocate(size >= keys.length >> 1 ? Math.min(keys.length << 1, MAX_ENTRIES) : keys.length);
    }
    int pos = end++;
    keys[pos] = key;
    values[pos] = value;
    hashes[pos] = hash;
    size++;
    modCount++;
    if (relaid) {
      insert(pos, hash);
    } else {
      slots[i] = entry(hash, pos);
    }
    return null;
  }

  /** Forgets {@code key}; returns the value it had, or null when it was not held. */
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    int pos = find(key, key.hashCode());
    if (pos < 0) {
      return null;
    }
    V old = (V) values[pos];
    removeAt(pos);
    return old;
  }

  /** Removes every entry whose value matches {@code filter}; the others keep their order. */
  @SuppressWarnings("unchecked")
  public boolean removeValuesIf(Predicate<? super V> filter) {
    boolean removed = false;
    for (int pos = head; pos < end; pos++) {
      if (keys[pos] != null && filter.test((V) values[pos])) {
        removeAt(pos);
        removed = true;
      }
    }
    return removed;
  }

  /**
   * The values, oldest first. The iterator's {@code remove} is supported; any other change to the
   * map while iterating makes the iterator throw {@code ConcurrentModificationException}.
   */
  public Iterable<V> values() {
    return ValueIterator::new;
  }

  private final class ValueIterator implements Iterator<V> {
    private int next = skipHoles(head);
    private int last = -1;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V next() {
      if (expected != modCount) {
        throw new java.util.ConcurrentModificationException();
      }
      if (next >= end) {
        throw new NoSuchElementException();
      }
      last = next;
      next = skipHoles(next + 1);
      return (V) values[last];
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (expected != modCount) {
        throw new java.util.ConcurrentModificationException();
      }
      removeAt(last);
      last = -1;
      expected = modCount;
    }
  }

  private int skipHoles(int pos) {
    while (pos < end && keys[pos] == null) {
      pos++;
    }
    return pos;
  }

  private void removeAt(int pos) {
    long entry = entry(hashes[pos], pos);
    int i = index(hashes[pos]);
    while (slots[i] != entry) {
      i = (i + 1) & slotMask;
    }
    deleteSlot(i);
    keys[pos] = null;
    values[pos] = null;
    size--;
    modCount++;
    if (size == 0) {
      head = 0;
      end = 0;
    } else if (pos == head) {
      head = skipHoles(head + 1);
    }
  }

  private int find(Object key, int hash) {
    for (int i = index(hash); ; i = (i + 1) & slotMask) {
      long e = slots[i];
      if (e == EMPTY) {
        return -1;
      }
      int pos = (int) e - 1;
      if ((int) (e >>> 32) == hash) {
        Object k = keys[pos];
        if (k == key || k.equals(key)) {
          return pos;
        }
      }
    }
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

  /** Compacts the live entries to the front of arrays of {@code length} and rebuilds the index. */
  private void allocate(int length) {
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    int oldHead = head;
    int oldEnd = end;
    if (oldKeys == null || oldKeys.length != length) {
      keys = new Object[length];
      values = new Object[length];
      hashes = new int[length];
      slots = new long[length << 1];
      slotMask = slots.length - 1;
      slotShift = Integer.numberOfLeadingZeros(slotMask);
    } else {
      java.util.Arrays.fill(slots, EMPTY);
    }
    int to = 0;
    for (int from = oldHead; from < oldEnd; from++) {
      if (oldKeys[from] != null) {
        keys[to] = oldKeys[from];
        values[to] = oldValues[from];
        hashes[to] = oldHashes[from];
        insert(to, hashes[to]);
        to++;
      }
    }
    if (keys == oldKeys) {
      java.util.Arrays.fill(keys, to, oldEnd, null);
      java.util.Arrays.fill(values, to, oldEnd, null);
    }
    head = 0;
    end = to;
    modCount++;
  }
}
