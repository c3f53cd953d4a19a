package io.tradeserver.engine;

import io.tradeserver.event.VenueEvent;
import io.tradeserver.internal.MpscArrayQueue;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Signal;
import io.tradeserver.order.ClientOrderIds;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionTracker;
import io.tradeserver.risk.CircuitBreakers;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.RiskEngine;
import io.tradeserver.risk.Sizer;
import io.tradeserver.time.Clock;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The single writer (DESIGN §3). One thread runs {@link #doWork()}; it alone touches the order
 * manager, risk engine, positions and books, without locks. Other threads only enqueue: signals
 * into a bounded inbox (full = back-pressure status), venue events into another (full = the adapter
 * thread waits; events are never dropped) and control commands into an unbounded queue drained
 * first, so a kill switch is never stuck behind a flood of signals.
 */
final class Engine {
  private final Clock clock;
  private final EngineConfig config;
  final Map<String, VenueState> venues;
  // Signals, and inputs refused before they became one (RefusedInput), in the order received.
  private final MpscArrayQueue<Object> signals;
  // Signal ids offered as redeliveries and not yet processed; empty in normal running, so the
  // engine thread's check is one read.
  private final java.util.Set<String> redeliveries =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final MpscArrayQueue<VenueEvent> venueInbox;
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<VenueEvent> local = new ArrayDeque<>();
  final OrderManager orders;
  final PositionTracker positions = new PositionTracker();
  final BalanceLedger balances = new BalanceLedger();
  final RiskEngine risk;
  final CircuitBreakers breakers;
  final Sizer sizer;
  final Publisher publisher;
  final EngineStats stats = new EngineStats();
  final ClientOrderIds ids;
  final Controls controls;
  private final SignalProcessor processor;
  final Router router;
  private final long staleNanos;
  ArbitrageDetector arbitrage;
  PairExecutor pairs;
  private final EngineEvents events;
  private volatile Thread engineThread;
  private volatile boolean closed;
  private volatile boolean parked;
  private long internalErrors;
  private final io.tradeserver.internal.LogThrottle lastErrorLogThrottle =
      io.tradeserver.internal.LogThrottle.perSecond();
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Engine.class);
  private volatile StatusSnapshot status;
  private long nextTimer = Long.MIN_VALUE;
  private final StartupGate startup;
  private long nextStatus = Long.MIN_VALUE;

  Engine(
      Clock clock,
      EngineConfig config,
      RiskConfig riskConfig,
      List<VenueState> venueStates,
      List<TradeServerListener> listeners) {
    this.clock = clock;
    this.config = config;
    this.venues = new LinkedHashMap<>();
    venueStates.forEach(v -> venues.put(v.id, v));
    this.startup = new StartupGate(venues.values(), clock);
    this.signals = new MpscArrayQueue<>(config.signalInboxCapacity());
    this.venueInbox = new MpscArrayQueue<>(config.venueInboxCapacity());
    this.publisher = new Publisher(listeners);
    this.events = new EngineEvents(this, clock);
    Function<InstrumentId, Instrument> lookup = this::instrument;
    this.orders = new OrderManager(clock, config.orders(), events, events, lookup);
    this.risk = new RiskEngine(clock, riskConfig, this::book, orders, positions, balances, events);
    this.breakers = new CircuitBreakers(risk, positions);
    this.sizer = new Sizer(riskConfig.volatilityLambda());
    long stale = riskConfig.global().staleAfterMillis() * 1_000_000L;
    this.staleNanos = stale;
    this.router = new Router(stale);
    this.ids = new ClientOrderIds(config.node(), clock);
    this.processor =
        new SignalProcessor(
            clock,
            venues,
            router,
            risk,
            sizer,
            balances,
            orders,
            ids,
            new SignalDeduper(config.signalDedupWindow().toNanos(), config.signalDedupMax()),
            stats,
            publisher);
    this.controls = new Controls(this, clock);
    this.status = buildStatus();
  }

  /** Turns on arbitrage detection (and paired execution when configured); before any work. */
  void arbitrage(ArbitrageConfig c) {
    pairs = c.autoExecute() ? new PairExecutor(this, c, clock) : null;
    arbitrage = new ArbitrageDetector(this, c, pairs, staleNanos);
  }

  // ---- inputs, any thread -------------------------------------------------------------------

  OfferResult offer(Signal s) {
    if (closed) {
      return OfferResult.CLOSED;
    }
    // The receipt time travels beside the signal, not in a copy of it (7% of the engine's
    // allocation per order, BENCHMARKS.md run 6); a signal the bridge stamped keeps its time.
    if (!signals.offer(s, s.receivedNanos() != 0 ? s.receivedNanos() : clock.nanos())) {
      return OfferResult.BACK_PRESSURED;
    }
    wake();
    return OfferResult.ACCEPTED;
  }

  /**
   * An input refused before it became a signal (unparsable, invalid): counted and dead-lettered in
   * its turn among the signals, so dead letters and decisions come out in the order received.
   */
  OfferResult offerRefused(RejectCode reason, String detail, String raw, String signalId) {
    if (closed) {
      return OfferResult.CLOSED;
    }
    if (!signals.offer(new RefusedInput(reason, detail, raw, signalId))) {
      return OfferResult.BACK_PRESSURED;
    }
    wake();
    return OfferResult.ACCEPTED;
  }

  private record RefusedInput(RejectCode reason, String detail, String raw, String signalId) {}

  /** As {@link #offer}, for a signal that may have been decided by an instance that crashed. */
  OfferResult offerRedelivery(Signal s) {
    redeliveries.add(s.signalId());
    OfferResult r = offer(s);
    if (r != OfferResult.ACCEPTED) {
      redeliveries.remove(s.signalId());
    }
    return r;
  }

  /** The sink adapters write to. On the engine thread it defers to the end of the current step. */
  void onVenueEvent(VenueEvent e) {
    if (Thread.currentThread() == engineThread) {
      local.addLast(e);
      return;
    }
    while (!venueInbox.offer(e)) {
      if (closed) {
        return;
      }
      LockSupport.parkNanos(20_000); // back-pressure reaches the socket; never drop
    }
    wake();
  }

  /**
   * Unparks the engine thread if its idle strategy parked it, so new work waits microseconds, not a
   * park period.
   */
  private void wake() {
    if (parked) {
      Thread t = engineThread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  /** Set by the engine thread around parking (see {@link TradeServer}'s run loop). */
  void parked(boolean value) {
    parked = value;
  }

  /** Runs {@code command} on the engine thread; the future completes there. */
  <T> CompletableFuture<T> execute(Function<Engine, T> command) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (closed) {
      f.completeExceptionally(new IllegalStateException("engine closed"));
      return f;
    }
    commands.add(
        () -> {
          try {
            f.complete(command.apply(this));
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  /** True when something is queued for the engine thread (checked before parking). */
  boolean hasWork() {
    return signals.size() > 0 || venueInbox.size() > 0 || !commands.isEmpty();
  }

  StatusSnapshot status() {
    return status;
  }

  int signalBacklog() {
    return signals.size();
  }

  /** Venue events waiting (approximate, any thread). */
  int venueBacklog() {
    return venueInbox.size();
  }

  // ---- duty cycle, engine thread ------------------------------------------------------------

  /** One duty cycle. Must always be called from the same thread. */
  int doWork() {
    if (engineThread == null) {
      engineThread = Thread.currentThread();
    }
    int work = 0;
    Runnable c;
    while ((c = commands.poll()) != null) {
      c.run();
      work++;
      work += drainLocal();
    }
    long now = clock.nanos();
    for (VenueState v : venues.values()) {
      if (v.driven != null) {
        try {
          work += v.driven.doWork(now);
        } catch (RuntimeException ex) {
          failed("venue " + v.id + " duty cycle", ex);
        }
        work += drainLocal();
      }
    }
    VenueEvent e;
    for (int i = 0; i < 4096 && (e = venueInbox.poll()) != null; i++) {
      dispatch(e);
      work++;
      work += drainLocal();
    }
    // Events the host delivered on this thread between steps wait in `local` and are otherwise
    // drained only after other work: apply them before any signal is checked against them.
    work += drainLocal();
    Object in;
    int maxSignals = startup.open() ? 1024 : 0;
    for (int i = 0; i < maxSignals && (in = signals.poll()) != null; i++) {
      if (in instanceof RefusedInput r) {
        stats.signals++;
        stats.signalsRejected++;
        stats.reject(r.reason());
        publisher.onSignalRejected(
            new SignalRejected(r.reason(), r.detail(), r.raw(), r.signalId(), clock.nanos()));
        work++;
        continue;
      }
      Signal s = (Signal) in;
      stats.signalNanos = signals.lastStamp();
      try {
        processor.onSignal(s, !redeliveries.isEmpty() && redeliveries.remove(s.signalId()));
      } catch (RuntimeException ex) {
        failed("signal " + s.signalId(), ex);
        stats.signalsRejected++;
        stats.reject(RejectCode.INTERNAL_ERROR);
        publisher.onSignalRejected(
            new SignalRejected(
                RejectCode.INTERNAL_ERROR,
                ex.toString(),
                s.toString(),
                s.signalId(),
                clock.nanos()));
      } finally {
        stats.signalNanos = 0;
      }
      work++;
      work += drainLocal();
    }
    now = clock.nanos();
    if (now >= nextTimer) {
      nextTimer = now + config.timerInterval().toNanos();
      try {
        armDeadManSwitches(now);
        orders.onTimer(now);
        breakers.onTimer(now, venue -> orders.exposure().openOrders(venue) > 0);
      } catch (RuntimeException ex) {
        failed("timers", ex);
      }
      work += drainLocal();
    }
    if (now >= nextStatus) {
      nextStatus = now + config.statusInterval().toNanos();
      status = buildStatus();
      stats.metrics.status(status);
    }
    return work;
  }

  private int drainLocal() {
    int n = 0;
    VenueEvent e;
    while ((e = local.pollFirst()) != null) {
      dispatch(e);
      n++;
    }
    return n;
  }

  /**
   * Keeps each configured venue-side dead-man switch armed, re-arming every quarter of its timeout
   * once the venue has loaded its instruments: if this process dies or hangs, the venue cancels.
   */
  private void armDeadManSwitches(long now) {
    for (VenueState v : venues.values()) {
      if (v.deadManSwitchNanos > 0 && now >= v.nextDeadManArm && !v.instruments.isEmpty()) {
        v.nextDeadManArm = now + v.deadManSwitchNanos / 4;
        v.client.armDeadManSwitch(java.time.Duration.ofNanos(v.deadManSwitchNanos));
      }
    }
  }

  /** Applies one venue event; a bug met while doing so is logged and counted, never fatal. */
  private void dispatch(VenueEvent e) {
    try {
      events.dispatch(e);
    } catch (RuntimeException ex) {
      failed("venue event " + e, ex);
    }
  }

  /** Nothing crashes the engine: log (at most once a second, with a count) and go on. */
  private void failed(String what, RuntimeException ex) {
    internalErrors++;
    if (lastErrorLogThrottle.allow()) {
      log.error("engine error #{} while processing {}", internalErrors, what, ex);
    }
  }

  long internalErrors() {
    return internalErrors;
  }

  void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }

  /** Adapter threads reach the engine thread through this; set when a host thread drives it. */
  boolean onEngineThread() {
    return Thread.currentThread() == engineThread;
  }

  // ---- lookups ------------------------------------------------------------------------------

  Instrument instrument(InstrumentId id) {
    VenueState v = venues.get(id.exchange());
    return v == null ? null : v.instrument(id.symbol());
  }

  OrderBook book(InstrumentId id) {
    VenueState v = venues.get(id.exchange());
    return v == null ? null : v.books.get(id);
  }

  StatusSnapshot buildStatus() {
    return EngineStatus.of(this, clock);
  }
}
