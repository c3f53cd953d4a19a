package io.tradeserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

  private static boolean add(RecentKeys k, String a, String b) {
    return k.add(a, b, RecentKeys.hash(a, b), 0);
  }

  private static boolean contains(RecentKeys k, String a, String b) {
    return k.contains(a, b, RecentKeys.hash(a, b));
  }

  @Test
  void refusesRepeatsAndForgetsTheOldestWhenFull() {
    RecentKeys k = new RecentKeys(3, false);
    assertThat(add(k, "a", null)).isTrue();
    assertThat(add(k, "b", null)).isTrue();
    assertThat(add(k, "a", null)).as("repeat").isFalse();
    assertThat(add(k, "c", null)).isTrue();
    assertThat(add(k, "d", null)).isTrue(); // forgets a
    assertThat(k.size()).isEqualTo(3);
    assertThat(contains(k, "a", null)).isFalse();
    assertThat(List.of(contains(k, "b", null), contains(k, "c", null), contains(k, "d", null)))
        .containsOnly(true);
    assertThat(add(k, "a", null)).as("forgotten, so new again").isTrue();
    assertThat(contains(k, "b", null)).isFalse();
  }

  @Test
  void bothPartsOfTheKeyCount() {
    RecentKeys k = new RecentKeys(10, false);
    assertThat(add(k, "t1", "binance:BTC-USDT")).isTrue();
    assertThat(add(k, "t1", "kraken:BTC-USDT")).isTrue();
    assertThat(add(k, "t1", null)).isTrue();
    assertThat(add(k, "t1", "binance:BTC-USDT")).isFalse();
    assertThat(add(k, new String("t1"), new String("kraken:BTC-USDT"))).as("by equals").isFalse();
    assertThat(k.size()).isEqualTo(3);
  }

  @Test
  void keysWithTheSameHashAreKeptApartAndRemovedOneByOne() {
    RecentKeys k = new RecentKeys(64, false);
    for (int i = 0; i < 40; i++) {
      assertThat(k.add("k" + i, null, 7, 0)).isTrue(); // every key in one probe run
    }
    assertThat(k.add("k5", null, 7, 0)).isFalse();
    for (int i = 0; i < 20; i++) {
      k.removeOldest();
    }
    for (int i = 0; i < 40; i++) {
      assertThat(k.contains("k" + i, null, 7)).as("k" + i).isEqualTo(i >= 20);
    }
  }

  @Test
  void stampsGoWithTheOldestKey() {
    RecentKeys k = new RecentKeys(100, true);
    k.add("a", null, 1, 10);
    k.add("b", null, 2, 20);
    assertThat(k.oldestStamp()).isEqualTo(10);
    k.removeOldest();
    assertThat(k.oldestStamp()).isEqualTo(20);
    k.removeOldest();
    assertThat(k.size()).isZero();
    k.removeOldest(); // nothing to do
    assertThatThrownBy(k::oldestStamp).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RecentKeys(5, false).oldestStamp())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RecentKeys(0, false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void growsAcrossTheRingsWrapAndKeepsArrivalOrder() {
    RecentKeys k = new RecentKeys(1000, true);
    for (int i = 0; i < 10; i++) {
      k.add("x" + i, null, ("x" + i).hashCode(), i);
    }
    for (int i = 0; i < 6; i++) {
      k.removeOldest(); // the ring's head is now mid-array
    }
    for (int i = 10; i < 500; i++) { // several doublings while wrapped
      k.add("x" + i, null, ("x" + i).hashCode(), i);
    }
    assertThat(k.size()).isEqualTo(494);
    for (int i = 6; i < 500; i++) {
      assertThat(k.oldestStamp()).isEqualTo(i);
      assertThat(k.contains("x" + i, null, ("x" + i).hashCode())).isTrue();
      k.removeOldest();
    }
    assertThat(k.size()).isZero();
  }

  /** A long random run against a plain model, with a hash narrow enough to collide often. */
  @Test
  void behavesLikeABoundedInsertionOrderedSet() {
    SplittableRandom rnd = new SplittableRandom(42);
    int capacity = 300;
    RecentKeys k = new RecentKeys(capacity, true);
    ArrayDeque<String> model = new ArrayDeque<>();
    Set<String> members = new HashSet<>();
    long stamp = 0;
    for (int step = 0; step < 200_000; step++) {
      String key = "s" + rnd.nextInt(1_000);
      int hash = key.hashCode() & 0x3F;
      int op = rnd.nextInt(10);
      if (op < 7) {
        boolean isNew = !members.contains(key);
        assertThat(k.add(key, null, hash, ++stamp)).isEqualTo(isNew);
        if (isNew) {
          model.addLast(key);
          members.add(key);
          if (model.size() > capacity) {
            members.remove(model.removeFirst());
          }
        }
      } else if (op < 9) {
        assertThat(k.contains(key, null, hash)).isEqualTo(members.contains(key));
      } else {
        k.removeOldest();
        if (!model.isEmpty()) {
          members.remove(model.removeFirst());
        }
      }
      assertThat(k.size()).isEqualTo(model.size());
    }
    for (String key : model) {
      assertThat(k.contains(key, null, key.hashCode() & 0x3F)).isTrue();
    }
  }
}
