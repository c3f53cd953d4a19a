package io.tradeserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.VenueStatus;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Position;
import io.tradeserver.model.RejectCode;
import io.tradeserver.spi.RateLimitAware;
import io.tradeserver.venue.RateLimiter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * TradeServer's meters in a Micrometer {@link MeterRegistry} (names in {@link MetricNames}).
 * Counters and timers are updated on the engine thread by the {@link MetricsRecorder} hooks, looked
 * up in maps created at bind time (a meter for a new reject reason, instrument or alert kind is
 * registered on first use); gauges and function counters read the latest {@link StatusSnapshot}
 * (refreshed every status interval) or thread-safe sources at scrape time, so they cost the engine
 * nothing. Built by {@code TradeServer.builder().meterRegistry(registry)}.
 */
public final class MicrometerMetrics implements MetricsRecorder {
  private static final double[] PERCENTILES = {0.5, 0.9, 0.99, 0.999};

  /**
   * Fixed histogram buckets (1-2.5-5 per decade, 10 µs to 10 s) kept by every registry, so a
   * latency histogram can be drawn or aggregated even where percentile histograms are not kept.
   */
  static final Duration[] BUCKETS = buckets();

  private final MeterRegistry registry;
  private final Map<String, VenueMeters> venues = new HashMap<>();
  private final EnumMap<RejectCode, Counter> rejects = new EnumMap<>(RejectCode.class);
  private final Map<InstrumentId, Counter> fills = new HashMap<>();
  private final Map<String, Counter> opportunities = new HashMap<>();
  private final Map<String, Counter> pairs = new HashMap<>();
  private final Set<InstrumentId> positionGauges = new HashSet<>();
  private final Set<String> pnlGauges = new HashSet<>();
  private final Map<String, RateLimitAware> limitSources;
  private final Set<String> limitGauges = new HashSet<>();
  private final IntSupplier signalInbox;
  private final IntSupplier venueInbox;
  private volatile StatusSnapshot latest;

  // Gauges hold their state object weakly: every gauge here reads through this object, which the
  // engine holds for its lifetime, never through a lambda nobody else references.
  private MicrometerMetrics(
      MeterRegistry registry,
      Map<String, RateLimitAware> limitSources,
      IntSupplier signalInbox,
      IntSupplier venueInbox) {
    this.registry = registry;
    this.limitSources = Map.copyOf(limitSources);
    this.signalInbox = signalInbox;
    this.venueInbox = venueInbox;
  }

  /**
   * Registers the meters for these venues.
   *
   * @param limitSources venues whose client reports rate-limit headroom
   * @param signalInbox signals waiting (thread-safe)
   * @param venueInbox venue events waiting (thread-safe)
   */
  public static MicrometerMetrics bind(
      MeterRegistry registry,
      List<String> venues,
      Map<String, RateLimitAware> limitSources,
      IntSupplier signalInbox,
      IntSupplier venueInbox) {
    MicrometerMetrics m = new MicrometerMetrics(registry, limitSources, signalInbox, venueInbox);
    for (String v : venues) {
      m.venues.put(v, new VenueMeters(registry, v));
      Gauge.builder(MetricNames.ORDERS_OPEN, m, x -> x.venue(v, VenueStatus::openOrders))
          .tag("venue", v)
          .description("our open orders at the venue")
          .register(registry);
      Gauge.builder(MetricNames.RATE_LIMIT_PAUSED, m, x -> x.pausedSeconds(v))
          .tag("venue", v)
          .baseUnit("seconds")
          .description("time left in a pause the venue ordered (429, ban)")
          .register(registry);
    }
    m.functionCounter(MetricNames.SIGNALS, StatusSnapshot::signals, "signals received");
    m.functionCounter(
        MetricNames.SIGNALS_REJECTED, StatusSnapshot::signalsRejected, "signals not traded");
    m.functionCounter(MetricNames.ORDERS, StatusSnapshot::orders, "orders created");
    m.functionCounter(MetricNames.ANOMALIES, StatusSnapshot::anomalies, "venue events ignored");
    Gauge.builder(MetricNames.TRADING_STATE, m, x -> x.read(s -> s.state().ordinal()))
        .description("0 ACTIVE, 1 REDUCING, 2 HALTED")
        .register(registry);
    Gauge.builder(MetricNames.INBOX_DEPTH, m, x -> x.signalInbox.getAsInt())
        .tag("inbox", "signals")
        .register(registry);
    Gauge.builder(MetricNames.INBOX_DEPTH, m, x -> x.venueInbox.getAsInt())
        .tag("inbox", "venue")
        .register(registry);
    return m;
  }

  // ---- engine-thread hooks ------------------------------------------------------------------

  @Override
  public void orderSubmitted(String venue, boolean routed, long signalToSubmitNanos) {
    VenueMeters v = venues.get(venue);
    if (v == null) {
      return;
    }
    (routed ? v.routed : v.direct).increment();
    if (signalToSubmitNanos >= 0) {
      v.signalToSubmit.record(signalToSubmitNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void orderAcknowledged(String venue, long submitToAckNanos) {
    VenueMeters v = venues.get(venue);
    if (v != null) {
      v.submitToAck.record(Math.max(0, submitToAckNanos), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void fill(InstrumentId instrument) {
    Counter c = fills.get(instrument);
    if (c == null) {
      c =
          Counter.builder(MetricNames.FILLS)
              .tag("venue", instrument.exchange())
              .tag("symbol", instrument.symbol())
              .description("fills applied")
              .register(registry);
      fills.put(instrument, c);
    }
    c.increment();
  }

  @Override
  public void reject(RejectCode code) {
    Counter c = rejects.get(code);
    if (c == null) {
      c =
          Counter.builder(MetricNames.REJECTS)
              .tag("reason", code.name())
              .description("signals, orders and requests refused, by reason")
              .register(registry);
      rejects.put(code, c);
    }
    c.increment();
  }

  @Override
  public void connection(String venue, Channel channel, ConnectionState state) {
    VenueMeters v = venues.get(venue);
    if (v != null && state == ConnectionState.RECONNECTED) {
      v.counter(v.reconnects, MetricNames.RECONNECTS, "channel", channel).increment();
    }
  }

  @Override
  public void alert(String venue, AlertKind kind) {
    VenueMeters v = venues.get(venue);
    if (v == null) {
      return;
    }
    v.counter(v.alerts, MetricNames.ALERTS, "kind", kind).increment();
    if (kind == AlertKind.BOOK_RESYNC) {
      v.resyncs.increment();
    }
  }

  @Override
  public void arbitrageOpportunity(String symbol) {
    counter(opportunities, MetricNames.ARBITRAGE_OPPORTUNITIES, "symbol", symbol).increment();
  }

  @Override
  public void arbitragePair(String result) {
    counter(pairs, MetricNames.ARBITRAGE_PAIRS, "result", result).increment();
  }

  @Override
  public void status(StatusSnapshot status) {
    latest = status;
    for (Position p : status.positions()) {
      if (positionGauges.add(p.instrumentId())) {
        InstrumentId id = p.instrumentId();
        positionGauge(MetricNames.POSITION_QUANTITY, id, x -> x.quantity().toBigDecimal());
        positionGauge(MetricNames.POSITION_REALIZED, id, Position::realizedPnl);
        positionGauge(MetricNames.POSITION_UNREALIZED, id, Position::unrealizedPnl);
      }
    }
    for (String quote : status.netPnlByQuote().keySet()) {
      if (pnlGauges.add(quote)) {
        Gauge.builder(MetricNames.PNL_NET, this, x -> x.netPnl(quote))
            .tag("quote", quote)
            .description("realized + unrealized - fees over all positions")
            .register(registry);
      }
    }
    limitSources.forEach(this::registerLimits);
  }

  // ---- gauges, scrape thread ----------------------------------------------------------------

  private void registerLimits(String venue, RateLimitAware source) {
    for (RateLimiter.Headroom h : source.rateLimitHeadroom()) {
      if (limitGauges.add(venue + '\u0000' + h.limit())) {
        String limit = h.limit();
        Gauge.builder(MetricNames.RATE_LIMIT_AVAILABLE, this, x -> headroom(source, limit, true))
            .tags("venue", venue, "limit", limit)
            .register(registry);
        Gauge.builder(MetricNames.RATE_LIMIT_CAPACITY, this, x -> headroom(source, limit, false))
            .tags("venue", venue, "limit", limit)
            .register(registry);
      }
    }
  }

  private static double headroom(RateLimitAware source, String limit, boolean available) {
    for (RateLimiter.Headroom h : source.rateLimitHeadroom()) {
      if (h.limit().equals(limit)) {
        return available ? h.available() : h.capacity();
      }
    }
    return Double.NaN;
  }

  private void functionCounter(String name, ToLongFunction<StatusSnapshot> f, String help) {
    FunctionCounter.builder(name, this, x -> x.read(f)).description(help).register(registry);
  }

  private double read(ToLongFunction<StatusSnapshot> f) {
    StatusSnapshot s = latest;
    return s == null ? 0 : f.applyAsLong(s);
  }

  private double venue(String venue, ToLongFunction<VenueStatus> f) {
    StatusSnapshot s = latest;
    if (s != null) {
      for (VenueStatus v : s.venues()) {
        if (v.venue().equals(venue)) {
          return f.applyAsLong(v);
        }
      }
    }
    return 0;
  }

  private double pausedSeconds(String venue) {
    StatusSnapshot s = latest;
    if (s == null) {
      return 0;
    }
    for (VenueStatus v : s.venues()) {
      if (v.venue().equals(venue)) {
        return Math.max(0, v.rateLimitedUntilNanos() - s.timeNanos()) / 1e9;
      }
    }
    return 0;
  }

  private void positionGauge(String name, InstrumentId id, Function<Position, BigDecimal> f) {
    Gauge.builder(name, this, x -> x.position(id, f))
        .tags("venue", id.exchange(), "symbol", id.symbol())
        .register(registry);
  }

  private double position(InstrumentId id, Function<Position, BigDecimal> f) {
    StatusSnapshot s = latest;
    if (s != null) {
      for (Position p : s.positions()) {
        if (p.instrumentId().equals(id)) {
          BigDecimal v = f.apply(p);
          return v == null ? Double.NaN : v.doubleValue();
        }
      }
    }
    return Double.NaN;
  }

  private double netPnl(String quote) {
    StatusSnapshot s = latest;
    BigDecimal v = s == null ? null : s.netPnlByQuote().get(quote);
    return v == null ? Double.NaN : v.doubleValue();
  }

  private Counter counter(Map<String, Counter> cache, String name, String tag, String value) {
    Counter c = cache.get(value);
    if (c == null) {
      c = Counter.builder(name).tag(tag, value).register(registry);
      cache.put(value, c);
    }
    return c;
  }

  private static Duration[] buckets() {
    java.util.List<Duration> out = new java.util.ArrayList<>();
    for (long decade = 10_000; decade <= 10_000_000_000L; decade *= 10) {
      out.add(Duration.ofNanos(decade));
      if (decade < 10_000_000_000L) {
        out.add(Duration.ofNanos(decade * 25 / 10));
        out.add(Duration.ofNanos(decade * 5));
      }
    }
    return out.toArray(Duration[]::new);
  }

  /** One venue's counters and timers, created at bind time. */
  private static final class VenueMeters {
    final MeterRegistry registry;
    final String venue;
    final Counter routed;
    final Counter direct;
    final Counter resyncs;
    final Timer signalToSubmit;
    final Timer submitToAck;
    final EnumMap<Channel, Counter> reconnects = new EnumMap<>(Channel.class);
    final EnumMap<AlertKind, Counter> alerts = new EnumMap<>(AlertKind.class);

    VenueMeters(MeterRegistry registry, String venue) {
      this.registry = registry;
      this.venue = venue;
      this.routed = submitted(true);
      this.direct = submitted(false);
      this.resyncs =
          Counter.builder(MetricNames.BOOK_RESYNCS)
              .tag("venue", venue)
              .description("local books rebuilt after a gap")
              .register(registry);
      this.signalToSubmit =
          timer(MetricNames.SIGNAL_TO_SUBMIT, "signal received to order handed to the venue");
      this.submitToAck = timer(MetricNames.SUBMIT_TO_ACK, "order sent to venue acknowledgement");
    }

    private Counter submitted(boolean byRouter) {
      return Counter.builder(MetricNames.ORDERS_SUBMITTED)
          .tags("venue", venue, "routed", Boolean.toString(byRouter))
          .description("orders handed to the venue client")
          .register(registry);
    }

    private Timer timer(String name, String help) {
      return Timer.builder(name)
          .tag("venue", venue)
          .description(help)
          .publishPercentiles(PERCENTILES)
          .publishPercentileHistogram()
          .serviceLevelObjectives(BUCKETS)
          .minimumExpectedValue(Duration.ofNanos(1_000))
          .maximumExpectedValue(Duration.ofSeconds(10))
          .register(registry);
    }

    /** The counter for {@code value}, registered on first use (no allocation afterwards). */
    <K extends Enum<K>> Counter counter(
        EnumMap<K, Counter> cache, String name, String tag, K value) {
      Counter c = cache.get(value);
      if (c == null) {
        c = Counter.builder(name).tags("venue", venue, tag, value.name()).register(registry);
        cache.put(value, c);
      }
      return c;
    }
  }
}
