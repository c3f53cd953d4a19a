package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.support.NatsJetStreamConstants;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The JetStream sink's confirmation bookkeeping, with a connection and a JetStream stand-in whose
 * publish acknowledgements the test gives (or withholds, as a server restart does).
 */
class EventSinkTest {
  static final String SUBJECT = "p.events.order.sim.BTC-USDT";
  static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

  final Counters counters = new Counters();
  final List<String> sent = new ArrayList<>(); // Nats-Msg-Id of every publish, in order
  final List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
  Connection.Status status = Connection.Status.CONNECTED;

  final Connection conn =
      (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("getStatus")) {
                  return status;
                }
                throw new UnsupportedOperationException(method.getName());
              });

  final JetStream js =
      (JetStream)
          Proxy.newProxyInstance(
              JetStream.class.getClassLoader(),
              new Class<?>[] {JetStream.class},
              (proxy, method, args) -> {
                if (method.getName().equals("publishAsync") && args.length == 3) {
                  sent.add(((Headers) args[1]).getFirst(NatsJetStreamConstants.MSG_ID_HDR));
                  CompletableFuture<PublishAck> f = new CompletableFuture<>();
                  acks.add(f);
                  return f;
                }
                throw new UnsupportedOperationException(method.getName());
              });

  static PublishAck ack(long seq) throws Exception {
    String json = "{\"stream\":\"EVT\",\"seq\":" + seq + "}";
    return new PublishAck(new NatsMessage("r", null, json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEventIsInFlightUntilTheStreamConfirmsItAndTheHeadIsConfirmedFirst() throws Exception {
    EventSink.Jet sink = new EventSink.Jet(conn, js, counters, 16, Long.MAX_VALUE);
    sink.publish(SUBJECT, "o:1", BODY);
    sink.publish(SUBJECT, "o:2", BODY);
    assertThat(sink.inFlight()).isEqualTo(2);

    acks.get(1).complete(ack(2));
    sink.poll(0);
    assertThat(sink.inFlight()).isEqualTo(2);

    acks.get(0).complete(ack(1));
    sink.poll(0);
    assertThat(sink.inFlight()).isZero();
    assertThat(counters.eventsPublished.get()).isEqualTo(2);
  }

  @Test
  void aPublishLostInARestartIsSentAgainWithItsIdAndStaysInFlightUntilConfirmed() throws Exception {
    // ack timeout -1: a publish without an answer is late at once, so the test needs no clock
    EventSink.Jet sink = new EventSink.Jet(conn, js, counters, 16, -1);
    sink.publish(SUBJECT, "o:1", BODY); // sent into a server that is going away: never answered

    status = Connection.Status.RECONNECTING;
    sink.poll(0);
    assertThat(sent).as("disconnected: waits for the connection").containsExactly("o:1");

    status = Connection.Status.CONNECTED;
    sink.poll(0);
    assertThat(sent).containsExactly("o:1", "o:1");
    assertThat(sink.inFlight()).isEqualTo(1);
    assertThat(counters.eventsPublished.get()).isZero();

    acks.get(1).complete(ack(7));
    sink.poll(0);
    assertThat(sink.inFlight()).isZero();
    assertThat(counters.eventsPublished.get()).isEqualTo(1);
    assertThat(counters.publishErrors.get()).isEqualTo(1);
    assertThat(counters.eventsDropped.get()).isZero();
  }

  @Test
  void aDecidingEventReportsItsSignalOnlyOnceTheStreamHasConfirmedIt() throws Exception {
    List<String> stored = new ArrayList<>();
    EventSink.Jet sink = new EventSink.Jet(conn, js, counters, 16, Long.MAX_VALUE);
    sink.whenStored(stored::add);
    sink.publish(SUBJECT, "o:1", BODY, "sig-1");
    sink.publish(SUBJECT, "p:1", BODY); // a position: decides nothing
    sink.publish(SUBJECT, "o:2", BODY, "sig-2");

    sink.poll(0);
    assertThat(stored).as("nothing confirmed yet").isEmpty();

    acks.get(2).complete(ack(3));
    sink.poll(0);
    assertThat(stored).as("confirmed out of order: waits for the head").isEmpty();

    acks.get(0).complete(ack(1));
    acks.get(1).complete(ack(2));
    sink.poll(0);
    assertThat(stored).containsExactly("sig-1", "sig-2");
  }

  @Test
  void aDecidingEventGivenUpWhileConnectedReportsItsSignalButOneLostToAClosedConnectionDoesNot()
      throws Exception {
    List<String> stored = new ArrayList<>();
    EventSink.Jet sink = new EventSink.Jet(conn, js, counters, 16, -1);
    sink.whenStored(stored::add);
    sink.publish(SUBJECT, "o:1", BODY, "sig-1");
    for (int i = 0; i < 30 && sink.inFlight() > 0; i++) {
      sink.poll(0); // never answered, late at once: resent until the attempts run out
    }
    assertThat(sink.inFlight()).isZero();
    assertThat(counters.eventsDropped.get()).isEqualTo(1);
    assertThat(stored)
        .as("the engine decided; the stream would not take it")
        .containsExactly("sig-1");

    sink.publish(SUBJECT, "o:2", BODY, "sig-2");
    status = Connection.Status.CLOSED;
    sink.poll(0);
    assertThat(sink.inFlight()).isZero();
    assertThat(stored)
        .as("closed: cannot be acknowledged, left to redelivery")
        .containsExactly("sig-1");
  }
}
