package io.tradeserver.order;

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
import io.tradeserver.event.VenueEventHandler;
import io.tradeserver.internal.InsertionOrderedMap;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.RejectCode;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Owns every order's lifecycle (DESIGN §4) on the engine thread, without locks. Orders enter with
 * {@link #submit} (sent exactly once) or {@link #reject}; venue events move them through {@link
 * OrderTransitions}; {@link #onTimer(long)} turns silence into UNKNOWN, queries UNKNOWN orders
 * until the venue answers, and forgets terminal orders after the retention window.
 */
public final class OrderManager implements VenueEventHandler {
  private final Clock clock;
  private final OrderManagerConfig config;
  private final OrderGateway gateway;
  private final OrderListener listener;
  final Function<InstrumentId, Instrument> instruments;
  // Insertion order: iterations (kill switch, reconciliation, status) go oldest first, whatever the
  // ids' hashes. An open-addressing table: no node per order, one probe per lookup.
  final InsertionOrderedMap<String, ManagedOrder> orders = new InsertionOrderedMap<>();
  final List<ManagedOrder> reconciling = new ArrayList<>();
  final RecentTrades recentTrades;
  private final OrderTimers timers = new OrderTimers(this);
  final RedeliveryCheck redelivery = new RedeliveryCheck(this);
  private final OpenExposure exposure = new OpenExposure();
  final Reconciler reconciler = new Reconciler(this);
  final Fills fills = new Fills(this);
  private long anomalies;

  public OrderManager(
      Clock clock,
      OrderManagerConfig config,
      OrderGateway gateway,
      OrderListener listener,
      Function<InstrumentId, Instrument> instruments) {
    this.clock = clock;
    this.config = config;
    this.gateway = gateway;
    this.listener = listener;
    this.instruments = instruments;
    this.recentTrades = new RecentTrades(config.tradeIdWindow());
  }

  /**
   * Creates the order and sends it, once. A synchronous failure of the gateway means it was not
   * sent: the order is REJECTED.
   *
   * @throws IllegalStateException when the client order id is already in use (risk checks first)
   */
  public ManagedOrder submit(OrderRequest request) {
    return submit(request, null, null);
  }

  /**
   * As {@link #submit(OrderRequest)}, recording what risk adjusted and how the venue was chosen,
   * both shown in the order's events.
   */
  public ManagedOrder submit(OrderRequest request, String adjustment, String route) {
    ManagedOrder o = register(request, adjustment, route);
    send(o);
    return o;
  }

  /**
   * As {@link #submit(OrderRequest, String, String)} for an order an instance that crashed may
   * already have sent under the same client order id (its signal was redelivered): the order stays
   * PENDING_NEW while the venue is asked for it. A status report (or fill) means it is there and it
   * is tracked from that state; the venue not finding it means it was never sent, and it is sent
   * now. Without an answer after {@code notFoundQueries} queries it is REJECTED ({@code
   * VENUE_UNAVAILABLE}), never sent blindly. A cancel meanwhile is sent to the venue as well.
   */
  public ManagedOrder submitAfterCheck(OrderRequest request, String adjustment, String route) {
    return submitAfterCheck(request, adjustment, route, List.of());
  }

  /**
   * As {@link #submitAfterCheck(OrderRequest, String, String)} for a routed order, which the
   * instance that crashed may have routed to another venue: it is looked up on each venue in {@code
   * elsewhere} (the same order, same client order id, on that venue's instrument) as well, sent
   * only when none has it, and tracked on the venue that reports it otherwise.
   */
  public ManagedOrder submitAfterCheck(
      OrderRequest request, String adjustment, String route, List<OrderRequest> elsewhere) {
    String checking = RedeliveryCheck.CHECKING;
    ManagedOrder o =
        register(request, adjustment == null ? checking : adjustment + "; " + checking, route);
    o.lookedUp = true;
    exposure.update(o, false, 0, true, o.remainingUnits());
    redelivery.start(o, elsewhere, clock.nanos());
    return o;
  }

  /**
   * Whether an order in {@code status} counts as open (for exposure, balances, open-order limits):
   * PENDING_NEW only when it was looked up at the venue, where an earlier copy may be working.
   */
  static boolean counts(ManagedOrder o, OrderStatus status) {
    return status.isOpen() || (status == OrderStatus.PENDING_NEW && o.lookedUp);
  }

  /** Creates and announces an order (PENDING_NEW); nothing is sent. */
  ManagedOrder register(OrderRequest request, String adjustment, String route) {
    ManagedOrder o = new ManagedOrder(request, clock.nanos());
    if (orders.putIfAbsent(request.clientOrderId(), o) != null) {
      throw new IllegalStateException("client order id in use: " + request.clientOrderId());
    }
    o.reasonDetail = adjustment;
    o.route = route;
    listener.onOrderChanged(o, null);
    return o;
  }

  void send(ManagedOrder o) {
    move(o, OrderEventType.SEND);
    o.sentNanos = o.updatedNanos;
    timers.sent(o);
    try {
      gateway.submit(o);
    } catch (RuntimeException e) {
      RejectCode code =
          e instanceof UnsupportedOperationException
              ? RejectCode.UNSUPPORTED_ORDER
              : RejectCode.VENUE_REJECTED;
      rejectWith(o, code, "not sent: " + e.getMessage());
    }
  }

  /** Records an order refused before sending (a risk denial): one REJECTED event, no venue call. */
  public ManagedOrder reject(OrderRequest request, RejectCode code, String detail) {
    return reject(request, code, detail, null);
  }

  /** As {@link #reject(OrderRequest, RejectCode, String)}, with the routing decision. */
  public ManagedOrder reject(OrderRequest request, RejectCode code, String detail, String route) {
    ManagedOrder o = new ManagedOrder(request, clock.nanos());
    if (orders.putIfAbsent(request.clientOrderId(), o) != null) {
      throw new IllegalStateException("client order id in use: " + request.clientOrderId());
    }
    o.route = route;
    o.reason = code;
    o.reasonDetail = detail;
    o.status = OrderStatus.REJECTED;
    o.terminalNanos = o.updatedNanos;
    timers.terminal(o);
    listener.onOrderChanged(o, null);
    return o;
  }

  /**
   * Requests a cancel. Returns false when there is nothing to cancel (unknown, done, or a cancel
   * already pending). A PENDING_NEW order is canceled locally.
   */
  public boolean cancel(String clientOrderId) {
    ManagedOrder o = orders.get(clientOrderId);
    if (o == null || o.status.isTerminal() || o.status == OrderStatus.PENDING_CANCEL) {
      return false;
    }
    // A PENDING_NEW order is not at the venue, unless it is being checked for an earlier copy.
    boolean send = o.status != OrderStatus.PENDING_NEW || o.checking;
    if (o.checking) {
      redelivery.cancelElsewhere(o, gateway);
    }
    o.checking = false;
    move(o, OrderEventType.CANCEL_REQUEST);
    if (send) {
      o.cancelNanos = clock.nanos();
      timers.cancelSent(o);
      gateway.cancel(o);
    }
    return true;
  }

  /** Cancels every open order on {@code venue}, or on all venues when null; returns how many. */
  public int cancelAll(String venue) {
    List<String> ids = new ArrayList<>();
    for (ManagedOrder o : orders.values()) {
      if ((venue == null || venue.equals(o.venue())) && !o.status.isTerminal()) {
        ids.add(o.clientOrderId());
      }
    }
    int n = 0;
    for (String id : ids) {
      n += cancel(id) ? 1 : 0;
    }
    return n;
  }

  public ManagedOrder get(String clientOrderId) {
    return orders.get(clientOrderId);
  }

  public boolean contains(String clientOrderId) {
    return orders.containsKey(clientOrderId);
  }

  /** Orders in memory (live and retained terminal ones), oldest first. */
  public Collection<ManagedOrder> orders() {
    return Collections.unmodifiableCollection(orders.values());
  }

  /** Open orders, counted incrementally. */
  public OpenExposure exposure() {
    return exposure;
  }

  public long duplicateFills() {
    return fills.duplicates();
  }

  public long anomalies() {
    return anomalies;
  }

  // ---- venue events -------------------------------------------------------------------------

  @Override
  public void onOrderAccepted(OrderAccepted e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null) {
      anomaly("ack-unknown-order", e.toString());
      return;
    }
    if (o.exchangeOrderId == null) {
      o.exchangeOrderId = e.exchangeOrderId();
    }
    if (o.ackNanos == 0) {
      o.ackNanos = e.timeNanos();
    }
    move(o, OrderEventType.ACK);
  }

  @Override
  public void onOrderRejected(OrderRejected e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null) {
      anomaly("reject-unknown-order", e.toString());
      return;
    }
    rejectWith(o, e.code(), e.detail() == null ? e.venueCode() : e.detail());
  }

  @Override
  public void onOrderCanceled(OrderCanceled e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null) {
      return; // e.g. a cancel-all listing an order we already forgot
    }
    if (o.exchangeOrderId == null) {
      o.exchangeOrderId = e.exchangeOrderId();
    }
    move(o, OrderEventType.CANCELED);
  }

  @Override
  public void onOrderExpired(OrderExpired e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o != null) {
      move(o, OrderEventType.EXPIRE);
    }
  }

  @Override
  public void onCancelRejected(CancelRejected e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null) {
      return;
    }
    move(o, OrderEventType.CANCEL_REJECT);
    if (e.code() == RejectCode.UNKNOWN_ORDER && !o.status.isTerminal()) {
      gateway.query(o); // most likely filled or canceled meanwhile: find out
    }
  }

  @Override
  public void onFillReport(FillReport e) {
    fills.onFillReport(e);
  }

  @Override
  public void onOrderStatusReport(OrderStatusReport r) {
    reconciler.onStatusReport(r);
  }

  @Override
  public void onOpenOrders(OpenOrders e) {
    reconciler.onOpenOrders(e);
  }

  @Override
  public void onSubmitUnknown(SubmitUnknown e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null) {
      anomaly("unknown-for-unknown-order", e.toString());
      return;
    }
    o.reasonDetail = e.cause();
    markUnknown(o);
  }

  @Override
  public void onOrderNotFound(OrderNotFound e) {
    ManagedOrder o = orders.get(e.clientOrderId());
    if (o == null || redelivery.notFound(o, e.venue()) || o.status != OrderStatus.UNKNOWN) {
      return; // SUBMITTED: the venue may not have processed it yet; the ack or timeout decides
    }
    if (o.queryAttempts >= config.notFoundQueries()) {
      rejectWith(
          o, RejectCode.NOT_FOUND_AT_VENUE, "not found after " + o.queryAttempts + " queries");
    }
  }

  // ---- timers -------------------------------------------------------------------------------

  /** Runs time-based work: ack and cancel timeouts, queries, reconciliation, retention. */
  public void onTimer(long now) {
    timers.onTimer(now);
  }

  // ---- shared mechanics (package-private for the reconciler) --------------------------------

  void markUnknown(ManagedOrder o) {
    OrderStatus before = o.status;
    move(o, OrderEventType.AMBIGUOUS);
    if (o.status == OrderStatus.UNKNOWN && before != OrderStatus.UNKNOWN) {
      o.queryAttempts = 0;
      o.nextQueryNanos = clock.nanos();
      timers.becameUnknown(o, clock.nanos());
    }
  }

  void rejectWith(ManagedOrder o, RejectCode code, String detail) {
    if (OrderTransitions.cell(o.status, OrderEventType.REJECT).kind()
        == OrderTransitions.Kind.MOVE) {
      o.reason = code;
      o.reasonDetail = detail;
    }
    move(o, OrderEventType.REJECT);
  }

  /** Applies the table; fires a change event and keeps exposure and retention in step. */
  boolean move(ManagedOrder o, OrderEventType event) {
    OrderTransitions.Cell cell = OrderTransitions.cell(o.status, event);
    if (cell.kind() == OrderTransitions.Kind.ILLEGAL) {
      anomaly("illegal-transition", o.status + " + " + event + " for " + o.clientOrderId());
      return false;
    }
    OrderStatus next = OrderTransitions.next(o.status, event, o.filledUnits > 0);
    if (next == o.status) {
      return true;
    }
    OrderStatus previous = o.status;
    boolean wasOpen = counts(o, previous);
    long oldRemaining = o.remainingUnits();
    o.status = next;
    o.updatedNanos = clock.nanos();
    if (next.isTerminal()) {
      o.terminalNanos = o.updatedNanos;
      timers.terminal(o);
    }
    exposure.update(o, wasOpen, oldRemaining, counts(o, next), o.remainingUnits());
    listener.onOrderChanged(o, previous);
    return true;
  }

  OrderListener listener() {
    return listener;
  }

  void anomaly(String kind, String detail) {
    anomalies++;
    listener.onAnomaly(kind, detail);
  }

  void query(ManagedOrder o) {
    gateway.query(o);
  }

  long now() {
    return clock.nanos();
  }

  OrderManagerConfig config() {
    return config;
  }
}
