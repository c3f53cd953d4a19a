package io.tradeserver.risk;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.RejectCode;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionTracker;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pre-trade risk on the engine thread (DESIGN §5): every order passes {@link #check} before it is
 * sent. Checks run cheapest first and the order-rate throttle last, so a denied order never uses a
 * token. A denial is a value (stable code + detail with the numbers) published as a {@link
 * RiskEvent}; nothing throws, and an arithmetic overflow anywhere is the denial {@code
 * NOTIONAL_OVERFLOW}. The trading state, its latch and disabled venues change only explicitly (or
 * by a breaker). No locks; the accept path of a limit order does not allocate.
 */
public final class RiskEngine {
  private static final int CHECK = 0;
  private static final int PROBE = 1;
  private static final int FLATTEN = 2;

  private final Clock clock;
  private final MarketView market;
  private final OrderManager orders;
  private final RiskListener listener;
  private final Throttles throttles;
  private final PortfolioChecks portfolio;
  private final RiskResult result = new RiskResult();
  private final Map<InstrumentId, ResolvedLimits> resolved = new HashMap<>();
  private final Map<String, String> disabledVenues = new LinkedHashMap<>(); // venue -> cause
  private final List<Consumer<RiskConfig>> reloadListeners = new ArrayList<>();
  private Collection<String> knownVenues;
  private RiskConfig config;
  private TradingState state = TradingState.ACTIVE;
  private String stateCause = "start";
  private TradingState latched;
  private long denials;
  private int mode = CHECK;

  public RiskEngine(
      Clock clock,
      RiskConfig config,
      MarketView market,
      OrderManager orders,
      PositionTracker positions,
      BalanceLedger balances,
      RiskListener listener) {
    this.clock = clock;
    this.config = Objects.requireNonNull(config, "config");
    this.market = market;
    this.orders = orders;
    this.listener = listener;
    this.throttles = new Throttles(clock);
    this.portfolio = new PortfolioChecks(orders, positions, balances, market);
  }

  /**
   * Checks an order; a denial is counted and published. The returned result is reused by the next
   * call: read it at once.
   *
   * @param strategy the originating strategy, for its throttle
   * @param maxSlippageBps the signal's own slippage limit for a market order, or -1 for the
   *     configured one (the stricter of the two applies)
   */
  public RiskResult check(OrderRequest request, String strategy, int maxSlippageBps) {
    return run(request, strategy, maxSlippageBps, CHECK);
  }

  /**
   * Runs the same checks without publishing, counting or using a throttle token: how the router
   * asks "would this venue take it?". The result is the reused one, as for {@link #check}.
   */
  public RiskResult probe(OrderRequest request, String strategy, int maxSlippageBps) {
    return run(request, strategy, maxSlippageBps, PROBE);
  }

  /**
   * Checks a kill-switch flattening order, whatever the trading state: venue rules, a fresh
   * reference, notional, slippage (which sets the protection price), and that it only reduces the
   * position. Open orders are not counted (the kill switch is canceling them) and no limit, balance
   * or throttle applies. A denial is published as for {@link #check}.
   */
  public RiskResult checkFlatten(OrderRequest request) {
    return run(request, request.strategy(), -1, FLATTEN);
  }

  private RiskResult run(OrderRequest request, String strategy, int bps, int how) {
    RiskResult r = result;
    r.reset(request);
    mode = how;
    boolean ok;
    try {
      ok = runChecks(r, strategy, bps);
    } catch (ArithmeticException e) {
      OrderRequest o = r.order;
      ok =
          r.deny(
              RejectCode.NOTIONAL_OVERFLOW,
              "price="
                  + (o.price() != null ? o.price() : "market")
                  + " quantity="
                  + (o.quantity() != null ? o.quantity() : o.quoteQuantity())
                  + " does not fit 64-bit fixed point");
    } finally {
      mode = CHECK;
    }
    if (!ok && how != PROBE) {
      denials++;
      OrderRequest o = r.order;
      listener.onRiskEvent(
          new RiskEvent(
              RiskEvent.Kind.DENIAL,
              r.denial.code(),
              r.denial.detail(),
              null,
              null,
              o.instrument().exchange(),
              o.instrumentId(),
              o.clientOrderId(),
              o.signalId(),
              strategy,
              clock.nanos()));
    }
    return r;
  }

  private boolean runChecks(RiskResult r, String strategy, int askedBps) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    String venue = in.exchange();
    if (!disabledVenues.isEmpty() && disabledVenues.containsKey(venue)) {
      return r.deny(
          RejectCode.VENUE_UNAVAILABLE,
          "venue " + venue + " disabled: " + disabledVenues.get(venue));
    }
    boolean flatten = mode == FLATTEN;
    if (!flatten && state == TradingState.HALTED) {
      return r.deny(RejectCode.TRADING_HALTED, "state=HALTED cause=" + stateCause);
    }
    if (!flatten && state == TradingState.REDUCING && !portfolio.reduces(o, true)) {
      return r.deny(RejectCode.REDUCE_ONLY, portfolio.reduceDetail(o));
    }
    if (orders.contains(o.clientOrderId())) {
      return r.deny(RejectCode.DUPLICATE_CLIENT_ORDER_ID, "clientOrderId=" + o.clientOrderId());
    }
    if (!in.tradable()) {
      return r.deny(RejectCode.INSTRUMENT_NOT_TRADABLE, in.id() + " not tradable");
    }
    ResolvedLimits l = limits(in);
    if (!OrderChecks.venueRules(r, l)) {
      return false;
    }
    OrderBook book = market.book(in.id());
    if (!OrderChecks.freshReference(r, l, book, clock.nanos())) {
      return false;
    }
    boolean isMarket = r.order.type() == OrderType.MARKET;
    boolean notionalOk =
        isMarket
            ? OrderChecks.notional(
                r, l, Math.multiplyExact(book.midUnitsTimesTwo(), 5L), book.priceScale() + 1)
            : OrderChecks.notional(r, l, r.order.price().units(), r.order.price().scale());
    if (!notionalOk) {
      return false;
    }
    if (isMarket) {
      int bps = askedBps < 0 ? l.maxSlippageBps : Math.min(askedBps, l.maxSlippageBps);
      if (!OrderChecks.slippage(r, book, bps)) {
        return false;
      }
    } else if (!flatten && !OrderChecks.collar(r, l, book)) {
      return false;
    }
    if (flatten) {
      return portfolio.reduces(r.order, false)
          || r.deny(RejectCode.REDUCE_ONLY, "flatten " + portfolio.reduceDetail(r.order));
    }
    return portfolio.position(r, l)
        && portfolio.exposure(r, l)
        && portfolio.openOrders(r, l)
        && portfolio.balance(r, l)
        && throttle(r, l, strategy);
  }

  /** Limits as resolved for an instrument (cached until reload). */
  ResolvedLimits limits(Instrument in) {
    ResolvedLimits l = resolved.get(in.id());
    if (l == null || l.instrument != in) {
      l = new ResolvedLimits(in, config);
      resolved.put(in.id(), l);
    }
    return l;
  }

  private boolean throttle(RiskResult r, ResolvedLimits l, String strategy) {
    if (mode == PROBE) {
      return true;
    }
    Integer strategyRate = config.strategyOrdersPerSecond().get(strategy);
    if (strategyRate == null) {
      strategyRate = config.strategyOrdersPerSecond().get("*");
    }
    int sRate = strategyRate == null ? 0 : strategyRate;
    String venue = r.order.instrument().exchange();
    int outcome = throttles.tryAcquire(venue, l.venueOrdersPerSecond, strategy, sRate);
    if (outcome == Throttles.OK) {
      return true;
    }
    return r.deny(
        RejectCode.ORDER_RATE_EXCEEDED,
        outcome == Throttles.VENUE_EXHAUSTED
            ? "venue " + venue + " limit=" + l.venueOrdersPerSecond + "/s"
            : "strategy " + strategy + " limit=" + sRate + "/s");
  }

  // ---- state ------------------------------------------------------------------------------

  public TradingState state() {
    return state;
  }

  public String stateCause() {
    return stateCause;
  }

  /**
   * The most restrictive state a breaker or the kill switch demanded since the last resume, or
   * null. Operators may tighten it but not loosen it without {@code resume}.
   */
  public TradingState latched() {
    return latched;
  }

  public RiskConfig config() {
    return config;
  }

  public long denials() {
    return denials;
  }

  long now() {
    return clock.nanos();
  }

  OrderManager orders() {
    return orders;
  }

  /** Moves the trading state (any direction), publishing the change with its cause. */
  public void setState(TradingState next, String cause) {
    setState(next, cause, RiskEvent.Kind.STATE_CHANGE);
  }

  /**
   * Moves the trading state, publishing an event of the given kind. {@code KILL_SWITCH} latches
   * HALTED; {@code ACTIVE} clears the latch.
   */
  public void setState(TradingState next, String cause, RiskEvent.Kind kind) {
    TradingState previous = state;
    state = Objects.requireNonNull(next);
    stateCause = cause;
    if (next == TradingState.ACTIVE) {
      latched = null;
    } else if (kind == RiskEvent.Kind.KILL_SWITCH || kind == RiskEvent.Kind.BREAKER_TRIP) {
      latched = latched == null || next.ordinal() > latched.ordinal() ? next : latched;
    }
    listener.onRiskEvent(RiskEvent.stateChange(kind, previous, next, cause, clock.nanos()));
  }

  /**
   * A breaker trip: moves only toward more restrictive states and latches the target. Always
   * published (from = to when the state was already as restrictive). Returns whether it moved.
   */
  public boolean trip(TradingState target, String cause) {
    if (target.ordinal() <= state.ordinal()) {
      latched = latched == null || target.ordinal() > latched.ordinal() ? target : latched;
      listener.onRiskEvent(
          RiskEvent.stateChange(RiskEvent.Kind.BREAKER_TRIP, state, state, cause, clock.nanos()));
      return false;
    }
    setState(target, cause, RiskEvent.Kind.BREAKER_TRIP);
    return true;
  }

  /** Refuses every order to a venue until {@link #enableVenue} (a ban, a config switch). */
  public void disableVenue(String venue, String cause) {
    if (disabledVenues.putIfAbsent(venue, cause) == null) {
      listener.onRiskEvent(venueEvent(RiskEvent.Kind.VENUE_DISABLED, venue, cause));
    }
  }

  public void enableVenue(String venue, String cause) {
    if (disabledVenues.remove(venue) != null) {
      listener.onRiskEvent(venueEvent(RiskEvent.Kind.VENUE_ENABLED, venue, cause));
    }
  }

  private RiskEvent venueEvent(RiskEvent.Kind kind, String venue, String cause) {
    return new RiskEvent(
        kind, null, cause, null, null, venue, null, null, null, null, clock.nanos());
  }

  public boolean isVenueDisabled(String venue) {
    return disabledVenues.containsKey(venue);
  }

  public Set<String> disabledVenues() {
    return Collections.unmodifiableSet(disabledVenues.keySet());
  }

  // ---- configuration ----------------------------------------------------------------------

  /** The venues a reloaded configuration may name (set once by the engine). */
  public void knownVenues(Collection<String> venues) {
    this.knownVenues = venues;
  }

  /** Called with the new configuration after every successful reload (engine thread). */
  public void onReload(Consumer<RiskConfig> l) {
    reloadListeners.add(Objects.requireNonNull(l));
  }

  /**
   * Swaps the whole configuration at once (engine thread): resolved limits are recomputed on next
   * use; throttle buckets keep their tokens unless their rate changed. A configuration that names
   * venues the engine does not have is refused with every problem listed: a {@code LIMITS_REFUSED}
   * event, then {@link IllegalArgumentException}; the old configuration stays.
   */
  public void reload(RiskConfig next) {
    Objects.requireNonNull(next, "config");
    List<String> problems = knownVenues == null ? List.of() : next.problemsFor(knownVenues);
    if (!problems.isEmpty()) {
      String detail = "risk limits refused: " + String.join("; ", problems);
      listener.onRiskEvent(configEvent(RiskEvent.Kind.LIMITS_REFUSED, detail));
      throw new IllegalArgumentException(detail);
    }
    config = next;
    resolved.clear();
    for (Consumer<RiskConfig> l : reloadListeners) {
      l.accept(next);
    }
    listener.onRiskEvent(configEvent(RiskEvent.Kind.LIMITS_RELOADED, "risk limits reloaded"));
  }

  /**
   * Publishes that a new configuration was refused ({@code LIMITS_REFUSED} with {@code detail},
   * e.g. a config file's problems); the one in force stays.
   */
  public void refuseReload(String detail) {
    listener.onRiskEvent(configEvent(RiskEvent.Kind.LIMITS_REFUSED, detail));
  }

  private RiskEvent configEvent(RiskEvent.Kind kind, String detail) {
    return new RiskEvent(
        kind, null, detail, null, null, null, null, null, null, null, clock.nanos());
  }
}
