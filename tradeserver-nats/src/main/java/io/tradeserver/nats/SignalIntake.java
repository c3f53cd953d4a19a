package io.tradeserver.nats;

import io.nats.client.Message;
import io.nats.client.MessageHandler;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.Signal;
import io.tradeserver.nats.SignalJson.ParseError;
import io.tradeserver.nats.SignalJson.Parsed;
import io.tradeserver.time.Clock;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal messages → engine, on the jnats dispatcher thread. Parses, stamps the receive time, and
 * offers to the engine. Invalid input goes to {@link TradeServer#reportRejectedSignal} (counted and
 * published as a dead letter through the listener). When the inbox is full the dispatcher is held,
 * parking with a growing back-off, until the engine takes the signal: nothing is dropped here, and
 * in JetStream mode nothing is acknowledged before the engine has decided. Never throws: a bug in
 * one message must not stop the subscription.
 */
final class SignalIntake implements MessageHandler {
  private static final Logger log = LoggerFactory.getLogger(SignalIntake.class);
  private static final long MAX_PARK_NANOS = 1_000_000L;

  private final TradeServer ts;
  private final Clock clock;
  private final NatsSubjects subjects;
  private final Counters counters;
  private final Decisions decisions; // null for core NATS
  private volatile boolean stopping;

  SignalIntake(
      TradeServer ts, Clock clock, NatsSubjects subjects, Counters counters, Decisions decisions) {
    this.ts = ts;
    this.clock = clock;
    this.subjects = subjects;
    this.counters = counters;
    this.decisions = decisions;
  }

  void stop() {
    stopping = true;
  }

  @Override
  public void onMessage(Message m) {
    try {
      handle(m);
    } catch (RuntimeException e) {
      log.error("signal message on {} not handled", m.getSubject(), e);
    }
  }

  private void handle(Message m) {
    String subject = m.getSubject();
    if (subjects.isRejected(subject)) { // our own dead letters match signals.>
      if (decisions != null) {
        m.ack();
      }
      return;
    }
    long received = clock.nanos();
    counters.signalsReceived.incrementAndGet();
    byte[] data = m.getData();
    SignalJson.Result r = SignalJson.parse(data, subjects.strategyOf(subject), received);
    if (r instanceof ParseError e) {
      counters.signalsInvalid.incrementAndGet();
      String raw = SignalJson.rawText(data);
      Supplier<OfferResult> report =
          () -> ts.reportRejectedSignal(e.reason(), e.detail(), raw, e.signalId());
      if (decisions != null && e.signalId() != null) {
        // Acknowledged once its dead letter is stored, as a decided signal is: a crash in between
        // redelivers it (and its dead letter comes out then) instead of losing the dead letter.
        boolean redelivered = m.isJetStream() && m.metaData().deliveredCount() > 1;
        if (decisions.admit(e.signalId(), m, redelivered, System.nanoTime())
                == Decisions.Admission.OFFER
            && untilTaken(report) != OfferResult.ACCEPTED) {
          decisions.abandon(e.signalId(), m); // engine closed: let another instance have it
        }
        return;
      }
      untilTaken(report);
      if (decisions != null) {
        m.ack(); // no id to tie its dead letter to; a redelivery would fail the same way
        counters.acks.incrementAndGet();
      }
      return;
    }
    Signal s = ((Parsed) r).signal();
    boolean redelivered = false;
    if (decisions != null) {
      redelivered = m.isJetStream() && m.metaData().deliveredCount() > 1;
      if (decisions.admit(s.signalId(), m, redelivered, System.nanoTime())
          != Decisions.Admission.OFFER) {
        return;
      }
    }
    if (offer(s, redelivered) != OfferResult.ACCEPTED && decisions != null) {
      decisions.abandon(s.signalId(), m); // engine closed: let another instance have it
    }
  }

  /**
   * A redelivered signal may have been decided, and its order sent, by an instance that crashed
   * before acknowledging: the engine looks that order up at the venue before sending.
   */
  private OfferResult offerOnce(Signal s, boolean redelivered) {
    return redelivered ? ts.offerRedelivery(s) : ts.offer(s);
  }

  /** Offers until accepted, the engine is closed, or the bridge stops; holds this thread. */
  private OfferResult offer(Signal s, boolean redelivered) {
    OfferResult r = untilTaken(() -> offerOnce(s, redelivered));
    if (r == OfferResult.ACCEPTED) {
      counters.signalsOffered.incrementAndGet();
    }
    return r;
  }

  /** Retries {@code input} while the engine's inbox is full, unless the bridge stops. */
  private OfferResult untilTaken(Supplier<OfferResult> input) {
    OfferResult r = input.get();
    if (r == OfferResult.BACK_PRESSURED) {
      counters.backPressureWaits.incrementAndGet();
      long park = 1_000L;
      while ((r = input.get()) == OfferResult.BACK_PRESSURED && !stopping) {
        LockSupport.parkNanos(park);
        park = Math.min(park * 2, MAX_PARK_NANOS);
      }
    }
    return r;
  }
}
