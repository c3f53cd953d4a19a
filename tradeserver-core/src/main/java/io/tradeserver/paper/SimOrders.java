package io.tradeserver.paper;

import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.internal.InsertionOrderedMap;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.TimeInForce;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated venue's orders: admits or refuses each submit, has {@link SimMatcher} take
 * liquidity for it, rests what is left of a GTC limit, cancels, answers queries, and keeps a
 * bounded history. Engine thread only, except {@link #received} and {@link #submissions}, which any
 * thread may call.
 */
final class SimOrders {
  /** Finished orders beyond this many are forgotten, oldest first, so memory stays bounded. */
  static final int MAX_KEPT_ORDERS = 100_000;

  private final SimConfig config;
  private final SimBooks books;
  private final SimMatcher matcher;
  private final SimAccount account;
  private final SimFaults faults;
  private final SimOutbox outbox;
  private final SimControl control;
  private final InsertionOrderedMap<String, SimOrder> orders = new InsertionOrderedMap<>();
  // Only these are matched on each market step: scanning every kept order took 40% of the engine
  // benchmark's CPU (BENCHMARKS.md).
  private final InsertionOrderedMap<String, SimOrder> resting = new InsertionOrderedMap<>();
  private final Map<String, Integer> submissions = new ConcurrentHashMap<>();
  // Ids of refused submits, oldest first: their counts are forgotten beyond MAX_KEPT_ORDERS, as
  // those of kept orders are, so a stream of refusals cannot grow the counts without bound.
  private final ArrayDeque<String> refused = new ArrayDeque<>();
  private final String orderIdPrefix;
  private final SimMatcher.FillSink emitFill = this::emitFill;
  private long orderSeq;

  SimOrders(
      SimConfig config,
      SimBooks books,
      SimMatcher matcher,
      SimAccount account,
      SimFaults faults,
      SimOutbox outbox,
      SimControl control) {
    this.config = config;
    this.books = books;
    this.matcher = matcher;
    this.account = account;
    this.faults = faults;
    this.outbox = outbox;
    this.control = control;
    this.orderIdPrefix = config.venue() + "-";
  }

  /** Counts a submit as it is received, on the caller's thread (contract test: "sent once"). */
  void received(String clientOrderId) {
    submissions.merge(clientOrderId, 1, Integer::sum);
  }

  /**
   * Submissions received per client order id; any thread. Answered for every order the sim still
   * keeps and for the last {@link #MAX_KEPT_ORDERS} refused ones; 0 once an id is forgotten.
   */
  int submissions(String clientOrderId) {
    return submissions.getOrDefault(clientOrderId, 0);
  }

  SimOrder order(String clientOrderId) {
    return orders.get(clientOrderId);
  }

  /**
   * Refuses {@code r} (unknown symbol, injected rejection, post-only that would take, balance) or
   * accepts it, takes what liquidity it may and rests the rest of a GTC limit; the answer may be
   * lost to an injected timeout, and the private stream may be dropped as a random fault.
   */
  void submit(OrderRequest r) {
    Instrument in = books.instrument(r.instrument().id());
    String cid = r.clientOrderId();
    if (in == null || r.quantity() == null) {
      reject(
          r.instrumentId(),
          cid,
          RejectCode.VENUE_REJECTED,
          "SIM-1121",
          in == null ? "unknown symbol" : "quote quantity not supported");
      return;
    }
    RejectCode code = faults.rejection();
    if (code != null) {
      reject(
          in.id(),
          cid,
          code,
          code == RejectCode.VENUE_INSUFFICIENT_BALANCE ? "SIM-2010" : "SIM-REJECT",
          "simulated rejection");
      return;
    }
    boolean lose = faults.loseAnswer();
    if (faults.dropPrivateStream()) {
      // The same path as a test's drop: queued behind the commands already waiting.
      control.dropPrivateStream(config.disconnectFor());
    }
    SimOrder o = new SimOrder(r, orderIdPrefix + (++orderSeq));
    OrderBook book = books.book(in.id());
    if (r.type() == OrderType.LIMIT_MAKER
        && o.priceUnits != 0
        && matcher.available(r.side(), o.priceUnits, book) > 0) {
      reject(
          in.id(),
          cid,
          RejectCode.POST_ONLY_WOULD_TAKE,
          "SIM-2010",
          "post-only order would take liquidity");
      return;
    }
    if (!matcher.affordable(o, book)) {
      reject(
          in.id(), cid, RejectCode.VENUE_INSUFFICIENT_BALANCE, "SIM-2010", "insufficient balance");
      return;
    }
    orders.put(cid, o);
    outbox.emit(
        lose
            ? new SubmitUnknown(config.venue(), in.id(), cid, "simulated timeout", outbox.sent())
            : new OrderAccepted(config.venue(), in.id(), cid, o.exchangeOrderId, outbox.sent()),
        false);
    execute(o, book);
    if (o.open()) {
      resting.put(cid, o);
    }
  }

  private void reject(
      InstrumentId instrument, String cid, RejectCode code, String venueCode, String message) {
    if (!orders.containsKey(cid)) { // a refused resend of a kept order keeps its count with it
      refused.addLast(cid);
      if (refused.size() > MAX_KEPT_ORDERS) {
        forgetCount(refused.pollFirst());
      }
    }
    outbox.emit(
        new OrderRejected(config.venue(), instrument, cid, code, venueCode, message, outbox.sent()),
        false);
  }

  private void execute(SimOrder o, OrderBook book) {
    OrderRequest r = o.request;
    boolean fok = r.timeInForce() == TimeInForce.FOK;
    if (!(fok && matcher.available(r.side(), o.priceUnits, book) < o.quantityUnits)) {
      if (r.type() != OrderType.LIMIT_MAKER) {
        matcher.take(o, book, outbox.now(), emitFill);
      }
    }
    if (o.remaining() <= 0) {
      return;
    }
    boolean rests = r.type() != OrderType.MARKET && r.timeInForce() == TimeInForce.GTC;
    if (rests && matcher.lockForResting(o, o.priceUnits)) {
      return;
    }
    o.status = OrderStatus.EXPIRED;
    outbox.emit(
        new OrderExpired(
            config.venue(), r.instrumentId(), r.clientOrderId(), o.exchangeOrderId, outbox.sent()),
        true);
  }

  private void emitFill(SimOrder o, Fill f) {
    outbox.emit(
        new FillReport(
            config.venue(),
            f,
            o.filledUnits == f.quantity().units() // filled at once: the same quantity
                ? f.quantity()
                : Quantity.of(o.filledUnits, o.request.instrument().quantityScale()),
            outbox.sent()),
        true);
  }

  void cancel(Instrument instrument, String cid) {
    SimOrder o = orders.get(cid);
    if (o == null || !o.open()) {
      outbox.emit(
          new CancelRejected(
              config.venue(),
              instrument.id(),
              cid,
              RejectCode.UNKNOWN_ORDER,
              "SIM-2011",
              "unknown or closed order",
              outbox.sent()),
          false);
      return;
    }
    matcher.unlockResting(o, o.remaining());
    o.status = OrderStatus.CANCELED;
    outbox.emit(
        new OrderCanceled(config.venue(), instrument.id(), cid, o.exchangeOrderId, outbox.sent()),
        false);
  }

  /** Cancels every open order, or those on {@code instrument} when it is not null. */
  void cancelAll(Instrument instrument) {
    List<SimOrder> all = new ArrayList<>(orders.size());
    orders.values().forEach(all::add);
    for (SimOrder o : all) {
      if (o.open() && (instrument == null || o.request.instrumentId().equals(instrument.id()))) {
        cancel(o.request.instrument(), o.request.clientOrderId());
      }
    }
  }

  /** Answers with the order's fills, then its state; a scripted answer wins when one is set. */
  void query(Instrument instrument, String cid) {
    OrderStatusReport scripted = faults.takeQueryAnswer();
    if (scripted != null) {
      outbox.emit(scripted, false);
      return;
    }
    SimOrder o = orders.get(cid);
    if (o == null) {
      outbox.emit(new OrderNotFound(config.venue(), instrument.id(), cid, outbox.sent()), false);
      return;
    }
    for (Fill f : o.fills()) {
      outbox.emit(new FillReport(config.venue(), f, null, outbox.sent()), false);
    }
    outbox.emit(report(o), false);
  }

  private OrderStatusReport report(SimOrder o) {
    Instrument in = o.request.instrument();
    Price avg =
        o.filledUnits == 0
            ? null
            : Price.of(
                    Decimals.multiplyDivide(
                        o.filledCost,
                        Decimals.pow10(in.quantityScale()),
                        o.filledUnits,
                        RoundingMode.HALF_EVEN),
                    SimAccount.SCALE)
                .withScale(Math.min(SimAccount.SCALE, in.priceScale() + 4), RoundingMode.HALF_EVEN);
    return o.report(config.venue(), avg, outbox.sent());
  }

  /** The open orders, all of them or those on {@code scope} when it is not null. */
  OpenOrders openOrders(Instrument scope) {
    List<OrderStatusReport> open = new ArrayList<>();
    for (SimOrder o : orders.values()) {
      if (o.open() && (scope == null || o.request.instrumentId().equals(scope.id()))) {
        open.add(report(o));
      }
    }
    return new OpenOrders(config.venue(), scope == null ? null : scope.id(), open, outbox.sent());
  }

  /** Fills {@code o} now, whatever the market, reporting the fill under {@code tradeId}. */
  void forceFill(SimOrder o, long priceUnits, long qtyUnits, Liquidity liq, String tradeId) {
    matcher.fill(
        o,
        priceUnits,
        qtyUnits,
        liq,
        outbox.now(),
        (order, f) -> {
          Fill named =
              new Fill(
                  f.instrumentId(),
                  f.clientOrderId(),
                  f.exchangeOrderId(),
                  tradeId,
                  f.side(),
                  f.price(),
                  f.quantity(),
                  f.fee(),
                  f.feeAsset(),
                  f.liquidity(),
                  f.timeNanos());
          o.replaceLastFill(named);
          emitFill(o, named);
        });
    if (!o.open()) {
      matcher.unlockResting(o, 0);
    }
  }

  /**
   * Fills the resting orders on {@code instrument} that its freshly rebuilt book trades through.
   */
  void matchResting(Instrument instrument, OrderBook book) {
    for (SimOrder o : resting.values()) {
      if (o.open() && o.request.instrumentId().equals(instrument.id())) {
        matcher.matchResting(o, book, outbox.now(), emitFill);
      }
    }
  }

  /**
   * After a market step: stops matching orders that are no longer open and drops the oldest
   * finished orders beyond {@link #MAX_KEPT_ORDERS}; open ones are kept.
   */
  void retireFinished() {
    resting.removeValuesIf(o -> !o.open());
    Iterator<SimOrder> it = orders.values().iterator();
    while (orders.size() > MAX_KEPT_ORDERS && it.hasNext()) {
      SimOrder o = it.next();
      if (!o.open()) {
        it.remove();
        submissions.remove(o.request.clientOrderId()); // no order kept under it now
      }
    }
  }

  /** Drops an id's count unless the sim still keeps an order under it (a resent id). */
  private void forgetCount(String cid) {
    if (!orders.containsKey(cid)) {
      submissions.remove(cid);
    }
  }
}
