package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.time.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceSourceTest {
  @TempDir Path dir;

  @Test
  void strictlyIncreasingAndUniqueUnderConcurrentCalls() throws Exception {
    TestClock clock = new TestClock(); // frozen: every nonce past the first comes from last + 1
    NonceSource nonces = new NonceSource(clock, null);
    int threads = 8;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                long[] seen = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                  seen[i] = nonces.next();
                  if (i % 1000 == 0) {
                    clock.advanceNanos(1_000); // and sometimes the clock moves a microsecond
                  }
                }
                return seen;
              }));
    }
    go.countDown();
    Set<Long> all = new HashSet<>();
    for (Future<long[]> f : results) {
      long[] seen = f.get(30, TimeUnit.SECONDS);
      for (int i = 1; i < seen.length; i++) {
        assertThat(seen[i]).as("per-thread order").isGreaterThan(seen[i - 1]);
      }
      for (long n : seen) {
        all.add(n);
      }
    }
    pool.shutdown();
    assertThat(all).as("no nonce handed out twice").hasSize(threads * perThread);
    assertThat(nonces.last())
        .isEqualTo(all.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void followsTheClockInMicroseconds() {
    TestClock clock = new TestClock(Instant.parse("2025-11-24T21:00:00Z"));
    NonceSource nonces = new NonceSource(clock, null);
    assertThat(nonces.next()).isEqualTo(1_764_018_000_000_000L);
    clock.advanceNanos(5_000);
    assertThat(nonces.next()).isEqualTo(1_764_018_000_000_005L);
  }

  @Test
  void persistedFloorSurvivesARestartWithAClockThatWentBack() throws Exception {
    Path file = dir.resolve("kraken.nonce");
    NonceSource before =
        new NonceSource(new TestClock(Instant.parse("2025-11-24T21:00:00Z")), file);
    long last = 0;
    for (int i = 0; i < 100; i++) {
      last = before.next();
    }
    assertThat(Files.readString(file).trim()).isNotEmpty();
    // Restart with a wall clock one hour behind: the floor still forbids going back.
    NonceSource after = new NonceSource(new TestClock(Instant.parse("2025-11-24T20:00:00Z")), file);
    assertThat(after.next()).isGreaterThan(last);
  }
}
