package io.tradeserver.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.support.NatsJetStreamConstants;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the publisher thread hands serialized events. Publisher thread only. */
interface EventSink {
  /**
   * Publishes; {@code msgId} is null unless {@link #wantsMessageIds()}. {@code decides} names the
   * signal this event is the engine's first decision on (null for other events): it is passed to
   * {@link #whenStored} once the event is stored, which for JetStream means confirmed by the event
   * stream.
   */
  void publish(String subject, String msgId, byte[] body, String decides);

  /** An event that decides no signal. */
  default void publish(String subject, String msgId, byte[] body) {
    publish(subject, msgId, body, null);
  }

  /**
   * Receives the signal id of every deciding event once it is stored (publisher thread). Core NATS
   * stores nothing, so a core sink reports it as soon as jnats has taken the event.
   */
  void whenStored(Consumer<String> stored);

  /** True when events carry a {@code Nats-Msg-Id} (JetStream). */
  boolean wantsMessageIds();

  /** Housekeeping between events (acknowledgements, retries). */
  default void poll(long nowNanos) {}

  /** Events handed over and not yet confirmed; any thread. */
  default int inFlight() {
    return 0;
  }

  /**
   * Core NATS: {@code publish} copies into jnats' outgoing queue (or its reconnect buffer while
   * disconnected). When jnats refuses (reconnect buffer full, outgoing queue full), the publisher
   * thread retries until the connection is closed; the engine never waits for this.
   */
  final class Core implements EventSink {
    private final Connection conn;
    private final Counters counters;
    private Consumer<String> stored = id -> {};

    Core(Connection conn, Counters counters) {
      this.conn = conn;
      this.counters = counters;
    }

    @Override
    public void whenStored(Consumer<String> stored) {
      this.stored = stored;
    }

    @Override
    public void publish(String subject, String msgId, byte[] body, String decides) {
      long backoff = 1_000_000L;
      while (true) {
        try {
          conn.publish(subject, body);
          counters.eventsPublished.incrementAndGet();
          if (decides != null) {
            stored.accept(decides);
          }
          return;
        } catch (IllegalStateException e) {
          counters.publishErrors.incrementAndGet();
          if (conn.getStatus() == Connection.Status.CLOSED) {
            counters.eventsDropped.incrementAndGet();
            return;
          }
          LockSupport.parkNanos(backoff);
          backoff = Math.min(backoff * 2, 100_000_000L);
        }
      }
    }

    @Override
    public boolean wantsMessageIds() {
      return false;
    }
  }

  /**
   * JetStream: {@code publishAsync} with a {@code Nats-Msg-Id}, at most {@code maxInFlight}
   * unconfirmed. A publish that failed, or got no acknowledgement within {@code ackTimeoutNanos}
   * while connected, is sent again with the same id: the stream's duplicate window makes the retry
   * safe. Disconnected, it waits (jnats holds the messages in its reconnect buffer).
   *
   * <p>A deciding event is reported to {@link #whenStored} when the stream confirms it (so the
   * signal is acknowledged only once its decision is in the event stream), or when it is given up
   * after {@link #MAX_ATTEMPTS} while connected (the engine has decided; holding the signal would
   * only have it redelivered and refused as a duplicate). One dropped because the connection was
   * closed is not reported: its signal cannot be acknowledged any more and is redelivered.
   */
  final class Jet implements EventSink {
    private static final Logger log = LoggerFactory.getLogger(EventSink.class);
    private static final int MAX_ATTEMPTS = 20;

    private static final class InFlight {
      final String subject;
      final Headers headers;
      final byte[] body;
      final String decides;
      CompletableFuture<PublishAck> future;
      long sentNanos;
      int attempts;

      InFlight(String subject, Headers headers, byte[] body, String decides) {
        this.subject = subject;
        this.headers = headers;
        this.body = body;
        this.decides = decides;
      }
    }

    private final Connection conn;
    private final JetStream js;
    private final Counters counters;
    private final int maxInFlight;
    private final long ackTimeoutNanos;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private Consumer<String> stored = id -> {};
    // inFlight's size for other threads (stats, close): the deque is the publisher thread's alone
    private volatile int unconfirmed;

    Jet(Connection conn, JetStream js, Counters counters, int maxInFlight, long ackTimeoutNanos) {
      this.conn = conn;
      this.js = js;
      this.counters = counters;
      this.maxInFlight = maxInFlight;
      this.ackTimeoutNanos = ackTimeoutNanos;
    }

    @Override
    public boolean wantsMessageIds() {
      return true;
    }

    @Override
    public void whenStored(Consumer<String> stored) {
      this.stored = stored;
    }

    @Override
    public void publish(String subject, String msgId, byte[] body, String decides) {
      InFlight f =
          new InFlight(
              subject, new Headers().put(NatsJetStreamConstants.MSG_ID_HDR, msgId), body, decides);
      send(f);
      inFlight.addLast(f);
      unconfirmed = inFlight.size();
      while (inFlight.size() >= maxInFlight && conn.getStatus() != Connection.Status.CLOSED) {
        poll(System.nanoTime());
        LockSupport.parkNanos(50_000);
      }
    }

    private void send(InFlight f) {
      f.attempts++;
      f.sentNanos = System.nanoTime();
      try {
        f.future = js.publishAsync(f.subject, f.headers, f.body);
      } catch (RuntimeException e) {
        f.future = CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public void poll(long ignored) {
      long now = System.nanoTime();
      boolean connected = conn.getStatus() == Connection.Status.CONNECTED;
      InFlight f;
      while ((f = inFlight.peekFirst()) != null) {
        if (f.future.isDone() && !f.future.isCompletedExceptionally()) {
          removeHead();
          counters.eventsPublished.incrementAndGet();
          reportStored(f);
          continue;
        }
        boolean failed = f.future.isCompletedExceptionally();
        boolean late = now - f.sentNanos > ackTimeoutNanos;
        if (conn.getStatus() == Connection.Status.CLOSED) {
          removeHead();
          counters.eventsDropped.incrementAndGet();
          continue;
        }
        if (!connected || !(failed || late)) {
          return; // wait for the head: keeps retries in order and bounded
        }
        counters.publishErrors.incrementAndGet();
        if (f.attempts >= MAX_ATTEMPTS) {
          removeHead();
          counters.eventsDropped.incrementAndGet();
          log.error("event to {} not confirmed after {} attempts; dropped", f.subject, f.attempts);
          reportStored(f);
          continue;
        }
        if (failed && now - f.sentNanos < 50_000_000L) {
          return; // a failure right after sending: give the stream a moment (restarting server)
        }
        send(f);
        return;
      }
    }

    private void reportStored(InFlight f) {
      if (f.decides != null) {
        stored.accept(f.decides);
      }
    }

    private void removeHead() {
      inFlight.removeFirst();
      unconfirmed = inFlight.size();
    }

    @Override
    public int inFlight() {
      return unconfirmed;
    }
  }
}
