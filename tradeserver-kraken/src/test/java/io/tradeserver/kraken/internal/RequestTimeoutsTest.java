package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RequestTimeoutsTest {
  private final TestClock clock = new TestClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
  private final List<Long> expired = new ArrayList<>();
  private final RequestTimeouts timeouts =
      new RequestTimeouts(
          scheduler,
          clock,
          Duration.ofSeconds(3).toNanos(),
          waiting::contains,
          id -> {
            waiting.remove(id);
            expired.add(id);
          });

  private void sent(long id) {
    waiting.add(id);
    timeouts.add(id);
  }

  @Test
  void oneArmedTimerExpiresOnlyUnansweredRequestsAtTheirDeadlines() {
    sent(1);
    scheduler.advance(Duration.ofSeconds(1));
    sent(2);
    sent(3);
    sent(4);
    assertThat(scheduler.pending()).isEqualTo(1);
    waiting.remove(1L); // answered
    waiting.remove(3L);

    scheduler.advance(Duration.ofSeconds(2)); // t=3 s: 1 was answered, nothing due
    assertThat(expired).isEmpty();
    scheduler.advance(Duration.ofSeconds(1)); // t=4 s: 2 and 4 due, 3 answered
    assertThat(expired).containsExactly(2L, 4L);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void answeredRequestsAreDroppedAsNewOnesArrive() {
    for (long id = 1; id <= 100; id++) {
      sent(id);
      waiting.remove(id);
    }
    assertThat(timeouts.tracked()).isEqualTo(1);
    assertThat(scheduler.pending()).isEqualTo(1);
  }
}
