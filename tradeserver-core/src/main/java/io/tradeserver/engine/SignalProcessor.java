package io.tradeserver.engine;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.order.ClientOrderIds;
import io.tradeserver.order.OrderManager;
import io.tradeserver.position.BalanceLedger;
import io.tradeserver.risk.RiskEngine;
import io.tradeserver.risk.RiskResult;
import io.tradeserver.risk.Sizer;
import io.tradeserver.spi.Capability;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signal → order on the engine thread: refuse repeats, pick the venue (given or routed), size,
 * build the request with the client order id derived from the signal ({@link
 * ClientOrderIds#forSignal}), run risk, and hand it to the order manager. A signal that cannot
 * become an order is a {@link SignalRejected}; a risk denial is a REJECTED order carrying the code.
 * A redelivered signal (one an instance that crashed may already have sent) goes to the order
 * manager to be checked at the venue before it is sent; a routed one on every venue listing its
 * symbol, since the crashed instance may have routed it elsewhere.
 */
final class SignalProcessor {
  private final Clock clock;
  private final Map<String, VenueState> venues;
  private final List<VenueState> venueList;
  private final Router router;
  private final RiskEngine risk;
  private final Sizer sizer;
  private final BalanceLedger balances;
  private final OrderManager orders;
  private final ClientOrderIds ids;
  private final SignalDeduper deduper;
  private final EngineStats stats;
  private final Publisher publisher;
  private final String[] why = new String[1];

  SignalProcessor(
      Clock clock,
      Map<String, VenueState> venues,
      Router router,
      RiskEngine risk,
      Sizer sizer,
      BalanceLedger balances,
      OrderManager orders,
      ClientOrderIds ids,
      SignalDeduper deduper,
      EngineStats stats,
      Publisher publisher) {
    this.clock = clock;
    this.venues = venues;
    this.venueList = List.copyOf(venues.values());
    this.router = router;
    this.risk = risk;
    this.sizer = sizer;
    this.balances = balances;
    this.orders = orders;
    this.ids = ids;
    this.deduper = deduper;
    this.stats = stats;
    this.publisher = publisher;
  }

  void onSignal(Signal s) {
    onSignal(s, false);
  }

  /**
   * @param redelivered the transport delivered it before, maybe to an instance that sent its order
   *     and crashed before acknowledging
   */
  void onSignal(Signal s, boolean redelivered) {
    stats.signals++;
    long now = clock.nanos();
    if (!deduper.firstTime(s.signalId(), now)) {
      reject(s, RejectCode.DUPLICATE_SIGNAL, "signalId " + s.signalId() + " seen before");
      return;
    }
    if (s.routed()) {
      routed(s, now, redelivered);
      return;
    }
    VenueState v = venues.get(s.exchange());
    if (v == null) {
      reject(
          s,
          RejectCode.UNKNOWN_EXCHANGE,
          "no venue '" + s.exchange() + "'; venues: " + venues.keySet());
      return;
    }
    Instrument in = v.instrument(s.symbol());
    if (in == null || !v.trades(s.symbol())) {
      reject(s, RejectCode.UNKNOWN_SYMBOL, s.symbol() + " not traded on " + v.id);
      return;
    }
    OrderRequest req = request(s, orderId(s), in, v, now);
    if (req == null) {
      return;
    }
    RiskResult r = risk.check(req, s.strategy(), slippage(s));
    submitOrReject(s, req, r, v, null, now, redelivered);
  }

  private void routed(Signal s, long now, boolean redelivered) {
    if (!router.enabled()) {
      reject(
          s, RejectCode.NO_ROUTE, "routing is disabled (routing.enabled=false): name the exchange");
      return;
    }
    Quantity estimate = s.quantity();
    List<Router.Candidate> candidates;
    try {
      candidates = router.candidates(venueList, s.symbol(), s.side(), estimate, now);
    } catch (ArithmeticException e) {
      reject(s, RejectCode.NOTIONAL_OVERFLOW, "quantity " + estimate + " too large to route");
      return;
    }
    if (candidates.isEmpty()) {
      boolean listed = venueList.stream().anyMatch(v -> v.instrument(s.symbol()) != null);
      reject(
          s,
          listed ? RejectCode.NO_ROUTE : RejectCode.UNKNOWN_SYMBOL,
          listed
              ? "no venue with a fresh book deep enough for " + s.symbol()
              : s.symbol() + " not listed on any venue");
      return;
    }
    String id = orderId(s);
    int chosen = -1;
    OrderRequest req = null;
    for (int i = 0; i < candidates.size() && chosen < 0; i++) {
      Router.Candidate c = candidates.get(i);
      req = request(s, id, c.instrument(), c.venue(), now);
      if (req == null) {
        return; // could not be sized: already rejected
      }
      if (risk.probe(req, s.strategy(), slippage(s)).accepted()) {
        chosen = i;
      }
    }
    if (chosen < 0) { // no venue takes it: deny on the best one, with its reason
      chosen = 0;
      req = request(s, id, candidates.get(0).instrument(), candidates.get(0).venue(), now);
    }
    RiskResult r = risk.check(req, s.strategy(), slippage(s));
    submitOrReject(
        s,
        req,
        r,
        candidates.get(chosen).venue(),
        router.describe(candidates, chosen),
        now,
        redelivered);
  }

  private void submitOrReject(
      Signal s,
      OrderRequest req,
      RiskResult r,
      VenueState v,
      String route,
      long now,
      boolean redelivered) {
    stats.orders++;
    if (!r.accepted()) {
      stats.reject(r.denial().code());
      if (r.denial().code() != RejectCode.DUPLICATE_CLIENT_ORDER_ID) {
        orders.reject(req, r.denial().code(), r.denial().detail(), route);
      }
      return;
    }
    if (redelivered) {
      OrderRequest o = forVenue(r.order(), v);
      orders.submitAfterCheck(
          o, r.adjustment(), route, route == null ? List.of() : elsewhere(o, s.symbol(), v));
    } else {
      orders.submit(forVenue(r.order(), v), r.adjustment(), route);
    }
    stats.ordersSent++;
    if (stats.signalNanos > 0) { // when the engine received the signal
      stats.signalToSubmit.record(clock.nanos() - stats.signalNanos);
    }
  }

  /**
   * A routed, redelivered order on every other venue listing its symbol: the instance that crashed
   * may have routed it to any of them, so it is looked up on each (same id, never sent from here).
   */
  private List<OrderRequest> elsewhere(OrderRequest o, String symbol, VenueState chosen) {
    List<OrderRequest> copies = new ArrayList<>();
    for (VenueState v : venueList) {
      Instrument in = v == chosen ? null : v.instrument(symbol);
      if (in != null) {
        copies.add(
            forVenue(
                new OrderRequest(
                    o.clientOrderId(),
                    in,
                    o.side(),
                    o.type(),
                    o.timeInForce(),
                    o.price() == null ? null : normalize(o.price(), in.priceScale()),
                    o.quantity() == null ? null : normalize(o.quantity(), in.quantityScale()),
                    o.quoteQuantity(),
                    o.protectionPrice(),
                    o.signalId(),
                    o.strategy(),
                    o.createdNanos()),
                v));
      }
    }
    return copies;
  }

  /**
   * The signal's own id, unless an order of that id is still remembered (the strategy reused a
   * signal id after the duplicate window): then a fresh one.
   */
  private String orderId(Signal s) {
    String id = ClientOrderIds.forSignal(s.strategy(), s.signalId());
    return orders.contains(id) ? ids.next() : id;
  }

  /**
   * Builds the order for one venue, or rejects the signal (and returns null) when it cannot be
   * sized.
   */
  private OrderRequest request(Signal s, String id, Instrument in, VenueState v, long now) {
    Price price = s.price() == null ? null : normalize(s.price(), in.priceScale());
    Quantity qty = s.quantity() == null ? null : normalize(s.quantity(), in.quantityScale());
    if (qty == null) {
      Price reference = price;
      if (reference == null || s.type() == OrderType.MARKET) {
        OrderBook book = v.books.get(in.id());
        reference = book == null ? null : book.mid();
      }
      if (reference == null) {
        reject(
            s,
            RejectCode.NO_REFERENCE_PRICE,
            "no price to size " + s.signalId() + " on " + in.id());
        return null;
      }
      try {
        qty =
            s.notional() != null
                ? Sizer.forNotional(in, s.notional().toBigDecimal(), reference)
                : sizer.size(
                    in, s.sizing(), reference, balances, risk.config().effective(in.id()), why);
      } catch (ArithmeticException e) {
        reject(s, RejectCode.NOTIONAL_OVERFLOW, "notional " + s.notional() + " at " + reference);
        return null;
      }
      if (qty == null) {
        reject(s, sizer.lastCode(), why[0]);
        return null;
      }
    }
    TimeInForce tif = s.type() == OrderType.MARKET ? TimeInForce.IOC : s.timeInForce();
    return new OrderRequest(
        id,
        in,
        s.side(),
        s.type(),
        tif,
        s.type() == OrderType.MARKET ? null : price,
        qty,
        null,
        null,
        s.signalId(),
        s.strategy(),
        now);
  }

  /**
   * A market order with a protection price goes out as is where the venue supports protection,
   * otherwise as a marketable IOC limit at the protection price.
   */
  static OrderRequest forVenue(OrderRequest o, VenueState v) {
    if (o.type() != OrderType.MARKET
        || o.protectionPrice() == null
        || v.capabilities.contains(Capability.MARKET_PROTECTION_PRICE)) {
      return o;
    }
    return new OrderRequest(
        o.clientOrderId(),
        o.instrument(),
        o.side(),
        OrderType.LIMIT,
        TimeInForce.IOC,
        o.protectionPrice(),
        o.quantity(),
        null,
        null,
        o.signalId(),
        o.strategy(),
        o.createdNanos());
  }

  private static int slippage(Signal s) {
    return s.maxSlippageBps() == null ? -1 : s.maxSlippageBps();
  }

  /** At the instrument's scale when exact; as given otherwise (risk refuses or rounds it). */
  private static Price normalize(Price p, int scale) {
    try {
      return p.scale() <= scale ? p.withScale(scale) : p;
    } catch (ArithmeticException e) {
      return p; // too large at that scale: risk denies it as NOTIONAL_OVERFLOW
    }
  }

  private static Quantity normalize(Quantity q, int scale) {
    try {
      return q.scale() <= scale ? q.withScale(scale) : q;
    } catch (ArithmeticException e) {
      return q;
    }
  }

  private void reject(Signal s, RejectCode code, String detail) {
    stats.signalsRejected++;
    stats.reject(code);
    publisher.onSignalRejected(
        new SignalRejected(code, detail, s.toString(), s.signalId(), clock.nanos()));
  }
}
