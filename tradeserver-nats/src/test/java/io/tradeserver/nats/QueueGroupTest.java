package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.config.NatsSettings;
import io.tradeserver.model.Order;
import io.tradeserver.testing.Await;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two TradeServer instances (nodes 1 and 2) in one queue group share the signals. */
class QueueGroupTest {
  static NatsServerProcess server;

  @BeforeAll
  static void startServer() {
    server = new NatsServerProcess();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void coreNatsInstancesSplitTheSignalsAndNoneIsTradedTwice() throws Exception {
    NatsSettings s = BridgeHarness.core(server.url()).withPrefix("qcore");
    try (BridgeHarness a = new BridgeHarness(s, 1);
        BridgeHarness b = new BridgeHarness(s, 2);
        EventTap tap = new EventTap(server.url(), s.prefix())) {
      int n = 200;
      for (int i = 0; i < n; i++) {
        tap.publish("m", JetStreamBridgeTest.market("q-" + i, i % 2 == 0 ? "BUY" : "SELL"));
      }
      tap.flush();
      assertSplit(a, b, n);
    }
  }

  @Test
  void jetStreamInstancesShareTheDurableAndNoneIsTradedTwice() throws Exception {
    NatsSettings s = JetStreamBridgeTest.settings(server.url());
    try (BridgeHarness a = new BridgeHarness(s, 1);
        BridgeHarness b = new BridgeHarness(s, 2);
        EventTap tap = new EventTap(server.url(), s.prefix())) {
      int n = 200;
      for (int i = 0; i < n; i++) {
        String id = "q-" + i;
        JetStreamBridgeTest.publishDurably(
            tap.conn.jetStream(),
            s.prefix() + ".signals.m",
            id,
            JetStreamBridgeTest.market(id, i % 2 == 0 ? "BUY" : "SELL"));
      }
      assertSplit(a, b, n);
      Await.until(
          () -> JetStreamBridgeTest.consumer(tap.conn, s).getNumAckPending() == 0, "all acked");
    }
  }

  private static void assertSplit(BridgeHarness a, BridgeHarness b, int n) {
    Await.until(
        Duration.ofSeconds(20),
        () -> signals(a).size() + signals(b).size() >= n,
        () -> "orders: a=" + signals(a).size() + " b=" + signals(b).size());
    Set<String> inA = signals(a);
    Set<String> inB = signals(b);
    assertThat(inA).as("node 1 got a share").isNotEmpty();
    assertThat(inB).as("node 2 got a share").isNotEmpty();
    assertThat(inA).doesNotContainAnyElementsOf(inB);
    Set<String> all = new HashSet<>(inA);
    all.addAll(inB);
    assertThat(all).hasSize(n);
    for (String id : all) {
      assertThat(a.ordersFor(id) + b.ordersFor(id)).as(id).isEqualTo(1);
    }
  }

  private static Set<String> signals(BridgeHarness h) {
    return h.engine.of(Order.class).stream()
        .map(Order::signalId)
        .filter(id -> id != null && id.startsWith("q-"))
        .collect(Collectors.toSet());
  }
}
