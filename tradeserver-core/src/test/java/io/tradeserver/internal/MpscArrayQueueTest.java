package io.tradeserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MpscArrayQueueTest {

  @Test
  void boundedFifoForOneProducer() {
    MpscArrayQueue<Integer> q = new MpscArrayQueue<>(3); // rounds up to 4
    assertThat(q.capacity()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      assertThat(q.offer(i)).isTrue();
    }
    assertThat(q.offer(99)).as("full").isFalse();
    assertThat(q.poll()).isZero();
    assertThat(q.offer(4)).isTrue();
    List<Integer> out = new ArrayList<>();
    Integer v;
    while ((v = q.poll()) != null) {
      out.add(v);
    }
    assertThat(out).containsExactly(1, 2, 3, 4);
  }

  @Test
  void eachElementKeepsItsOwnStampAcrossSlotReuse() {
    MpscArrayQueue<String> q = new MpscArrayQueue<>(2);
    for (int round = 0; round < 3; round++) {
      assertThat(q.offer("a" + round, 100 + round)).isTrue();
      assertThat(q.offer("b" + round)).isTrue(); // no stamp: 0, not the slot's previous one
      assertThat(q.poll()).isEqualTo("a" + round);
      assertThat(q.lastStamp()).isEqualTo(100 + round);
      assertThat(q.poll()).isEqualTo("b" + round);
      assertThat(q.lastStamp()).isZero();
    }
    assertThat(q.poll()).isNull();
    assertThat(q.lastStamp()).as("unchanged by an empty poll").isZero();
  }

  @Test
  void manyProducersLoseNothingAndDuplicateNothing() throws Exception {
    MpscArrayQueue<Long> q = new MpscArrayQueue<>(1024);
    int producers = 4;
    int each = 20_000;
    AtomicInteger done = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      long base = (long) p << 32;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  while (!q.offer(base + i, ~(base + i))) { // a stamp derived from the value
                    Thread.onSpinWait();
                  }
                }
                done.incrementAndGet();
              });
      threads.add(t);
      t.start();
    }
    Set<Long> seen = new HashSet<>();
    long[] lastPerProducer = new long[producers];
    java.util.Arrays.fill(lastPerProducer, -1);
    while (seen.size() < producers * each) {
      Long v = q.poll();
      if (v == null) {
        Thread.onSpinWait();
        continue;
      }
      assertThat(q.lastStamp()).as("the stamp offered with %s", v).isEqualTo(~v);
      int p = (int) (v >>> 32);
      long seq = v & 0xffffffffL;
      assertThat(seq).as("per-producer order").isGreaterThan(lastPerProducer[p]);
      lastPerProducer[p] = seq;
      assertThat(seen.add(v)).as("duplicate %s", v).isTrue();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(done.get()).isEqualTo(producers);
    assertThat(q.poll()).isNull();
  }
}
