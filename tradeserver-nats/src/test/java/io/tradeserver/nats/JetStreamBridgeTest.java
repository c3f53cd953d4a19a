package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.tradeserver.config.NatsSettings;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JetStream mode against a real nats-server: ack after decision, events with message ids, and a
 * server restart in the middle of a stream of signals (none lost, none traded twice). How
 * redeliveries are told apart is in {@link DecisionsTest}: the server refuses clients that forge
 * JetStream deliveries, so they cannot be injected here.
 */
class JetStreamBridgeTest {
  static NatsServerProcess server;
  static final AtomicInteger PREFIXES = new AtomicInteger();

  @BeforeAll
  static void startServer() {
    server = new NatsServerProcess();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** JetStream settings under a fresh prefix (own streams and durable), ackWait 2 s. */
  static NatsSettings settings() {
    return settings(server.url());
  }

  static NatsSettings settings(String url) {
    String p = "js" + PREFIXES.incrementAndGet();
    NatsSettings d = NatsSettings.defaults();
    return new NatsSettings(
        true,
        url,
        p,
        d.queueGroup(),
        true,
        "SIG_" + p,
        "EVT_" + p,
        "durable_" + p,
        d.duplicateWindow(),
        Duration.ofSeconds(2),
        d.maxAckPending(),
        d.signalIdWindow(),
        null);
  }

  static String market(String id, String side) {
    return CoreBridgeTest.market(id, side).replace("0.0100", "0.0002");
  }

  @Test
  void aSignalIsAcknowledgedOnlyAfterTheEngineDecided() throws Exception {
    NatsSettings s = settings();
    try (BridgeHarness h = new BridgeHarness(s, 1, false);
        EventTap tap = new EventTap(server.url(), s.prefix())) {
      publishDurably(tap.conn.jetStream(), s.prefix() + ".signals.m", "a-1", market("a-1", "BUY"));

      Await.until(() -> h.bridge.stats().signalsOffered() == 1, "offered to the idle engine");
      assertThat(consumer(tap.conn, s).getNumAckPending()).isEqualTo(1);
      assertThat(h.bridge.stats().acks()).isZero();
      assertThat(h.bridge.stats().pendingDecisions()).isEqualTo(1);

      h.ts.start(); // the engine decides now

      Await.until(() -> !h.statuses("a-1").isEmpty(), "decided");
      Await.until(() -> consumer(tap.conn, s).getNumAckPending() == 0, "acknowledged");
      assertThat(h.bridge.stats().acks()).isEqualTo(1);
      assertThat(h.bridge.stats().pendingDecisions()).isZero();
      assertThat(consumer(tap.conn, s).getRedelivered()).isZero();
    }
  }

  @Test
  void aMalformedSignalWithAnIdIsAcknowledgedOnlyOnceItsDeadLetterIsStored() throws Exception {
    NatsSettings s = settings();
    try (BridgeHarness h = new BridgeHarness(s, 1, false);
        EventTap tap = new EventTap(server.url(), s.prefix())) {
      String bad = market("m-1", "BUY").replace("\"BUY\"", "\"HOLD\"");
      publishDurably(tap.conn.jetStream(), s.prefix() + ".signals.m", "m-1", bad);

      Await.until(() -> h.bridge.stats().signalsInvalid() == 1, "parsed and refused");
      assertThat(consumer(tap.conn, s).getNumAckPending())
          .as("its dead letter is not out yet: the idle engine has not published it")
          .isEqualTo(1);
      assertThat(h.bridge.stats().acks()).isZero();

      h.ts.start();

      Await.until(() -> tap.on(s.prefix() + ".signals.rejected").size() == 1, "dead letter");
      assertThat(tap.on(s.prefix() + ".signals.rejected").get(0).json().path("signalId").asText())
          .isEqualTo("m-1");
      Await.until(() -> consumer(tap.conn, s).getNumAckPending() == 0, "acknowledged");
      assertThat(h.bridge.stats().acks()).isEqualTo(1);
      assertThat(h.bridge.stats().pendingDecisions()).isZero();
    }
  }

  @Test
  void aSignalRedeliveredFromAnInstanceThatDiedIsLookedUpAtTheVenueBeforeItIsSent()
      throws Exception {
    NatsSettings s = settings();
    try (EventTap tap = new EventTap(server.url(), s.prefix())) {
      // Instance a takes the signal and dies before its engine decides: no ack.
      try (BridgeHarness a = new BridgeHarness(s, 1, false)) {
        publishDurably(
            tap.conn.jetStream(), s.prefix() + ".signals.m", "rd-1", market("rd-1", "BUY"));
        Await.until(() -> a.bridge.stats().signalsOffered() == 1, "offered to a");
      }
      // Instance b gets it again (delivery count 2), looks for a's copy, finds none, sends it.
      try (BridgeHarness b = new BridgeHarness(s, 2)) {
        Await.until(
            Duration.ofSeconds(20),
            () -> b.statuses("rd-1").contains("FILLED"),
            () -> "rd-1 on b: " + b.statuses("rd-1") + "; " + b.bridge.stats());
        List<Order> orders =
            b.engine.of(Order.class).stream().filter(o -> "rd-1".equals(o.signalId())).toList();
        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(orders.get(0).reasonDetail()).contains("looking for it at the venue");
        assertThat(orders.get(1).status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(orders.get(1).reasonDetail()).contains("not found at the venue, sent");
        assertThat(b.ordersFor("rd-1")).isEqualTo(1);
        Await.until(() -> consumer(tap.conn, s).getNumAckPending() == 0, "acknowledged by b");
      }
    }
  }

  @Test
  void aServerRestartMidStreamLosesNoSignalAndTradesNoneTwice() throws Exception {
    NatsSettings s = settings();
    int n = 300;
    try (BridgeHarness h = new BridgeHarness(s, 1);
        EventTap tap = new EventTap(server.url(), s.prefix())) {
      JetStream js = tap.conn.jetStream();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread producer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < n; i++) {
                    String id = "m-" + i;
                    publishDurably(
                        js, s.prefix() + ".signals.m", id, market(id, i % 2 == 0 ? "BUY" : "SELL"));
                  }
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "test-producer");
      producer.start();
      Await.until(
          Duration.ofSeconds(20),
          () -> h.bridge.stats().signalsOffered() >= n / 3,
          () -> "a third in");

      server.restart();

      producer.join(60_000);
      assertThat(failure.get()).isNull();
      Await.until(
          Duration.ofSeconds(30),
          () -> untraded(h, n).isEmpty(),
          () -> "not traded: " + untraded(h, n) + "; " + h.bridge.stats());
      for (int i = 0; i < n; i++) {
        assertThat(h.ordersFor("m-" + i)).as("orders for m-" + i).isEqualTo(1);
      }
      Await.until(
          Duration.ofSeconds(15),
          () ->
              consumer(tap.conn, s).getNumAckPending() == 0
                  && h.bridge.stats().pendingDecisions() == 0,
          () -> "all acknowledged: " + h.bridge.stats());
      assertThat(h.bridge.stats().reconnects()).isGreaterThanOrEqualTo(1);

      // The event stream holds each signal's first order state exactly once. Each decision event
      // was handed to the publisher before its signal was acknowledged (above), but it is in the
      // stream only once the stream has confirmed it: a publish lost in the restart is sent again
      // only after the 5 s publish-ack timeout, so a read before then would miss it.
      Await.until(
          Duration.ofSeconds(30),
          () -> h.bridge.stats().eventQueueDepth() == 0 && h.bridge.stats().eventsInFlight() == 0,
          () -> "every event confirmed by the stream: " + h.bridge.stats());
      assertThat(h.bridge.stats().eventsDropped()).isZero();
      Map<String, Integer> pendingNew = new HashMap<>();
      for (Message m : readStream(tap.conn, s.eventStream(), s.prefix() + ".events.order.>")) {
        var j = EventTap.JSON.readTree(m.getData());
        assertThat(m.getHeaders().getFirst("Nats-Msg-Id")).isNotBlank();
        if ("PENDING_NEW".equals(j.get("status").asText())
            && j.get("signalId").asText().startsWith("m-")) {
          pendingNew.merge(j.get("signalId").asText(), 1, Integer::sum);
        }
      }
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!pendingNew.containsKey("m-" + i)) {
          missing.add("m-" + i);
        }
      }
      assertThat(missing).as("signals without PENDING_NEW in the event stream").isEmpty();
      assertThat(pendingNew)
          .as("PENDING_NEW events per signal")
          .allSatisfy((id, c) -> assertThat(c).isEqualTo(1));
    }
  }

  private static List<String> untraded(BridgeHarness h, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (h.ordersFor("m-" + i) == 0) {
        ids.add("m-" + i);
      }
    }
    return ids;
  }

  /** Publishes with the signal id as message id, retrying until the stream has it. */
  static void publishDurably(JetStream js, String subject, String id, String body) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    PublishOptions po =
        PublishOptions.builder().messageId(id).streamTimeout(Duration.ofSeconds(1)).build();
    while (true) {
      try {
        js.publish(subject, body.getBytes(StandardCharsets.UTF_8), po);
        return;
      } catch (IOException | JetStreamApiException | IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not publish " + id, e);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // retry back-off
      }
    }
  }

  static ConsumerInfo consumer(Connection conn, NatsSettings s) {
    try {
      return conn.jetStreamManagement().getConsumerInfo(s.signalStream(), s.durable());
    } catch (IOException | JetStreamApiException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Every message on {@code filter}, up to the one after which the consumer had none pending (not
   * up to a quiet second, which a loaded machine can take mid-stream).
   */
  static List<Message> readStream(Connection conn, String stream, String filter) throws Exception {
    OrderedConsumerContext oc =
        conn.getStreamContext(stream)
            .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(filter));
    List<Message> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Message m = oc.next(Duration.ofSeconds(1));
      if (m != null) {
        out.add(m);
        if (m.metaData().pendingCount() == 0) {
          return out;
        }
      } else if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "read " + out.size() + " messages on " + filter + " from " + stream + ", then none");
      }
    }
  }
}
