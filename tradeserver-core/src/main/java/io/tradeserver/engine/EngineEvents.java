package io.tradeserver.engine;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.TradeTick;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.event.VenueEventHandler;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.order.OrderGateway;
import io.tradeserver.order.OrderListener;
import io.tradeserver.position.PositionState;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.risk.RiskListener;
import io.tradeserver.spi.Capability;
import io.tradeserver.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that happens on the engine thread in response to venues and the order manager: venue
 * events to the order manager, books, balances and breakers; order changes and fills to positions,
 * stats and listeners; order manager requests to the venue clients.
 */
final class EngineEvents implements VenueEventHandler, OrderListener, OrderGateway, RiskListener {
  private static final Logger log = LoggerFactory.getLogger(EngineEvents.class);
  private final Engine engine;
  private final Clock clock;
  private final io.tradeserver.internal.LogThrottle lastAnomalyLogThrottle =
      io.tradeserver.internal.LogThrottle.perSecond();

  EngineEvents(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  void dispatch(VenueEvent e) {
    e.accept(this);
  }

  // ---- venue events -------------------------------------------------------------------------

  @Override
  public void onInstrumentsLoaded(InstrumentsLoaded e) {
    VenueState v = engine.venues.get(e.venue());
    if (v == null) {
      return;
    }
    for (Instrument in : e.instruments()) {
      v.instruments.put(in.symbol(), in);
    }
    if (v.capabilities.contains(Capability.ORDER_BOOK_STREAM)) {
      for (Instrument in : e.instruments()) {
        if (v.trades(in.symbol())) {
          v.client.subscribeBook(in, v.bookDepth);
        }
      }
    }
    log.info("{}: {} instruments loaded", e.venue(), e.instruments().size());
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onBookUpdate(BookUpdate e) {
    if (e.requested()) { // a one-off REST snapshot: for whoever asked, not for risk
      engine.publisher.onVenueEvent(e);
      return;
    }
    VenueState v = engine.venues.get(e.venue());
    if (v == null) {
      return;
    }
    OrderBook b = v.apply(e.book());
    Price mid = b.mid();
    long now = clock.nanos();
    if (mid != null) {
      engine.positions.mark(b.instrumentId(), mid, now);
      engine.breakers.onMid(b.instrumentId(), mid, now);
      engine.sizer.onMid(b.instrumentId(), mid, now);
    }
    if (engine.arbitrage != null) {
      engine.arbitrage.onBook(v, b, now);
    }
  }

  @Override
  public void onBalances(Balances e) {
    engine.balances.onBalances(e.venue(), e.balances(), e.complete());
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onConnectionEvent(ConnectionEvent e) {
    VenueState v = engine.venues.get(e.venue());
    if (v != null) {
      v.connections.put(e.channel(), e.state());
    }
    engine.stats.metrics.connection(e.venue(), e.channel(), e.state());
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onVenueAlert(VenueAlert e) {
    VenueState v = engine.venues.get(e.venue());
    if (v != null) {
      v.lastAlert = e.kind() + ": " + e.detail();
      if (e.kind() == AlertKind.RATE_LIMITED || e.kind() == AlertKind.BANNED) {
        v.rateLimitedUntilNanos = Math.max(v.rateLimitedUntilNanos, e.untilNanos());
      }
    }
    engine.stats.metrics.alert(e.venue(), e.kind());
    if (e.kind() == AlertKind.BANNED) {
      engine.breakers.onVenueBanned(e.venue(), e.detail());
    } else if (e.kind() == AlertKind.AUTHENTICATION_FAILED || e.kind() == AlertKind.UNAVAILABLE) {
      engine.breakers.onVenueError(e.venue(), e.kind() + ": " + e.detail());
    }
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onRequestFailed(RequestFailed e) {
    engine.breakers.onVenueError(e.venue(), e.request() + " failed: " + e.detail());
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onTicker(io.tradeserver.event.Ticker e) {
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onTradeTick(TradeTick e) {
    engine.publisher.onVenueEvent(e);
  }

  @Override
  public void onOrderAccepted(OrderAccepted e) {
    engine.breakers.onVenueSuccess(e.venue());
    engine.orders.onOrderAccepted(e);
  }

  @Override
  public void onOrderRejected(OrderRejected e) {
    engine.stats.reject(e.code());
    engine.breakers.onVenueRejection(
        e.venue(), e.code(), e.code() + " " + e.venueCode(), clock.nanos());
    engine.orders.onOrderRejected(e);
  }

  @Override
  public void onOrderCanceled(OrderCanceled e) {
    engine.orders.onOrderCanceled(e);
  }

  @Override
  public void onOrderExpired(OrderExpired e) {
    engine.orders.onOrderExpired(e);
  }

  @Override
  public void onCancelRejected(CancelRejected e) {
    engine.orders.onCancelRejected(e);
  }

  @Override
  public void onFillReport(FillReport e) {
    engine.breakers.onVenueSuccess(e.venue());
    engine.orders.onFillReport(e);
  }

  @Override
  public void onOrderStatusReport(OrderStatusReport e) {
    engine.orders.onOrderStatusReport(e);
  }

  @Override
  public void onOrderNotFound(OrderNotFound e) {
    engine.orders.onOrderNotFound(e);
  }

  @Override
  public void onSubmitUnknown(SubmitUnknown e) {
    engine.breakers.onVenueError(e.venue(), "unknown outcome: " + e.cause());
    engine.orders.onSubmitUnknown(e);
  }

  @Override
  public void onOpenOrders(OpenOrders e) {
    engine.orders.onOpenOrders(e);
  }

  // ---- order manager output -----------------------------------------------------------------

  @Override
  public void onOrderChanged(ManagedOrder o, OrderStatus previous) {
    OrderStatus now = o.status();
    if (now == OrderStatus.SUBMITTED) {
      engine.breakers.onOrderSent(o.venue(), clock.nanos());
    } else if (previous == OrderStatus.SUBMITTED && o.ackNanos() != 0) {
      long latency = o.ackNanos() - o.sentNanos();
      engine.stats.acknowledged(o.venue(), latency);
      engine.breakers.onAckLatency(o.venue(), latency, clock.nanos());
    }
    if (!engine.publisher.isEmpty()) {
      engine.publisher.onOrder(o.snapshot());
    }
    if (engine.pairs != null) {
      engine.pairs.onOrder(o); // after publishing: an unwind it sends comes after this event
    }
  }

  @Override
  public void onFill(ManagedOrder o, Fill fill, boolean reconciled) {
    Instrument in = o != null ? o.instrument() : engine.instrument(fill.instrumentId());
    if (in == null) {
      onAnomaly("fill-unknown-instrument", fill.toString());
      return;
    }
    engine.stats.fill(in.id());
    if (engine.pairs != null && o != null) {
      engine.pairs.onFill(o, fill);
    }
    PositionState p = engine.positions.apply(fill, in);
    engine.balances.onFill(fill, in);
    OrderBook book = engine.book(in.id());
    if (book != null && book.mid() != null && p.mark() == null) {
      engine.positions.mark(in.id(), book.mid(), clock.nanos());
    }
    if (!engine.publisher.isEmpty()) {
      engine.publisher.onFill(fill, o == null ? null : o.snapshot(), reconciled);
      engine.publisher.onPosition(p.snapshot());
    }
  }

  @Override
  public void onAnomaly(String kind, String detail) {
    if (lastAnomalyLogThrottle.allow()) {
      log.warn("ignored venue anomaly {}: {}", kind, detail);
    }
  }

  // ---- order manager requests ---------------------------------------------------------------

  @Override
  public void submit(ManagedOrder o) {
    venue(o).client.submit(o.request());
    engine.stats.submitted(o.venue(), o.route() != null, clock.nanos());
  }

  @Override
  public void cancel(ManagedOrder o) {
    venue(o).client.cancel(o.instrument(), o.clientOrderId(), o.exchangeOrderId());
  }

  @Override
  public void query(ManagedOrder o) {
    venue(o).client.queryOrder(o.instrument(), o.clientOrderId());
  }

  @Override
  public void requestOpenOrders(String venue) {
    VenueState v = engine.venues.get(venue);
    if (v != null) {
      v.client.requestOpenOrders(null);
    }
  }

  private VenueState venue(ManagedOrder o) {
    VenueState v = engine.venues.get(o.venue());
    if (v == null) {
      throw new IllegalStateException("no venue " + o.venue());
    }
    return v;
  }

  // ---- risk ---------------------------------------------------------------------------------

  @Override
  public void onRiskEvent(RiskEvent e) {
    if (e.kind() != RiskEvent.Kind.DENIAL) {
      log.warn("risk {}: {} -> {} ({})", e.kind(), e.from(), e.to(), e.detail());
    }
    engine.publisher.onRiskEvent(e);
  }
}
