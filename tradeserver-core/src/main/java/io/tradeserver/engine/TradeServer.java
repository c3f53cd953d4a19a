package io.tradeserver.engine;

import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Signal;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ExecutorScheduler;
import io.tradeserver.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TradeServer embedded: signals in, orders out, through risk, with every order, fill and position
 * tracked. Build one with {@link #builder()}, then either {@link #start()} it (it runs its own
 * engine thread) or {@link #connect()} it and call {@link #doWork()} from your own loop.
 *
 * <pre>{@code
 * try (TradeServer ts = TradeServer.builder()
 *     .venue(VenueConfig.builder("sim").build())
 *     .listener(new TradeServerListener() {
 *       public void onOrder(Order o) { System.out.println(o.status()); }
 *     })
 *     .build()) {
 *   ts.start();
 *   ts.offer(Signal.builder().signalId("s-1").symbol("BTC-USDT").side(Side.BUY)
 *       .type(OrderType.LIMIT).quantity("0.01").price("64000").exchange("sim").build());
 * }
 * }</pre>
 *
 * <p>Every method is thread-safe. Listener callbacks run on the engine thread.
 */
public final class TradeServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TradeServer.class);
  private final Engine engine;
  private final List<ExchangeClient> clients;
  private final IdleStrategy idle;
  private final Scheduler ownedScheduler;
  private volatile Thread thread;
  private volatile boolean running;
  private volatile boolean connected;
  private final Map<String, VenueAssembly.Factory> factories;

  TradeServer(
      Engine engine,
      List<ExchangeClient> clients,
      IdleStrategy idle,
      Scheduler ownedScheduler,
      Map<String, VenueAssembly.Factory> factories) {
    this.factories = Map.copyOf(factories);
    this.engine = engine;
    this.clients = new java.util.concurrent.CopyOnWriteArrayList<>(clients);
    this.idle = idle;
    this.ownedScheduler = ownedScheduler;
  }

  public static TradeServerBuilder builder() {
    return new TradeServerBuilder();
  }

  /**
   * Queues a signal. Never blocks: a full inbox answers {@link OfferResult#BACK_PRESSURED} and
   * nothing is queued, so the caller can slow down (a JetStream consumer simply does not ack).
   */
  public OfferResult offer(Signal signal) {
    return engine.offer(signal);
  }

  /**
   * Queues a signal that was delivered before, possibly to an instance that sent its order and
   * crashed before acknowledging it (a JetStream redelivery). If this process has not seen the
   * signal, its order, named as on every instance ({@code ClientOrderIds.forSignal}), is first
   * looked up at the venue: found, it is tracked as it stands there; not found, it is sent. So a
   * crash between sending and acknowledging never trades a signal twice. A routed signal is looked
   * up on the venue the router picks this time. Otherwise as {@link #offer}.
   */
  public OfferResult offerRedelivery(Signal signal) {
    return engine.offerRedelivery(signal);
  }

  /**
   * Records an input that could not even be parsed into a signal, so it is counted and published as
   * a dead letter, in its turn among the signals offered before and after it.
   *
   * @return {@code BACK_PRESSURED} when the signal inbox is full (retry, as for {@link #offer}),
   *     {@code CLOSED} once closed
   */
  public OfferResult reportRejectedSignal(
      RejectCode reason, String detail, String raw, String signalId) {
    return engine.offerRefused(reason, detail, raw, signalId);
  }

  /** Stops all new orders (cancels still go out) until {@link #resume}. */
  public CompletableFuture<ControlResult> halt(String cause) {
    return engine.execute(e -> e.controls.halt(cause));
  }

  /** Lets only position-reducing orders through. */
  public CompletableFuture<ControlResult> reduce(String cause) {
    return engine.execute(e -> e.controls.reduce(cause));
  }

  /** Back to ACTIVE; re-arms the circuit breakers. */
  public CompletableFuture<ControlResult> resume(String cause) {
    return engine.execute(e -> e.controls.resume(cause));
  }

  /**
   * The kill switch: halt, cancel every open order on every venue (and flatten if configured),
   * latched until {@link #resume}.
   */
  public CompletableFuture<ControlResult> killSwitch(String cause) {
    return engine.execute(e -> e.controls.killSwitch(cause, e.risk.config().flattenOnKill()));
  }

  /**
   * Cancels one order by client order id. Completes with false when there is nothing to cancel
   * (unknown, done, or a cancel already pending).
   */
  public CompletableFuture<Boolean> cancel(String clientOrderId) {
    return engine.execute(e -> e.orders.cancel(clientOrderId));
  }

  /**
   * Cancels every open order of ours on {@code venue}, or on all venues when null, without halting
   * (unlike the kill switch). Completes with the number of cancels sent.
   */
  public CompletableFuture<Integer> cancelAll(String venue) {
    return engine.execute(e -> e.orders.cancelAll(venue));
  }

  /**
   * Swaps the risk configuration atomically on the engine thread. A configuration the engine cannot
   * use (e.g. limits for a venue it does not run) is refused whole: {@code ok=false}, a {@code
   * LIMITS_REFUSED} risk event, and the configuration in force stays.
   */
  public CompletableFuture<ControlResult> reloadRisk(RiskConfig config) {
    return engine.execute(
        e -> {
          try {
            e.risk.reload(config);
            return new ControlResult(true, e.risk.state(), "risk limits reloaded");
          } catch (IllegalArgumentException refused) {
            return new ControlResult(false, e.risk.state(), refused.getMessage());
          }
        });
  }

  /**
   * Publishes that a new risk configuration was refused (a {@code LIMITS_REFUSED} risk event with
   * {@code detail}, e.g. the config file's problems); the configuration in force is unchanged.
   */
  public CompletableFuture<ControlResult> refuseRiskReload(String detail) {
    return engine.execute(
        e -> {
          e.risk.refuseReload(detail);
          return new ControlResult(false, e.risk.state(), "risk reload refused");
        });
  }

  /**
   * Replaces a venue's client with one using new credentials (a key rotated at the secret store
   * after the venue refused the old one). The new client is built by the venue's provider on the
   * caller's thread, swapped in on the engine thread, started (instruments, streams, balances, open
   * orders: orders in flight are reconciled, never re-sent), and the old client is closed. Only for
   * venues built from a {@link VenueConfig} by the builder.
   */
  public CompletableFuture<ControlResult> rotateCredentials(String venue, Credentials credentials) {
    VenueAssembly.Factory f = factories.get(venue);
    if (f == null) {
      return CompletableFuture.completedFuture(
          new ControlResult(
              false,
              status().state(),
              "venue "
                  + venue
                  + " was not built from a provider here; replace its client yourself"));
    }
    if (f.config().paper()) { // never swap a paper venue for a live client
      return CompletableFuture.completedFuture(
          new ControlResult(
              true, status().state(), "venue " + venue + " trades on paper: no keys in use"));
    }
    ExchangeClient fresh =
        f.provider()
            .create(
                f.builder().venueContext(f.config().toBuilder().credentials(credentials).build()));
    return engine.execute(
        e -> {
          VenueState v = e.venues.get(venue);
          ExchangeClient old = v.client;
          v.replaceClient(fresh);
          clients.set(clients.indexOf(old), fresh);
          old.close();
          fresh.start();
          log.warn("venue {}: client replaced with rotated credentials {}", venue, credentials);
          return new ControlResult(
              true, e.risk.state(), venue + " reconnected with rotated credentials");
        });
  }

  /** Enables or disables a venue for new orders (open orders are left alone). */
  public CompletableFuture<ControlResult> setVenueEnabled(
      String venue, boolean enabled, String cause) {
    return engine.execute(
        e -> {
          if (!e.venues.containsKey(venue)) {
            return new ControlResult(false, e.risk.state(), "no venue " + venue);
          }
          if (enabled) {
            e.risk.enableVenue(venue, cause);
          } else {
            e.risk.disableVenue(venue, cause);
          }
          return new ControlResult(
              true, e.risk.state(), venue + (enabled ? " enabled" : " disabled"));
        });
  }

  /** The latest status, refreshed every {@code statusInterval} on the engine thread. */
  public StatusSnapshot status() {
    return engine.status();
  }

  /** A status taken now on the engine thread. */
  public CompletableFuture<StatusSnapshot> freshStatus() {
    return engine.execute(Engine::buildStatus);
  }

  /**
   * Waits until every venue is ready to trade (after {@link #start()}): instruments loaded and, for
   * venues streaming books, a two-sided book for each traded instrument (market orders need a
   * reference price).
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      StatusSnapshot s;
      try {
        s =
            freshStatus()
                .get(
                    Math.max(1, deadline - System.nanoTime()),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return false;
      }
      if (s.venues().stream().allMatch(VenueStatus::ready)) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** Signals waiting in the inbox. */
  public int signalBacklog() {
    return engine.signalBacklog();
  }

  public Set<String> venues() {
    return engine.venues.keySet();
  }

  /**
   * True when orders to {@code venue} are simulated and never reach a real venue: a venue
   * configured with {@code paper=true} (live market data, simulated fills) or the {@code sim}
   * venue. Every order, fill and position event of such a venue is a paper one. False for an
   * unknown venue.
   */
  public boolean isPaper(String venue) {
    VenueState v = engine.venues.get(venue);
    return v != null && v.paper;
  }

  /** Starts the venue clients (instruments, streams, balances). Idempotent. */
  public synchronized void connect() {
    if (connected) {
      return;
    }
    connected = true;
    clients.forEach(ExchangeClient::start);
  }

  /** One duty cycle, for hosts that drive the engine; always call from the same thread. */
  public int doWork() {
    return engine.doWork();
  }

  /** Connects and runs the engine on its own thread, {@code tradeserver-engine}. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "tradeserver-engine");
    thread.setDaemon(true);
    thread.start();
    connect();
  }

  private void run() {
    log.info("engine started with venues {}", engine.venues.keySet());
    while (running) {
      int work = engine.doWork();
      if (work == 0) {
        engine.parked(true);
        if (!engine
            .hasWork()) { // re-check after publishing "parked": a producer may have just missed it
          idle.idle(0);
        }
        engine.parked(false);
      } else {
        idle.idle(work);
      }
    }
    engine.doWork(); // apply what is already queued
  }

  @Override
  public void close() {
    running = false;
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    engine.close();
    for (ExchangeClient c : clients) {
      try {
        c.close();
      } catch (RuntimeException e) {
        log.warn("closing {} failed", c.venue(), e);
      }
    }
    if (ownedScheduler instanceof ExecutorScheduler s) {
      s.close();
    }
  }
}
