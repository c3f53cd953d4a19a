package io.tradeserver.binance.internal;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.RequestTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * WebSocket API requests awaiting their answers: each gets an id, one armed timer serves all their
 * timeouts, and each is settled exactly once — by its answer, by its deadline or the connection's
 * loss ({@link Call#ambiguous}), or, when it could not be queued, by {@link Call#notSent}.
 * Thread-safe.
 */
final class WsApiCalls {
  /** A request awaiting its answer. */
  abstract static class Call {
    final int attempt;

    Call(int attempt) {
      this.attempt = attempt;
    }

    /**
     * The request's JSON; {@code session}: the connection is logged on, so without {@code apiKey}
     * and signature.
     */
    abstract String request(String id, boolean session);

    abstract void answered(WsApiResponse r);

    abstract void ambiguous(String why);

    abstract void notSent(String why);

    abstract Call retry();
  }

  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Call> pending = new ConcurrentHashMap<>();
  private final RequestTimeouts<String> timeouts;
  private final Duration timeout;
  private final Consumer<Throwable> bug;

  WsApiCalls(Scheduler scheduler, Clock clock, Duration timeout, Consumer<Throwable> bug) {
    this.timeout = timeout;
    this.bug = bug;
    this.timeouts =
        new RequestTimeouts<>(
            scheduler, clock, timeout.toNanos(), pending::containsKey, this::timedOut);
  }

  /**
   * Builds {@code c}'s request and sends it through {@code transport} (false: not queued), tracking
   * its answer from then on.
   */
  void send(Call c, boolean session, Predicate<String> transport) {
    String id = "o" + ids.incrementAndGet();
    String request;
    try {
      request = c.request(id, session);
    } catch (RuntimeException e) {
      bug.accept(e);
      c.notSent("request not built: " + e);
      return;
    }
    pending.put(id, c);
    timeouts.add(id);
    if (!transport.test(request) && pending.remove(id) != null) {
      c.notSent("WebSocket API not connected");
    }
  }

  /** The call waiting under {@code id}, or null. */
  Call get(String id) {
    return pending.get(id);
  }

  /** Settles the call {@code r} answers; an answer after its deadline is dropped. */
  void answer(WsApiResponse r) {
    Call c = r.id == null ? null : pending.remove(r.id);
    if (c != null) {
      c.answered(r);
    }
  }

  /** The connection dropped: every call in flight has an unknown outcome. */
  void lost(String reason) {
    List<String> inFlight = new ArrayList<>(pending.keySet());
    for (String id : inFlight) {
      Call c = pending.remove(id);
      if (c != null) {
        c.ambiguous("connection lost: " + reason);
      }
    }
  }

  private void timedOut(String id) {
    Call c = pending.remove(id);
    if (c != null) {
      c.ambiguous("no answer within " + timeout);
    }
  }
}
