package io.tradeserver.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimOutboxTest {
  private static final InstrumentId BTC = InstrumentId.of("sim", "BTC-USDT");
  private final TestContexts kit = new TestContexts();
  private final SimOutbox outbox =
      new SimOutbox("sim", kit.context(VenueConfig.builder("sim").build()), Duration.ofNanos(10));

  private static OrderExpired event(int i) {
    return new OrderExpired("sim", BTC, "c" + i, "e" + i, i);
  }

  private List<String> released() {
    List<String> ids = new ArrayList<>();
    for (VenueEvent e : kit.listener.events()) {
      ids.add(e instanceof OrderExpired x ? x.clientOrderId() : "connection");
    }
    kit.listener.clear();
    return ids;
  }

  @Test
  void releasesInOrderOnceDueAcrossTheQueuesWrapAndGrowth() {
    List<String> expected = new ArrayList<>();
    int next = 0;
    for (long now = 0; now < 40; now += 10) { // 50 per step: the ring wraps, then grows
      outbox.now(now);
      for (int i = 0; i < 50; i++, next++) {
        outbox.emit(event(next), false);
      }
      assertThat(outbox.release(now + 9)).as("not yet due").isEqualTo(expected.size());
      assertThat(released()).containsExactlyElementsOf(expected);
      expected.clear();
      for (int i = next - 50; i < next; i++) {
        expected.add("c" + i);
      }
    }
    for (int i = 0; i < 100; i++, next++) { // 150 queued: grows while the head is mid-array
      outbox.emit(event(next), false);
      expected.add("c" + next);
    }
    assertThat(outbox.release(1_000)).isEqualTo(150);
    assertThat(released()).containsExactlyElementsOf(expected);
    assertThat(outbox.release(2_000)).isZero();
  }

  @Test
  void privateStreamEventsDueWhileItIsDownAreLost() {
    outbox.now(0);
    outbox.emit(event(1), true);
    outbox.dropPrivate(100);
    outbox.emit(event(2), false);
    outbox.emit(event(3), true);
    assertThat(outbox.release(50)).as("all came due, one was lost").isEqualTo(4);
    assertThat(released()).containsExactly("connection", "c2");
    assertThat(outbox.restorePrivate(100)).isTrue();
    outbox.now(100);
    outbox.emit(event(4), true);
    assertThat(outbox.release(200)).isEqualTo(2);
    assertThat(released()).containsExactly("connection", "c4");
  }
}
