package io.tradeserver.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.Scheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestTimeoutsTest {
  private final TestClock clock = new TestClock();
  private final ManualScheduler manual = new ManualScheduler(clock);
  private final List<Long> timersArmed = new ArrayList<>();
  private final Scheduler scheduler =
      (delay, task) -> {
        timersArmed.add(delay);
        return manual.schedule(delay, task);
      };
  private final Set<String> waiting = new HashSet<>();
  private final List<String> expired = new ArrayList<>();
  private final RequestTimeouts<String> timeouts =
      new RequestTimeouts<>(
          scheduler,
          clock,
          Duration.ofSeconds(1).toNanos(),
          waiting::contains,
          id -> {
            waiting.remove(id);
            expired.add(id);
          });

  private void send(String id) {
    waiting.add(id);
    timeouts.add(id);
  }

  @Test
  void eachWaitingRequestExpiresAtItsOwnDeadlineWithOneTimerArmedAtATime() {
    send("o1");
    manual.advance(Duration.ofMillis(300));
    send("o2");
    manual.advance(Duration.ofMillis(300));
    send("o3");
    waiting.remove("o2"); // answered

    manual.advance(Duration.ofMillis(399));
    assertThat(expired).isEmpty();
    manual.advance(Duration.ofMillis(1));
    assertThat(expired).containsExactly("o1");
    manual.advance(Duration.ofMillis(599));
    assertThat(expired).containsExactly("o1");
    manual.advance(Duration.ofMillis(1));
    assertThat(expired).containsExactly("o1", "o3");
    // o1's timer at 1 s, then straight to o3's deadline (o2 was answered): no timer per request.
    assertThat(timersArmed)
        .containsExactly(Duration.ofSeconds(1).toNanos(), Duration.ofMillis(600).toNanos());
  }

  @Test
  void answeredRequestsAreDroppedAsNewOnesArriveAndArmNothing() {
    for (int i = 0; i < 1000; i++) {
      send("o" + i);
      waiting.remove("o" + i);
    }
    assertThat(timeouts.tracked()).isEqualTo(1);
    assertThat(timersArmed).hasSize(1);
    manual.advance(Duration.ofSeconds(2));
    assertThat(expired).isEmpty();
    assertThat(timeouts.tracked()).isZero();
  }
}
