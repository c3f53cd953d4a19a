package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.order.OpenExposure;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.position.PositionState;
import io.tradeserver.position.PositionTracker;
import io.tradeserver.time.Clock;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pre-trade risk on the engine thread (DESIGN §5): every order passes {@link #check} before it is
 * sent. Checks run cheapest first and the order-rate throttle last, so a denied order never uses a
 * token. A denial is a value (code + detail) published as a {@link RiskEvent}; nothing throws. The
 * trading state and disabled venues latch until changed explicitly. No locks, no allocation on the
 * accept path of a limit order.
 */
public final class RiskEngine {
  private static final int EXPOSURE_SCALE = 8;
  private final Clock clock;
  private final MarketView market;
  private final OrderManager orders;
  private final PositionTracker positions;
  private final BalanceLedger balances;
  private final RiskListener listener;
  private final Throttles throttles;
  private final RiskResult result = new RiskResult();
  private final Map<InstrumentId, ResolvedLimits> resolved = new HashMap<>();
  private final Set<String> disabledVenues = new HashSet<>();
  private RiskConfig config;
  private TradingState state = TradingState.ACTIVE;
  private String stateCause = "start";
  private long denials;
  private boolean probing;

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
    this.positions = positions;
    this.balances = balances;
    this.listener = listener;
    this.throttles = new Throttles(clock);
  }

  /**
   * Checks an order. The returned result is reused by the next call: read it at once.
   *
   * @param strategy the originating strategy, for its throttle
   * @param maxSlippageBps the signal's own slippage limit for a market order, or -1 for the
   *     configured one (the stricter of the two applies)
   */
  public RiskResult check(OrderRequest request, String strategy, int maxSlippageBps) {
    RiskResult r = result;
    r.reset(request);
    if (!runChecks(r, strategy, maxSlippageBps)) {
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

  /**
   * Runs the same checks without publishing, counting or using a throttle token: how the router
   * asks "would this venue take it?". The result is the reused one, as for {@link #check}.
   */
  public RiskResult probe(OrderRequest request, String strategy, int maxSlippageBps) {
    RiskResult r = result;
    r.reset(request);
    probing = true;
    try {
      runChecks(r, strategy, maxSlippageBps);
    } finally {
      probing = false;
    }
    return r;
  }

  private boolean runChecks(RiskResult r, String strategy, int askedBps) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    String venue = in.exchange();
    if (disabledVenues.contains(venue)) {
      return r.deny(RejectCode.VENUE_UNAVAILABLE, "venue " + venue + " disabled");
    }
    if (state == TradingState.HALTED) {
      return r.deny(RejectCode.TRADING_HALTED, "state=HALTED cause=" + stateCause);
    }
    if (state == TradingState.REDUCING && !reducesPosition(o)) {
      return r.deny(RejectCode.REDUCE_ONLY, "state=REDUCING position=" + position(in));
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
    long now = clock.nanos();
    if (!OrderChecks.freshReference(r, l, book, now)) {
      return false;
    }
    boolean market = r.order.type() == OrderType.MARKET;
    Price reference = market ? book.mid() : r.order.price();
    if (!OrderChecks.notional(r, l, reference)) {
      return false;
    }
    if (market) {
      int bps = askedBps < 0 ? l.maxSlippageBps : Math.min(askedBps, l.maxSlippageBps);
      if (!OrderChecks.slippage(r, book, bps)) {
        return false;
      }
    } else if (!OrderChecks.collar(r, l, book)) {
      return false;
    }
    return positionAndExposure(r, l, book)
        && openOrders(r, l)
        && balance(r, l)
        && throttle(r, strategy);
  }

  /** Limits as resolved for an instrument (cached until reload). */
  ResolvedLimits limits(Instrument in) {
    ResolvedLimits l = resolved.get(in.id());
    if (l == null) {
      l = new ResolvedLimits(in, config.effective(in.id()));
      resolved.put(in.id(), l);
    }
    return l;
  }

  private boolean reducesPosition(OrderRequest o) {
    long pos = positions.quantityUnits(o.instrumentId());
    if (o.quantity() == null) {
      return false;
    }
    long q = o.quantity().unitsAt(o.instrument().quantityScale());
    OpenExposure.Totals t = orders.exposure().of(o.instrumentId());
    return o.side() == Side.BUY
        ? pos < 0 && t.buyUnits() + q <= -pos
        : pos > 0 && t.sellUnits() + q <= pos;
  }

  private boolean positionAndExposure(RiskResult r, ResolvedLimits l, OrderBook book) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    if (o.quantity() == null) {
      return true; // quote-sized orders are capped by their notional
    }
    long q = o.quantity().unitsAt(in.quantityScale());
    long pos = positions.quantityUnits(in.id());
    OpenExposure.Totals t = orders.exposure().of(in.id());
    long projected = o.side() == Side.BUY ? pos + t.buyUnits() + q : -(pos - t.sellUnits() - q);
    if (projected > l.maxPosition) {
      return r.deny(
          RejectCode.POSITION_ABOVE_LIMIT,
          "limit="
              + l.source.maxPosition().toPlainString()
              + " projected="
              + Quantity.of(projected, in.quantityScale())
              + " side="
              + o.side());
    }
    Price mark = book.mid();
    long orderExposure =
        Decimals.multiply(
                mark.units(),
                mark.scale(),
                q,
                in.quantityScale(),
                EXPOSURE_SCALE,
                RoundingMode.HALF_EVEN)
            * o.side().sign();
    Limits venueLimits = config.venue(in.exchange());
    return exposureWithin(
            r,
            in.exchange(),
            in.id().quote(),
            orderExposure,
            venueLimits.maxGrossExposure(),
            venueLimits.maxNetExposure())
        && exposureWithin(
            r,
            null,
            in.id().quote(),
            orderExposure,
            config.totalGrossExposure().get(in.id().quote()),
            config.totalNetExposure().get(in.id().quote()));
  }

  private boolean exposureWithin(
      RiskResult r,
      String venue,
      String quote,
      long orderExposure,
      java.math.BigDecimal grossLimit,
      java.math.BigDecimal netLimit) {
    if (grossLimit == null && netLimit == null) {
      return true;
    }
    long gross = Math.abs(orderExposure);
    long net = orderExposure;
    for (PositionState p : positions.all()) {
      InstrumentId id = p.instrument().id();
      if ((venue == null || venue.equals(id.exchange()))
          && quote.equals(id.quote())
          && p.quantityUnits() != 0) {
        long e =
            Decimals.rescale(
                p.exposureUnits(),
                p.instrument().notionalScale(),
                EXPOSURE_SCALE,
                RoundingMode.HALF_EVEN);
        gross += e;
        net += p.quantityUnits() > 0 ? e : -e;
      }
    }
    String where = venue == null ? "total " + quote : venue + " " + quote;
    if (grossLimit != null && gross > ResolvedLimits.units(grossLimit, EXPOSURE_SCALE)) {
      return r.deny(
          RejectCode.GROSS_EXPOSURE_ABOVE_LIMIT,
          where
              + " limit="
              + grossLimit.toPlainString()
              + " projected="
              + Decimals.format(gross, EXPOSURE_SCALE));
    }
    if (netLimit != null && Math.abs(net) > ResolvedLimits.units(netLimit, EXPOSURE_SCALE)) {
      return r.deny(
          RejectCode.NET_EXPOSURE_ABOVE_LIMIT,
          where
              + " limit="
              + netLimit.toPlainString()
              + " projected="
              + Decimals.format(net, EXPOSURE_SCALE));
    }
    return true;
  }

  private boolean openOrders(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    int onInstrument = orders.exposure().of(o.instrumentId()).orders();
    if (onInstrument + 1 > l.maxOpenOrders) {
      return r.deny(
          RejectCode.OPEN_ORDERS_ABOVE_LIMIT,
          o.instrumentId() + " limit=" + l.maxOpenOrders + " open=" + onInstrument);
    }
    Integer venueMax = config.venue(o.instrument().exchange()).maxOpenOrders();
    int onVenue = orders.exposure().openOrders(o.instrument().exchange());
    if (venueMax != null && onVenue + 1 > venueMax) {
      return r.deny(
          RejectCode.OPEN_ORDERS_ABOVE_LIMIT,
          o.instrument().exchange() + " limit=" + venueMax + " open=" + onVenue);
    }
    return true;
  }

  private boolean balance(RiskResult r, ResolvedLimits l) {
    OrderRequest o = r.order;
    Instrument in = o.instrument();
    String venue = in.exchange();
    if (!balances.known(venue)) {
      return !l.requireBalances
          || r.deny(RejectCode.INSUFFICIENT_BALANCE, "balances of " + venue + " unknown");
    }
    if (o.side() == Side.BUY) {
      Price p = o.price() != null ? o.price() : o.protectionPrice();
      long need =
          o.quantity() == null
              ? o.quoteQuantity().withScale(in.notionalScale(), RoundingMode.CEILING).units()
              : Decimals.multiply(
                  p.units(),
                  p.scale(),
                  o.quantity().units(),
                  o.quantity().scale(),
                  in.notionalScale(),
                  RoundingMode.CEILING);
      long reserved = 0;
      for (Map.Entry<InstrumentId, OpenExposure.Totals> e : orders.exposure().all().entrySet()) {
        InstrumentId id = e.getKey();
        if (id.exchange().equals(venue) && id.quote().equals(in.id().quote())) {
          reserved += e.getValue().buyNotional();
        }
      }
      return enough(
          r,
          balances.total(venue, in.id().quote()),
          need + reserved,
          in.notionalScale(),
          in.id().quote());
    }
    long need = o.quantity().unitsAt(in.quantityScale());
    long reserved = 0;
    for (Map.Entry<InstrumentId, OpenExposure.Totals> e : orders.exposure().all().entrySet()) {
      InstrumentId id = e.getKey();
      if (id.exchange().equals(venue) && id.base().equals(in.id().base())) {
        reserved += e.getValue().sellUnits();
      }
    }
    return enough(
        r,
        balances.total(venue, in.id().base()),
        need + reserved,
        in.quantityScale(),
        in.id().base());
  }

  private static boolean enough(
      RiskResult r, Quantity have, long needUnits, int scale, String asset) {
    if (Decimals.compare(have.units(), have.scale(), needUnits, scale) >= 0) {
      return true;
    }
    return r.deny(
        RejectCode.INSUFFICIENT_BALANCE,
        asset
            + " available="
            + have
            + " needed="
            + Decimals.format(needUnits, scale)
            + " (including open orders)");
  }

  private boolean throttle(RiskResult r, String strategy) {
    if (probing) {
      return true;
    }
    String venue = r.order.instrument().exchange();
    Integer venueRate = config.venue(venue).ordersPerSecond();
    Integer strategyRate = config.strategyOrdersPerSecond().get(strategy);
    if (strategyRate == null) {
      strategyRate = config.strategyOrdersPerSecond().get("*");
    }
    if (throttles.tryAcquire(
        venue,
        venueRate == null ? 0 : venueRate,
        strategy,
        strategyRate == null ? 0 : strategyRate)) {
      return true;
    }
    return r.deny(
        RejectCode.ORDER_RATE_EXCEEDED,
        "venue "
            + venue
            + " limit="
            + venueRate
            + "/s, strategy "
            + strategy
            + " limit="
            + strategyRate
            + "/s");
  }

  private Quantity position(Instrument in) {
    return Quantity.of(positions.quantityUnits(in.id()), in.quantityScale());
  }

  // ---- state ------------------------------------------------------------------------------

  public TradingState state() {
    return state;
  }

  public String stateCause() {
    return stateCause;
  }

  public RiskConfig config() {
    return config;
  }

  public long denials() {
    return denials;
  }

  /** Moves the trading state (any direction), publishing the change with its cause. */
  public void setState(TradingState next, String cause) {
    setState(next, cause, RiskEvent.Kind.STATE_CHANGE);
  }

  /** A breaker trip: moves only toward more restrictive states. Returns whether it moved. */
  public boolean trip(TradingState target, String cause) {
    if (target.ordinal() <= state.ordinal()) {
      listener.onRiskEvent(
          RiskEvent.stateChange(RiskEvent.Kind.BREAKER_TRIP, state, state, cause, clock.nanos()));
      return false;
    }
    setState(target, cause, RiskEvent.Kind.BREAKER_TRIP);
    return true;
  }

  /**
   * Checks an order as if trading were REDUCING: how the kill switch's flattening orders pass while
   * everything else is halted.
   */
  public RiskResult checkReducing(OrderRequest request, String strategy) {
    TradingState saved = state;
    state = TradingState.REDUCING;
    try {
      return check(request, strategy, -1);
    } finally {
      state = saved;
    }
  }

  /** Moves the trading state, publishing an event of the given kind (e.g. KILL_SWITCH). */
  public void setState(TradingState next, String cause, RiskEvent.Kind kind) {
    TradingState previous = state;
    state = next;
    stateCause = cause;
    listener.onRiskEvent(RiskEvent.stateChange(kind, previous, next, cause, clock.nanos()));
  }

  /** Refuses every order to a venue until {@link #enableVenue} (a ban, a config switch). */
  public void disableVenue(String venue, String cause) {
    if (disabledVenues.add(venue)) {
      listener.onRiskEvent(
          new RiskEvent(
              RiskEvent.Kind.VENUE_DISABLED,
              null,
              cause,
              null,
              null,
              venue,
              null,
              null,
              null,
              null,
              clock.nanos()));
    }
  }

  public void enableVenue(String venue, String cause) {
    if (disabledVenues.remove(venue)) {
      listener.onRiskEvent(
          new RiskEvent(
              RiskEvent.Kind.VENUE_ENABLED,
              null,
              cause,
              null,
              null,
              venue,
              null,
              null,
              null,
              null,
              clock.nanos()));
    }
  }

  public boolean isVenueDisabled(String venue) {
    return disabledVenues.contains(venue);
  }

  public Set<String> disabledVenues() {
    return java.util.Collections.unmodifiableSet(disabledVenues);
  }

  /** Publishes that a new configuration was refused (LIMITS_REFUSED); the one in force stays. */
  public void refuseReload(String detail) {
    listener.onRiskEvent(
        new RiskEvent(
            RiskEvent.Kind.LIMITS_REFUSED,
            null,
            detail,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            clock.nanos()));
  }

  /** Swaps the whole configuration at once (engine thread); cached limits and buckets reset. */
  public void reload(RiskConfig next) {
    config = Objects.requireNonNull(next);
    resolved.clear();
    throttles.reset();
    listener.onRiskEvent(
        new RiskEvent(
            RiskEvent.Kind.LIMITS_RELOADED,
            null,
            "risk limits reloaded",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            clock.nanos()));
  }
}
