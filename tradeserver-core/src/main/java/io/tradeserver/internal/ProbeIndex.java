package io.tradeserver.internal;

import java.util.Arrays;

/**
 * The open-addressing index shared by {@link RecentKeys} and {@link InsertionOrderedMap}: linear
 * probing over a power-of-two array of longs, each slot holding a key's hash and the position of
 * its entry in the owner's arrays ({@code hash << 32 | (position + 1)}; 0 when free). The owner
 * keeps the keys and walks the probe sequence itself ({@link #home}, {@link #next}, {@link #at}),
 * comparing a key only where the stored hash matches. One thread only.
 */
final class ProbeIndex {
  static final long EMPTY = 0;

  private long[] slots;
  private int mask;
  private int shift;

  /** An index of {@code size} slots (a power of two, at least 2). */
  ProbeIndex(int size) {
    reset(size);
  }

  /** Empties the index, resized to {@code size} slots (a power of two). */
  void reset(int size) {
    if (slots != null && slots.length == size) {
      Arrays.fill(slots, EMPTY);
      return;
    }
    slots = new long[size];
    mask = size - 1;
    shift = Integer.numberOfLeadingZeros(mask);
  }

  /** The first slot to probe for {@code hash} (Fibonacci hashing spreads poor hashes). */
  int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  int next(int slot) {
    return (slot + 1) & mask;
  }

  long at(int slot) {
    return slots[slot];
  }

  static int hashOf(long slotValue) {
    return (int) (slotValue >>> 32);
  }

  static int positionOf(long slotValue) {
    return (int) slotValue - 1;
  }

  /** Records an entry in the first free slot of its probe sequence. */
  void add(int hash, int position) {
    int i = home(hash);
    while (slots[i] != EMPTY) {
      i = next(i);
    }
    slots[i] = value(hash, position);
  }

  /** Records an entry in {@code slot}, a free slot its probe sequence reached. */
  void addAt(int slot, int hash, int position) {
    slots[slot] = value(hash, position);
  }

  /** Forgets the entry at {@code position} (it must be held). */
  void remove(int hash, int position) {
    long v = value(hash, position);
    int i = home(hash);
    while (slots[i] != v) {
      i = next(i);
    }
    deleteSlot(i);
  }

  private static long value(int hash, int position) {
    return (long) hash << 32 | (position + 1);
  }

  /** Linear probing's deletion: shifts back later entries of the run so no probe stops short. */
  private void deleteSlot(int hole) {
    int i = hole;
    while (true) {
      i = next(i);
      long e = slots[i];
      if (e == EMPTY) {
        break;
      }
      int home = home(hashOf(e));
      // Move the entry into the hole unless its home lies cyclically in (hole, i].
      boolean homeAfterHole = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (!homeAfterHole) {
        slots[hole] = e;
        hole = i;
      }
    }
    slots[hole] = EMPTY;
  }
}
