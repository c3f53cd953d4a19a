package io.tradeserver.internal;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
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
 * arrays doubled if more than half are live), so memory follows the most entries held at once (it
 * never shrinks).
 */
public final class InsertionOrderedMap<K, V> {
  private static final int MIN_ENTRIES = 16;
  private static final int MAX_ENTRIES = 1 << 29;

  // Entries in insertion order at positions [head, end); a removed one has a null key.
  private Object[] keys;
  private Object[] values;
  private int[] hashes;
  private int head;
  private int end;
  private int size;
  private ProbeIndex index;
  private int modCount;
  private final Collection<V> valueView =
      new AbstractCollection<>() {
        @Override
        public Iterator<V> iterator() {
          return new ValueIterator();
        }

        @Override
        public int size() {
          return size;
        }
      };

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
    int i = index.home(hash);
    for (long e; (e = index.at(i)) != ProbeIndex.EMPTY; i = index.next(i)) {
      int pos = ProbeIndex.positionOf(e);
      if (ProbeIndex.hashOf(e) == hash && (keys[pos] == key || keys[pos].equals(key))) {
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
      index.add(hash, pos);
    } else {
      index.addAt(i, hash, pos);
    }
    return null;
  }

  /**
   * Holds {@code value} for {@code key} unless the key is held already; returns the value held
   * before (left in place), or null when {@code value} was added.
   */
  public V putIfAbsent(K key, V value) {
    V held = get(key);
    return held != null ? held : put(key, value);
  }

  /**
   * Forgets {@code key} only while it maps to {@code value} (the same object); true when it did.
   */
  public boolean remove(Object key, Object value) {
    int pos = find(key, key.hashCode());
    if (pos < 0 || values[pos] != value) {
      return false;
    }
    removeAt(pos);
    return true;
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
  public Collection<V> values() {
    return valueView;
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
    index.remove(hashes[pos], pos);
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
    for (int i = index.home(hash); ; i = index.next(i)) {
      long e = index.at(i);
      if (e == ProbeIndex.EMPTY) {
        return -1;
      }
      int pos = ProbeIndex.positionOf(e);
      if (ProbeIndex.hashOf(e) == hash) {
        Object k = keys[pos];
        if (k == key || k.equals(key)) {
          return pos;
        }
      }
    }
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
    }
    if (index == null) {
      index = new ProbeIndex(length << 1);
    } else {
      index.reset(length << 1);
    }
    int to = 0;
    for (int from = oldHead; from < oldEnd; from++) {
      if (oldKeys[from] != null) {
        keys[to] = oldKeys[from];
        values[to] = oldValues[from];
        hashes[to] = oldHashes[from];
        index.add(hashes[to], to);
        to++;
      }
    }
    if (keys == oldKeys) {
      Arrays.fill(keys, to, oldEnd, null);
      Arrays.fill(values, to, oldEnd, null);
    }
    head = 0;
    end = to;
    modCount++;
  }
}
