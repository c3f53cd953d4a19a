package io.tradeserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InsertionOrderedMapTest {

  private static <V> List<V> values(InsertionOrderedMap<?, V> m) {
    List<V> out = new ArrayList<>();
    m.values().forEach(out::add);
    return out;
  }

  /** A key whose hash is chosen, so collisions can be forced. */
  private record Key(String name, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.name.equals(name);
    }
  }

  @Test
  void getsPutsAndRemovesInInsertionOrder() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    assertThat(m.isEmpty()).isTrue();
    assertThat(m.put("a", 1)).isNull();
    assertThat(m.put("b", 2)).isNull();
    assertThat(m.put("c", 3)).isNull();
    assertThat(m.put("a", 10)).as("replaced value").isEqualTo(1);
    assertThat(values(m)).as("a keeps its place").containsExactly(10, 2, 3);
    assertThat(m.get("b")).isEqualTo(2);
    assertThat(m.get("z")).isNull();
    assertThat(m.containsKey("c")).isTrue();
    assertThat(m.remove("b")).isEqualTo(2);
    assertThat(m.remove("b")).isNull();
    assertThat(m.containsKey("b")).isFalse();
    assertThat(m.size()).isEqualTo(2);
    m.put("b", 4);
    assertThat(values(m)).as("a removed key comes back last").containsExactly(10, 3, 4);
  }

  @Test
  void putIfAbsentKeepsTheHeldValueAndRemoveOfAValueNeedsThatVeryValue() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    Integer one = 1000;
    assertThat(m.putIfAbsent("a", one)).isNull();
    assertThat(m.putIfAbsent("a", 2000)).isSameAs(one);
    assertThat(m.get("a")).isSameAs(one);

    assertThat(m.remove("a", Integer.valueOf(1000)))
        .as("an equal value is not the value")
        .isFalse();
    assertThat(m.remove("b", one)).isFalse();
    assertThat(m.remove("a", one)).isTrue();
    assertThat(m.containsKey("a")).isFalse();
  }

  @Test
  void refusesNulls() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    assertThatThrownBy(() -> m.put(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.put("a", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> m.get(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void collidingHashesAreTellApartAndSurviveRemovalInAnyOrder() {
    InsertionOrderedMap<Key, String> m = new InsertionOrderedMap<>();
    for (int i = 0; i < 40; i++) {
      m.put(new Key("k" + i, i % 3), "v" + i);
    }
    for (int i = 0; i < 40; i += 2) {
      assertThat(m.remove(new Key("k" + i, i % 3))).isEqualTo("v" + i);
    }
    for (int i = 0; i < 40; i++) {
      assertThat(m.get(new Key("k" + i, i % 3))).isEqualTo(i % 2 == 0 ? null : "v" + i);
    }
    assertThat(m.size()).isEqualTo(20);
  }

  @Test
  void iteratorRemovesAndStopsAtItsEnd() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    for (int i = 0; i < 5; i++) {
      m.put("k" + i, i);
    }
    Iterator<Integer> it = m.values().iterator();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    while (it.hasNext()) {
      if (it.next() % 2 == 0) {
        it.remove();
      }
    }
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThat(values(m)).containsExactly(1, 3);
    assertThat(m.get("k0")).isNull();
    assertThat(m.get("k3")).isEqualTo(3);
  }

  @Test
  void aChangeOutsideTheIteratorIsReported() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    m.put("a", 1);
    m.put("b", 2);
    Iterator<Integer> it = m.values().iterator();
    it.next();
    m.put("c", 3);
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void removeValuesIfKeepsTheOthersInOrder() {
    InsertionOrderedMap<String, Integer> m = new InsertionOrderedMap<>();
    for (int i = 0; i < 10; i++) {
      m.put("k" + i, i);
    }
    assertThat(m.removeValuesIf(v -> v % 3 == 0)).isTrue();
    assertThat(m.removeValuesIf(v -> v > 100)).isFalse();
    assertThat(values(m)).containsExactly(1, 2, 4, 5, 7, 8);
    assertThat(m.containsKey("k9")).isFalse();
  }

  @Test
  void aSlidingWindowCompactsInsteadOfGrowing() {
    InsertionOrderedMap<Integer, Integer> m = new InsertionOrderedMap<>();
    for (int i = 0; i < 1_000_000; i++) {
      m.put(i, i);
      if (i >= 100) {
        assertThat(m.remove(i - 100)).isEqualTo(i - 100);
      }
    }
    assertThat(m.size()).isEqualTo(100);
    assertThat(values(m)).first().isEqualTo(999_900);
    assertThat(values(m)).last().isEqualTo(999_999);
  }

  @Test
  void behavesAsALinkedHashMapUnderRandomOperations() {
    SplittableRandom rnd = new SplittableRandom(42);
    InsertionOrderedMap<Key, Integer> m = new InsertionOrderedMap<>();
    Map<Key, Integer> ref = new LinkedHashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // Few distinct hashes for many keys, so probe runs are long and wrap the index.
      int n = rnd.nextInt(3_000);
      Key k = new Key("k" + n, n % 700);
      int op = rnd.nextInt(10);
      if (op < 5) {
        assertThat(m.put(k, step)).isEqualTo(ref.put(k, step));
      } else if (op < 8) {
        assertThat(m.remove(k)).isEqualTo(ref.remove(k));
      } else if (op < 9) {
        assertThat(m.get(k)).isEqualTo(ref.get(k));
      } else {
        int cut = rnd.nextInt(200_000);
        m.removeValuesIf(v -> v < cut && v % 7 == 0);
        ref.values().removeIf(v -> v < cut && v % 7 == 0);
      }
      assertThat(m.size()).isEqualTo(ref.size());
      if (step % 10_000 == 0) {
        assertThat(values(m)).containsExactlyElementsOf(ref.values());
      }
    }
    assertThat(values(m)).containsExactlyElementsOf(ref.values());
    for (Key k : ref.keySet()) {
      assertThat(m.get(k)).isEqualTo(ref.get(k));
    }
  }
}
