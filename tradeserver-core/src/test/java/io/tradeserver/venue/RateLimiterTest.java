package io.tradeserver.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.time.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token accounting of the venue rate limiter, on a test clock. */
class RateLimiterTest {
  final TestClock clock = new TestClock();
  final RateLimiter limiter = new RateLimiter("v", clock);

  long available(String limit) {
    return limiter.headroom().stream()
        .filter(h -> h.limit().equals(limit))
        .findFirst()
        .orElseThrow()
        .available();
  }

  @Test
  void aFixedWindowGrantsItsCapacityThenSaysHowLongUntilItRefills() {
    RateLimiter.Limit orders = limiter.limit("orders", 3, Duration.ofSeconds(10));
    RateLimiter.Cost one = limiter.cost().add(orders, 1).build();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(one)).isZero();
    }
    clock.advance(Duration.ofSeconds(4));
    assertThat(limiter.tryAcquire(one)).isEqualTo(Duration.ofSeconds(6).toNanos());
    assertThat(available("orders")).as("a refusal takes nothing").isZero();

    clock.advance(Duration.ofSeconds(6));
    assertThat(limiter.tryAcquire(one)).isZero();
    assertThat(available("orders")).isEqualTo(2);
  }

  @Test
  void aCostOverSeveralLimitsIsTakenFromAllOrNone() {
    RateLimiter.Limit weight = limiter.limit("weight", 100, Duration.ofMinutes(1));
    RateLimiter.Limit orders = limiter.limit("orders", 1, Duration.ofSeconds(10));
    RateLimiter.Cost order = limiter.cost().add(weight, 5).add(orders, 1).build();

    assertThat(limiter.tryAcquire(order)).isZero();
    assertThat(limiter.tryAcquire(order)).isEqualTo(Duration.ofSeconds(10).toNanos());

    assertThat(available("weight")).as("the refused request's weight was given back").isEqualTo(95);
    assertThat(available("orders")).isZero();
  }

  @Test
  void aDecayingLimitRefillsContinuously() {
    RateLimiter.Limit counter = limiter.decayingLimit("counter", 2, Duration.ofSeconds(2));
    RateLimiter.Cost call = limiter.cost().add(counter, 1).build();
    assertThat(limiter.tryAcquire(call)).isZero();
    assertThat(limiter.tryAcquire(call)).isZero();
    assertThat(limiter.tryAcquire(call)).isEqualTo(Duration.ofSeconds(1).toNanos());
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(call)).isZero();
  }

  @Test
  void theVenuesOwnCountCorrectsTheBucketAndAPauseStopsEverything() {
    RateLimiter.Limit weight = limiter.limit("weight", 100, Duration.ofMinutes(1));
    RateLimiter.Cost call = limiter.cost().add(weight, 1).build();
    limiter.observeUsed(weight, 90);
    assertThat(available("weight")).isEqualTo(10);
    limiter.observeUsed(weight, 20);
    assertThat(available("weight")).isEqualTo(80);

    limiter.pauseUntil(clock.nanos() + Duration.ofSeconds(30).toNanos());
    assertThat(limiter.tryAcquire(call)).isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(available("weight")).isEqualTo(80);
    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.tryAcquire(call)).isZero();
  }
}
