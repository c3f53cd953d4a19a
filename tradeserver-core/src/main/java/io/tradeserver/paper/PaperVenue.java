package io.tradeserver.paper;

import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.TradeTick;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.spi.VenueListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper side of a {@link PaperExchangeClient}: copies of the live books, the paper orders and
 * account, and the venue's answers, emitted as the same events a live venue sends. Engine thread
 * only.
 */
final class PaperVenue {
  private final String venue;
  private final VenueListener out;
  private final Map<String, Instrument> instruments = new HashMap<>();
  private final Map<String, OrderBook> books = new HashMap<>();
  private final Map<String, SimOrder> orders = new LinkedHashMap<>();
  private final SimAccount account;
  private final PaperMatcher matcher;
  private final long[] tradeBudget = new long[1];
  private long now;
  private long orderSeq;

  PaperVenue(String venue, VenueListener out, SimAccount account, PaperMatcher matcher) {
    this.venue = venue;
    this.out = out;
    this.account = account;
    this.matcher = matcher;
  }

  void now(long nanos) {
    now = nanos;
  }

  /** The private stream is up: balances and (no) open orders, as a live venue reports them. */
  void started() {
    emit(
        new ConnectionEvent(
            venue, Channel.PRIVATE_STREAM, ConnectionState.CONNECTED, "paper", now));
    balances();
    emit(new OpenOrders(venue, null, List.of(), now));
  }

  void balances() {
    emit(new Balances(venue, account.snapshot(), true, now));
  }

  void cancelAll(Instrument instrument) {
    for (SimOrder o : new ArrayList<>(orders.values())) {
      if (o.open() && (instrument == null || o.request.instrumentId().equals(instrument.id()))) {
        cancel(o.request.instrument(), o.request.clientOrderId());
      }
    }
  }

  void query(Instrument instrument, String clientOrderId) {
    SimOrder o = orders.get(clientOrderId);
    if (o == null) {
      emit(new OrderNotFound(venue, instrument.id(), clientOrderId, now));
      return;
    }
    o.fills().forEach(f -> emit(new FillReport(venue, f, null, now)));
    emit(report(o));
  }

  void openOrders(Instrument instrument) {
    List<OrderStatusReport> open = new ArrayList<>();
    for (SimOrder o : orders.values()) {
      if (o.open() && (instrument == null || o.request.instrumentId().equals(instrument.id()))) {
        open.add(report(o));
      }
    }
    emit(new OpenOrders(venue, instrument == null ? null : instrument.id(), open, now));
  }

  /** Live market data: instruments, a book move or a trade, matched against resting orders. */
  void apply(VenueEvent e) {
    if (e instanceof InstrumentsLoaded l) {
      l.instruments().forEach(in -> instruments.put(in.symbol(), in));
    } else if (e instanceof BookUpdate u) {
      OrderBook book = book(u);
      if (book != null) {
        for (SimOrder o : resting(u.book().instrumentId().symbol())) {
          matcher.onBook(o, book, now, f -> emitFill(o, f));
        }
      }
    } else if (e instanceof TradeTick t) {
      Instrument in = instruments.get(t.instrumentId().symbol());
      if (in != null) {
        tradeBudget[0] = t.quantity().withScale(in.quantityScale(), RoundingMode.DOWN).units();
        for (SimOrder o : resting(in.symbol())) {
          matcher.onTrade(o, t, tradeBudget, now, f -> emitFill(o, f));
        }
      }
    }
  }

  /** The paper copy of the live book, replaced by the update; null when it cannot be used. */
  private OrderBook book(BookUpdate u) {
    Instrument in = instruments.get(u.book().instrumentId().symbol());
    if (in == null) {
      return null;
    }
    OrderBook b = books.computeIfAbsent(in.symbol(), s -> OrderBook.of(in));
    try {
      b.replaceWith(u.book());
    } catch (IllegalArgumentException e) { // scales differ from the instrument's: rebuild exactly
      b.clear();
      copyLevels(u, b);
    }
    return b;
  }

  private static void copyLevels(BookUpdate u, OrderBook b) {
    var s = u.book();
    for (int i = 0; i < s.bidDepth(); i++) {
      b.set(
          Side.BUY,
          Price.of(s.bidPrices()[i], s.priceScale()),
          Quantity.of(s.bidQuantities()[i], s.quantityScale()));
    }
    for (int i = 0; i < s.askDepth(); i++) {
      b.set(
          Side.SELL,
          Price.of(s.askPrices()[i], s.priceScale()),
          Quantity.of(s.askQuantities()[i], s.quantityScale()));
    }
    b.updatedNanos(s.timeNanos());
  }

  private List<SimOrder> resting(String symbol) {
    List<SimOrder> out = new ArrayList<>();
    for (SimOrder o : orders.values()) {
      if (o.open() && o.request.instrument().symbol().equals(symbol)) {
        out.add(o);
      }
    }
    return out;
  }

  void submit(OrderRequest r) {
    String cid = r.clientOrderId();
    OrderBook book = books.get(r.instrument().symbol());
    if (r.quantity() == null || book == null || !book.isTwoSided()) {
      reject(
          r,
          RejectCode.VENUE_REJECTED,
          r.quantity() == null
              ? "paper: quote-sized orders are not simulated"
              : "paper: no live book for " + r.instrument().symbol());
      return;
    }
    SimOrder o = new SimOrder(r, "P" + (++orderSeq));
    if (r.type() == OrderType.LIMIT_MAKER
        && PaperMatcher.available(r.side(), o.priceUnits, book) > 0) {
      reject(r, RejectCode.POST_ONLY_WOULD_TAKE, "paper: post-only order would take liquidity");
      return;
    }
    long worst = o.priceUnits != 0 ? o.priceUnits : book.priceAt(r.side().opposite(), 0);
    if (!matcher.affordable(o, worst)) {
      reject(r, RejectCode.VENUE_INSUFFICIENT_BALANCE, "paper: insufficient paper balance");
      return;
    }
    orders.put(cid, o);
    emit(new OrderAccepted(venue, r.instrumentId(), cid, o.exchangeOrderId, now));
    boolean fok = r.timeInForce() == TimeInForce.FOK;
    if (r.type() != OrderType.LIMIT_MAKER
        && !(fok && PaperMatcher.available(r.side(), o.priceUnits, book) < o.quantityUnits)) {
      matcher.take(o, book, now, f -> emitFill(o, f));
    }
    if (o.remaining() <= 0) {
      return;
    }
    boolean rests = r.type() != OrderType.MARKET && r.timeInForce() == TimeInForce.GTC;
    if (rests && matcher.lock(o)) {
      return;
    }
    o.status = OrderStatus.EXPIRED;
    emit(new OrderExpired(venue, r.instrumentId(), cid, o.exchangeOrderId, now));
  }

  void cancel(Instrument instrument, String cid) {
    SimOrder o = orders.get(cid);
    if (o == null || !o.open()) {
      emit(
          new CancelRejected(
              venue,
              instrument.id(),
              cid,
              RejectCode.UNKNOWN_ORDER,
              "PAPER",
              "unknown or closed paper order",
              now));
      return;
    }
    matcher.unlock(o, o.remaining());
    o.status = OrderStatus.CANCELED;
    emit(new OrderCanceled(venue, instrument.id(), cid, o.exchangeOrderId, now));
  }

  private void reject(OrderRequest r, RejectCode code, String detail) {
    emit(new OrderRejected(venue, r.instrumentId(), r.clientOrderId(), code, "PAPER", detail, now));
  }

  private void emitFill(SimOrder o, Fill f) {
    Quantity cumulative = Quantity.of(o.filledUnits, o.request.instrument().quantityScale());
    emit(new FillReport(venue, f, cumulative, now));
  }

  private OrderStatusReport report(SimOrder o) {
    return o.report(venue, averagePrice(o), now);
  }

  private static Price averagePrice(SimOrder o) {
    if (o.filledUnits == 0) {
      return null;
    }
    Instrument in = o.request.instrument();
    int scale = Math.min(in.priceScale() + 4, Decimals.MAX_SCALE);
    BigDecimal avg =
        BigDecimal.valueOf(o.filledCost, SimAccount.SCALE)
            .divide(
                BigDecimal.valueOf(o.filledUnits, in.quantityScale()),
                scale,
                RoundingMode.HALF_EVEN);
    return Price.of(Decimals.fromBigDecimal(avg, scale), scale);
  }

  private void emit(VenueEvent e) {
    out.onEvent(e);
  }
}
