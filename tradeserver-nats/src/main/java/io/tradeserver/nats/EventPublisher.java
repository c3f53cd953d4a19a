package io.tradeserver.nats;

import io.tradeserver.engine.SignalRejected;
import io.tradeserver.internal.MpscArrayQueue;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that serializes and publishes events. The engine thread only puts the immutable
 * event records on a bounded lock-free queue ({@link #offer}, tens of nanoseconds, never blocks);
 * JSON writing and jnats' locked outgoing queue, which can block or throw while a reconnect buffer
 * is full, stay on this thread. A full queue drops the event and counts it: the engine's state
 * stays authoritative and {@code status} shows the drop.
 *
 * <p>Once the engine's first event for a signal is stored (JetStream: confirmed by the event
 * stream) it tells {@link Decisions}, which acknowledges the signal: a signal is never acknowledged
 * while the only record of its decision could still be lost with this process.
 */
final class EventPublisher implements Runnable {
  private volatile java.util.function.Predicate<String> paper = venue -> false;
  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

  /** A fill and the order it belongs to, as the listener got them. */
  record FillEvent(Fill fill, Order order, boolean reconciled) {}

  /** Pre-serialized bytes for a subject (arbitrage). */
  record Raw(String subject, byte[] body) {}

  private final MpscArrayQueue<Object> queue;
  private final NatsSubjects subjects;
  private final Counters counters;
  private final String instanceId;
  private volatile EventSink sink;
  private volatile Decisions decisions;
  private volatile long keepAliveNanos;
  private volatile boolean running = true;
  private long seq;
  private final io.tradeserver.internal.LogThrottle lastDropLogThrottle =
      io.tradeserver.internal.LogThrottle.perSecond();
  private long nextKeepAlive;

  EventPublisher(int capacity, NatsSubjects subjects, Counters counters, String instanceId) {
    this.queue = new MpscArrayQueue<>(capacity);
    this.subjects = subjects;
    this.counters = counters;
    this.instanceId = instanceId;
  }

  /** Any thread, never blocks: false (and counted) when the queue is full. */
  /** Which venues only simulate orders (paper mode, sim); set when the bridge starts. */
  void paperVenues(java.util.function.Predicate<String> isPaper) {
    this.paper = isPaper;
  }

  boolean offer(Object event) {
    if (queue.offer(event)) {
      return true;
    }
    long n = counters.eventsDropped.incrementAndGet();
    if (lastDropLogThrottle.allow()) { // benign race on the throttle
      log.warn("NATS event queue full ({}): {} events dropped so far", queue.capacity(), n);
    }
    return false;
  }

  void attach(EventSink sink, Decisions decisions, long keepAliveNanos) {
    if (decisions != null) {
      sink.whenStored(id -> decisions.decided(id, System.nanoTime()));
    }
    this.decisions = decisions;
    this.keepAliveNanos = keepAliveNanos;
    this.sink = sink;
  }

  int depth() {
    return queue.size();
  }

  int inFlight() {
    EventSink s = sink;
    return s == null ? 0 : s.inFlight();
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    int idle = 0;
    while (running || queue.size() > 0) {
      EventSink s = sink;
      Object e = s == null ? null : queue.poll();
      if (e == null) {
        housekeeping(s);
        idle = idle(idle);
        continue;
      }
      idle = 0;
      try {
        publish(s, e);
      } catch (RuntimeException ex) {
        counters.publishErrors.incrementAndGet();
        log.error("publishing {} failed", e.getClass().getSimpleName(), ex);
      }
    }
    housekeeping(sink);
  }

  private void housekeeping(EventSink s) {
    long now = System.nanoTime();
    if (s != null) {
      s.poll(now);
    }
    Decisions d = decisions;
    if (d != null && now >= nextKeepAlive) {
      nextKeepAlive = now + 100_000_000L;
      d.keepAlive(now, keepAliveNanos);
    }
  }

  private static int idle(int n) {
    if (n < 100) {
      Thread.onSpinWait();
    } else if (n < 200) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(n < 1_000 ? 50_000 : 1_000_000);
    }
    return n + 1;
  }

  private void publish(EventSink s, Object e) {
    boolean ids = s.wantsMessageIds();
    if (e instanceof Order o) {
      s.publish(
          subjects.order(o.instrumentId()),
          ids ? orderId(o) : null,
          EventJson.order(o, paper.test(o.instrumentId().exchange())),
          o.signalId());
    } else if (e instanceof FillEvent f) {
      s.publish(
          subjects.fill(f.fill().instrumentId()),
          ids ? fillId(f.fill()) : null,
          EventJson.fill(
              f.fill(), f.order(), f.reconciled(), paper.test(f.fill().instrumentId().exchange())));
    } else if (e instanceof Position p) {
      s.publish(
          subjects.position(p.instrumentId()),
          ids ? nextId() : null,
          EventJson.position(p, paper.test(p.instrumentId().exchange())));
    } else if (e instanceof io.tradeserver.engine.ArbitrageOpportunity a) {
      s.publish(
          subjects.arbitrage(a.symbol()),
          ids ? "a:" + a.id() + ':' + a.timeNanos() : null,
          EventJson.arbitrage(a));
    } else if (e instanceof io.tradeserver.engine.ArbitrageOutcome a) {
      s.publish(
          subjects.arbitrage(a.symbol()),
          ids ? "ao:" + a.opportunityId() : null,
          EventJson.arbitrageOutcome(a));
    } else if (e instanceof RiskEvent r) {
      s.publish(subjects.risk(), ids ? nextId() : null, EventJson.risk(r));
    } else if (e instanceof SignalRejected r) {
      s.publish(subjects.rejected(), ids ? nextId() : null, EventJson.rejected(r), r.signalId());
    } else if (e instanceof Raw r) {
      s.publish(r.subject(), ids ? nextId() : null, r.body());
    }
  }

  /** One order state: the same snapshot published twice has the same id. */
  private static String orderId(Order o) {
    return "o:"
        + o.clientOrderId()
        + ':'
        + o.status()
        + ':'
        + o.filledQuantity()
        + ':'
        + o.updatedNanos();
  }

  /** One execution: the venue's trade id within our order (or instrument when unknown). */
  private static String fillId(Fill f) {
    String owner = f.clientOrderId() != null ? f.clientOrderId() : f.instrumentId().toString();
    return "f:" + owner + ':' + f.tradeId();
  }

  private String nextId() {
    return instanceId + ':' + (++seq);
  }
}
