package io.tradeserver.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.tradeserver.config.NatsSettings;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TradeServer on NATS (DESIGN §6): signals in from {@code <prefix>.signals.>} (queue group), events
 * out on the contract subjects, dead letters on {@code <prefix>.signals.rejected}, control requests
 * on {@code <prefix>.control.*}, and in JetStream mode a durable consumer acknowledged only after
 * the engine has decided.
 *
 * <pre>{@code
 * NatsBridge bridge = NatsBridge.create(settings, clock);
 * TradeServer ts = TradeServer.builder().clock(clock).listener(bridge)...build();
 * ts.start();
 * bridge.start(ts);
 * ...
 * bridge.close(); // stops consuming, publishes what is queued, closes the connection
 * ts.close();
 * }</pre>
 *
 * <p>The listener methods run on the engine thread and only enqueue (never block); events reach
 * NATS from the bridge's publisher thread. {@link #start}, {@link #close} and {@link #stats} may be
 * called from any thread.
 */
public final class NatsBridge implements TradeServerListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NatsBridge.class);

  /** Events queued for the publisher thread before new ones are dropped (and counted). */
  public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 1 << 18;

  private static final int REMEMBERED_SIGNAL_IDS = 1_000_000;
  private static final int JETSTREAM_MAX_IN_FLIGHT = 4_096;
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final NatsSettings settings;
  private final Clock clock;
  private final NatsSubjects subjects;
  private final Counters counters = new Counters();
  private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
  private final EventPublisher publisher;
  private Connection conn;
  private Dispatcher signalDispatcher;
  private Dispatcher controlDispatcher;
  private Subscription signalSub;
  private SignalIntake intake;
  private Decisions decisions;
  private Thread publisherThread;
  private volatile boolean started;
  private volatile boolean closed;

  private NatsBridge(NatsSettings settings, Clock clock, int eventQueueCapacity) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.subjects = new NatsSubjects(settings.prefix());
    this.publisher = new EventPublisher(eventQueueCapacity, subjects, counters, instanceId);
  }

  /**
   * A bridge for {@code settings}, not yet connected. Register it as a listener of the TradeServer,
   * then {@link #start} it. {@code clock} must be the TradeServer's: it stamps when each signal was
   * received, for the signal → order latency.
   */
  public static NatsBridge create(NatsSettings settings, Clock clock) {
    return new NatsBridge(settings, clock, DEFAULT_EVENT_QUEUE_CAPACITY);
  }

  /** As {@link #create(NatsSettings, Clock)} with another event queue capacity (≥ 2). */
  public static NatsBridge create(NatsSettings settings, Clock clock, int eventQueueCapacity) {
    return new NatsBridge(settings, clock, eventQueueCapacity);
  }

  /**
   * Connects, creates the JetStream streams and consumer when JetStream is on and they are missing,
   * starts the publisher thread and subscribes to control requests and signals. Returns once the
   * subscriptions are registered with the server. jnats then reconnects by itself for as long as
   * the bridge is open.
   *
   * @throws IllegalStateException when NATS cannot be reached or JetStream set up (the cause tells
   *     why; the bridge is then closed), or when already started or closed
   */
  public synchronized void start(TradeServer ts) {
    Objects.requireNonNull(ts, "ts");
    if (started || closed) {
      throw new IllegalStateException(closed ? "bridge closed" : "bridge already started");
    }
    try {
      conn = Nats.connect(options());
      EventSink sink;
      if (settings.jetStream()) {
        JetStreamSetup.ensure(conn, settings, subjects);
        decisions =
            new Decisions(settings.signalIdWindow().toNanos(), REMEMBERED_SIGNAL_IDS, counters);
        sink =
            new EventSink.Jet(
                conn, conn.jetStream(), counters, JETSTREAM_MAX_IN_FLIGHT, 5_000_000_000L);
      } else {
        sink = new EventSink.Core(conn, counters);
      }
      publisher.paperVenues(ts::isPaper);
      publisher.attach(sink, decisions, settings.ackWait().toNanos() / 3);
      publisherThread = new Thread(publisher, "tradeserver-nats-publisher");
      publisherThread.setDaemon(true);
      publisherThread.start();
      subscribe(ts);
      conn.flush(Duration.ofSeconds(5));
      started = true;
      log.info(
          "NATS bridge started on {} (prefix {}, queue group {}, JetStream {})",
          redact(settings.url()),
          settings.prefix(),
          settings.queueGroup(),
          settings.jetStream());
    } catch (IOException | JetStreamApiException | TimeoutException | RuntimeException e) {
      close();
      throw new IllegalStateException(
          "NATS bridge could not start on " + redact(settings.url()) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the NATS bridge", e);
    }
  }

  private void subscribe(TradeServer ts) throws IOException, JetStreamApiException {
    controlDispatcher =
        conn.createDispatcher(new ControlResponder(ts, conn, this::stats, CONTROL_TIMEOUT));
    controlDispatcher.subscribe(subjects.controlWildcard());
    intake = new SignalIntake(ts, clock, subjects, counters, decisions);
    signalDispatcher = conn.createDispatcher();
    if (settings.jetStream()) {
      signalSub =
          conn.jetStream()
              .subscribe(
                  subjects.signalsWildcard(),
                  settings.queueGroup(),
                  signalDispatcher,
                  intake,
                  false,
                  PushSubscribeOptions.bind(settings.signalStream(), settings.durable()));
    } else {
      signalSub =
          signalDispatcher.subscribe(subjects.signalsWildcard(), settings.queueGroup(), intake);
    }
  }

  private Options options() {
    String[] servers =
        Arrays.stream(settings.url().split(",")).map(String::strip).toArray(String[]::new);
    ConnectionWatch watch = new ConnectionWatch(counters);
    Options.Builder b =
        new Options.Builder()
            .servers(servers)
            .connectionName("tradeserver-" + instanceId)
            .noEcho()
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(250))
            .reconnectBufferSize(64L * 1024 * 1024)
            .maxMessagesInOutgoingQueue(65_536)
            .connectionTimeout(Duration.ofSeconds(5))
            .pingInterval(Duration.ofSeconds(5))
            .connectionListener(watch)
            .errorListener(watch);
    String creds = settings.credentialsFile();
    if (creds != null && !creds.isBlank()) {
      if (creds.startsWith("env:")) {
        String v = System.getenv(creds.substring(4));
        if (v == null) {
          throw new IllegalArgumentException("nats.credentialsFile: " + creds + " is not set");
        }
        b.authHandler(Nats.staticCredentials(v.getBytes(StandardCharsets.UTF_8)));
      } else if (creds.startsWith("file:")) {
        b.authHandler(Nats.credentials(creds.substring(5)));
      } else if (creds.matches("[a-z]+:.*") && !creds.matches("[A-Za-z]:[\\\\/].*")) {
        throw new IllegalArgumentException(
            "nats.credentialsFile: resolve '"
                + creds.substring(0, creds.indexOf(':'))
                + ":' "
                + "references before creating the bridge (file: and env: are supported)");
      } else {
        b.authHandler(Nats.credentials(creds));
      }
    }
    return b.build();
  }

  // ---- TradeServerListener: engine thread, enqueue only --------------------------------------

  @Override
  public void onOrder(Order order) {
    publisher.offer(order);
  }

  @Override
  public void onFill(Fill fill, Order order, boolean reconciled) {
    publisher.offer(new EventPublisher.FillEvent(fill, order, reconciled));
  }

  @Override
  public void onPosition(Position position) {
    publisher.offer(position);
  }

  @Override
  public void onRiskEvent(RiskEvent event) {
    publisher.offer(event);
  }

  @Override
  public void onSignalRejected(SignalRejected rejected) {
    publisher.offer(rejected);
  }

  /** Publishes a detected opportunity on {@code <prefix>.events.arbitrage.<SYMBOL>}. */
  @Override
  public void onArbitrage(io.tradeserver.engine.ArbitrageOpportunity opportunity) {
    publisher.offer(opportunity);
  }

  /** Publishes what became of an executed opportunity on the same subject. */
  @Override
  public void onArbitrageOutcome(io.tradeserver.engine.ArbitrageOutcome outcome) {
    publisher.offer(outcome);
  }

  /**
   * Publishes a detected cross-venue opportunity on {@code <prefix>.events.arbitrage.<SYMBOL>}. Any
   * thread, never blocks.
   *
   * @param symbol {@code BASE-QUOTE}
   * @param json the event, UTF-8 JSON with decimals as strings
   * @return false when the event queue is full (the event is dropped and counted)
   */
  public boolean publishArbitrage(String symbol, byte[] json) {
    return publisher.offer(new EventPublisher.Raw(subjects.arbitrage(symbol), json));
  }

  /** The subjects this bridge uses. */
  public NatsSubjects subjects() {
    return subjects;
  }

  /** Connection state and counters, from any thread. */
  public NatsBridgeStats stats() {
    Connection c = conn;
    Subscription sub = signalSub;
    Decisions d = decisions;
    return new NatsBridgeStats(
        c == null ? "NOT_STARTED" : c.getStatus().name(),
        c == null ? null : redact(c.getConnectedUrl()),
        settings.jetStream(),
        counters.disconnects.get(),
        counters.reconnects.get(),
        counters.signalsReceived.get(),
        counters.signalsOffered.get(),
        counters.signalsInvalid.get(),
        counters.redeliveriesSuppressed.get(),
        counters.backPressureWaits.get(),
        counters.acks.get(),
        d == null ? 0 : d.pendingCount(),
        counters.eventsPublished.get(),
        counters.eventsDropped.get(),
        counters.publishErrors.get(),
        publisher.depth(),
        publisher.inFlight(),
        sub == null ? 0 : sub.getDroppedCount());
  }

  /**
   * Stops consuming signals, waits (up to 5 s) until queued events are published and signals in the
   * engine have been decided and acknowledged, then closes the connection. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (intake != null) {
      intake.stop();
    }
    if (signalDispatcher != null && signalSub != null) {
      try {
        signalDispatcher.unsubscribe(signalSub);
      } catch (RuntimeException e) {
        log.debug("unsubscribing signals: {}", e.toString());
      }
    }
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    while (publisherThread != null
        && (publisher.depth() > 0
            || publisher.inFlight() > 0
            || (decisions != null && decisions.pendingCount() > 0))
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    publisher.stop();
    joinPublisher();
    closeConnection();
  }

  private void joinPublisher() {
    if (publisherThread == null) {
      return;
    }
    try {
      publisherThread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeConnection() {
    if (conn == null) {
      return;
    }
    try {
      if (conn.getStatus() == Connection.Status.CONNECTED) {
        conn.flush(Duration.ofSeconds(2));
      }
    } catch (TimeoutException | RuntimeException e) {
      log.debug("flush on close: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      conn.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A URL without user info (NATS URLs may carry {@code user:password@}). */
  static String redact(String url) {
    return url == null ? null : url.replaceAll("(?<=//)[^/@,]*@", "***@");
  }
}
