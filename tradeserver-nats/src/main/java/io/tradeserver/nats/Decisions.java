package io.tradeserver.nats;

import io.nats.client.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ack-after-decision for JetStream signals. A signal offered to the engine is <em>pending</em>
 * until the engine's first event naming its id (an order in any state, or a rejection) has been
 * stored in the event stream; then its messages are acknowledged and the id is remembered as
 * <em>decided</em> for the signal-id window. A redelivery (delivered count above one) of a decided
 * id is acknowledged without offering it again; a redelivery of a pending id joins the pending
 * entry. Anything else is offered, and the engine's own signal-id dedupe turns a repeat into a
 * DUPLICATE_SIGNAL rejection, so a race between these maps can cost a dead letter but never a
 * second order.
 *
 * <p>{@link #admit} runs on jnats dispatcher threads; {@link #decided}, {@link #keepAlive} and
 * expiry on the publisher thread.
 */
final class Decisions {
  /** What to do with a delivered signal. */
  enum Admission {
    /** Offer it to the engine. */
    OFFER,
    /** Already decided: acknowledged, nothing more to do. */
    SUPPRESSED,
    /** Already in the engine: it will be acknowledged with the first delivery. */
    ATTACHED
  }

  private static final class Pending {
    final List<Message> messages = new ArrayList<>(1);
    long progressNanos;

    Pending(long now) {
      progressNanos = now;
    }
  }

  private record Seen(String id, long atNanos) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Long> decided = new ConcurrentHashMap<>();
  private final ArrayDeque<Seen> decidedOrder = new ArrayDeque<>();
  private final long windowNanos;
  private final int max;
  private final Counters counters;

  Decisions(long windowNanos, int max, Counters counters) {
    this.windowNanos = windowNanos;
    this.max = max;
    this.counters = counters;
  }

  /** Dispatcher thread: decides whether {@code m}, carrying signal {@code id}, is offered. */
  Admission admit(String id, Message m, boolean redelivered, long now) {
    if (redelivered && decided.containsKey(id)) {
      ack(m);
      counters.redeliveriesSuppressed.incrementAndGet();
      return Admission.SUPPRESSED;
    }
    boolean[] attached = {false};
    pending.compute(
        id,
        (k, p) -> {
          if (p == null) {
            p = new Pending(now);
          } else if (redelivered) {
            attached[0] = true;
          }
          synchronized (p.messages) {
            p.messages.add(m);
          }
          return p;
        });
    if (attached[0]) {
      counters.redeliveriesSuppressed.incrementAndGet();
      return Admission.ATTACHED;
    }
    return Admission.OFFER;
  }

  /**
   * Dispatcher thread: the engine refused {@code m} (closed); it is returned to the stream for
   * another instance.
   */
  void abandon(String id, Message m) {
    pending.computeIfPresent(
        id,
        (k, p) -> {
          synchronized (p.messages) {
            p.messages.remove(m);
            return p.messages.isEmpty() ? null : p;
          }
        });
    m.nak();
  }

  /**
   * Publisher thread: an event carrying the engine's decision on {@code id} was stored. Later
   * events on the same signal (its order's next states) change nothing: the id is remembered from
   * its first decision, so the window and the expiry below agree on when it was decided.
   */
  void decided(String id, long now) {
    Pending p = pending.remove(id);
    if (decided.putIfAbsent(id, now) == null) {
      decidedOrder.addLast(new Seen(id, now));
    }
    expire(now);
    if (p != null) {
      synchronized (p.messages) {
        p.messages.forEach(this::ack);
      }
    }
  }

  /**
   * Publisher thread: tells JetStream that signals still waiting for the engine (a backlog) are
   * being worked on, so they are not redelivered after {@code ackWait}.
   */
  void keepAlive(long now, long everyNanos) {
    for (Pending p : pending.values()) {
      if (now - p.progressNanos >= everyNanos) {
        p.progressNanos = now;
        synchronized (p.messages) {
          p.messages.forEach(Message::inProgress);
        }
      }
    }
  }

  int pendingCount() {
    return pending.size();
  }

  boolean isDecided(String id) {
    return decided.containsKey(id);
  }

  private void expire(long now) {
    Seen head;
    while ((head = decidedOrder.peekFirst()) != null
        && (now - head.atNanos() > windowNanos || decidedOrder.size() > max)) {
      decidedOrder.removeFirst();
      decided.remove(head.id(), head.atNanos());
    }
  }

  private void ack(Message m) {
    m.ack();
    counters.acks.incrementAndGet();
  }
}
