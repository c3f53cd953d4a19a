package io.tradeserver.metrics;

/**
 * Names of the meters {@link MicrometerMetrics} registers (Micrometer dot notation; Prometheus
 * shows {@code tradeserver.orders.submitted} as {@code tradeserver_orders_submitted_total}). Tags
 * are given per meter.
 */
public final class MetricNames {
  private MetricNames() {}

  /** Function counter: signals received. */
  public static final String SIGNALS = "tradeserver.signals";

  /** Function counter: signals not traded (malformed, duplicate, unroutable). */
  public static final String SIGNALS_REJECTED = "tradeserver.signals.rejected";

  /** Function counter: orders created, including those denied by risk. */
  public static final String ORDERS = "tradeserver.orders";

  /** Counter, tags {@code venue}, {@code routed}: orders handed to a venue client. */
  public static final String ORDERS_SUBMITTED = "tradeserver.orders.submitted";

  /** Gauge, tag {@code venue}: our open orders there. */
  public static final String ORDERS_OPEN = "tradeserver.orders.open";

  /** Counter, tags {@code venue}, {@code symbol}: fills applied. */
  public static final String FILLS = "tradeserver.fills";

  /** Counter, tag {@code reason} (a RejectCode): risk denials, venue refusals, dead letters. */
  public static final String REJECTS = "tradeserver.rejects";

  /** Timer, tag {@code venue}: signal received → order handed to the venue client. */
  public static final String SIGNAL_TO_SUBMIT = "tradeserver.latency.signal.submit";

  /** Timer, tag {@code venue}: order sent → venue acknowledgement. */
  public static final String SUBMIT_TO_ACK = "tradeserver.latency.submit.ack";

  /** Gauge, tags {@code venue}, {@code symbol}: position quantity (base). */
  public static final String POSITION_QUANTITY = "tradeserver.position.quantity";

  /** Gauge, tags {@code venue}, {@code symbol}: realized P&L in the quote currency. */
  public static final String POSITION_REALIZED = "tradeserver.position.pnl.realized";

  /** Gauge, tags {@code venue}, {@code symbol}: unrealized P&L at the mark. */
  public static final String POSITION_UNREALIZED = "tradeserver.position.pnl.unrealized";

  /** Gauge, tag {@code quote}: realized + unrealized − fees over all positions. */
  public static final String PNL_NET = "tradeserver.pnl.net";

  /** Gauge, tags {@code venue}, {@code limit}: tokens left in a venue rate limit. */
  public static final String RATE_LIMIT_AVAILABLE = "tradeserver.ratelimit.available";

  /** Gauge, tags {@code venue}, {@code limit}: the limit's capacity. */
  public static final String RATE_LIMIT_CAPACITY = "tradeserver.ratelimit.capacity";

  /** Gauge, tag {@code venue}: seconds until a venue-ordered pause (429, ban) ends; 0 when none. */
  public static final String RATE_LIMIT_PAUSED = "tradeserver.ratelimit.paused.seconds";

  /** Counter, tags {@code venue}, {@code channel}: connections back after a gap. */
  public static final String RECONNECTS = "tradeserver.connection.reconnects";

  /** Counter, tag {@code venue}: local books rebuilt after losing continuity. */
  public static final String BOOK_RESYNCS = "tradeserver.book.resyncs";

  /** Counter, tags {@code venue}, {@code kind}: venue alerts of every kind. */
  public static final String ALERTS = "tradeserver.venue.alerts";

  /** Gauge, tag {@code inbox} ({@code signals} or {@code venue}): events waiting for the engine. */
  public static final String INBOX_DEPTH = "tradeserver.engine.inbox.depth";

  /** Gauge: trading state, 0 ACTIVE, 1 REDUCING, 2 HALTED. */
  public static final String TRADING_STATE = "tradeserver.trading.state";

  /** Function counter: impossible or inconsistent venue events ignored. */
  public static final String ANOMALIES = "tradeserver.anomalies";

  /** Counter, tag {@code symbol}: cross-venue arbitrage opportunities detected. */
  public static final String ARBITRAGE_OPPORTUNITIES = "tradeserver.arbitrage.opportunities";

  /** Counter, tag {@code result}: paired arbitrage executions by outcome. */
  public static final String ARBITRAGE_PAIRS = "tradeserver.arbitrage.pairs";
}
