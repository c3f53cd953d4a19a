package io.tradeserver.order;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The order manager's live record of one order. Mutable, owned by the engine thread: other code
 * reads it there and publishes {@link #snapshot()}s, never the object itself.
 */
public final class ManagedOrder {
  private final OrderRequest request;
  private final long quantityUnits; // 0 for quote-sized market orders
  OrderStatus status = OrderStatus.PENDING_NEW;
  String exchangeOrderId;
  long filledUnits;
  long filledCost; // at the instrument's notional scale
  long syntheticUnits; // filled per venue report, awaiting trade-level fills
  // Most orders see one trade: it needs no array (50k finished orders are retained).
  private String firstTradeId;
  private String[] moreTradeIds;
  private int tradeCount;
  RejectCode reason;
  String reasonDetail;
  String route;
  long sentNanos;
  long ackNanos;
  long updatedNanos;
  long terminalNanos;
  long cancelNanos;
  long reconcileTarget; // venue-reported filled units not yet matched by trades
  Price reconcilePrice;
  long reconcileDueNanos;
  int queryAttempts;
  long nextQueryNanos;
  boolean adopted;
  boolean checking; // PENDING_NEW and looked up at the venue before it may be sent
  boolean lookedUp; // was checked: counts as open from PENDING_NEW on

  ManagedOrder(OrderRequest request, long nowNanos) {
    this.request = request;
    this.quantityUnits =
        request.quantity() == null
            ? 0
            : request
                .quantity()
                .withScale(request.instrument().quantityScale(), RoundingMode.DOWN)
                .units(); // exact when risk let it through; a denied off-step one rounds down
    this.updatedNanos = nowNanos;
  }

  public OrderRequest request() {
    return request;
  }

  public String clientOrderId() {
    return request.clientOrderId();
  }

  public Instrument instrument() {
    return request.instrument();
  }

  public InstrumentId instrumentId() {
    return request.instrument().id();
  }

  public String venue() {
    return request.instrument().exchange();
  }

  public Side side() {
    return request.side();
  }

  public OrderStatus status() {
    return status;
  }

  public String exchangeOrderId() {
    return exchangeOrderId;
  }

  /**
   * Ordered base quantity in units at the instrument's quantity scale (0 for quote-sized orders).
   */
  public long quantityUnits() {
    return quantityUnits;
  }

  /** Filled base quantity in units at the instrument's quantity scale. */
  public long filledUnits() {
    return filledUnits;
  }

  /** Quantity still open (0 when done or quote-sized). */
  public long remainingUnits() {
    return status.isTerminal() ? 0 : Math.max(0, quantityUnits - filledUnits);
  }

  public long sentNanos() {
    return sentNanos;
  }

  public long ackNanos() {
    return ackNanos;
  }

  public boolean adopted() {
    return adopted;
  }

  public RejectCode reason() {
    return reason;
  }

  public String reasonDetail() {
    return reasonDetail;
  }

  public String route() {
    return route;
  }

  /** True once this trade id has been applied to the order. */
  boolean hasTrade(String tradeId) {
    for (int i = 0; i < tradeCount; i++) {
      if (tradeId(i).equals(tradeId)) {
        return true;
      }
    }
    return false;
  }

  void addTrade(String tradeId) {
    if (tradeCount == 0) {
      firstTradeId = tradeId;
    } else {
      if (moreTradeIds == null) {
        moreTradeIds = new String[2];
      } else if (tradeCount - 1 == moreTradeIds.length) {
        moreTradeIds = Arrays.copyOf(moreTradeIds, moreTradeIds.length * 2);
      }
      moreTradeIds[tradeCount - 1] = tradeId;
    }
    tradeCount++;
  }

  int tradeCount() {
    return tradeCount;
  }

  String tradeId(int i) {
    return i == 0 ? firstTradeId : moreTradeIds[i - 1];
  }

  /** Adds filled quantity and its cost. */
  void addFill(long units, Price price) {
    Instrument in = request.instrument();
    filledUnits = Math.addExact(filledUnits, units);
    filledCost =
        Math.addExact(
            filledCost,
            Decimals.multiply(
                price.units(),
                price.scale(),
                units,
                in.quantityScale(),
                in.notionalScale(),
                RoundingMode.HALF_EVEN));
  }

  /** Volume-weighted fill price at the price scale + 4, or null when nothing filled. */
  public Price averagePrice() {
    if (filledUnits == 0) {
      return null;
    }
    Instrument in = request.instrument();
    int scale = Math.min(in.priceScale() + 4, Decimals.MAX_SCALE);
    // cost (ns) / qty (qs) = price at ns - qs; bring to `scale`.
    int shift = scale - (in.notionalScale() - in.quantityScale());
    long units =
        shift >= 0
            ? Decimals.multiplyDivide(
                filledCost, Decimals.pow10(shift), filledUnits, RoundingMode.HALF_EVEN)
            : Decimals.divide(
                filledCost,
                Math.multiplyExact(filledUnits, Decimals.pow10(-shift)),
                RoundingMode.HALF_EVEN);
    return Price.of(units, scale);
  }

  /** An immutable snapshot for events. */
  public Order snapshot() {
    Instrument in = request.instrument();
    return new Order(
        request.clientOrderId(),
        exchangeOrderId,
        request.signalId(),
        request.strategy(),
        in.id(),
        request.side(),
        request.type(),
        request.timeInForce(),
        request.price(),
        request.quantity(),
        request.quoteQuantity(),
        Quantity.of(filledUnits, in.quantityScale()),
        averagePrice(),
        status,
        reason,
        reasonDetail,
        route,
        request.createdNanos(),
        updatedNanos);
  }

  @Override
  public String toString() {
    return "ManagedOrder["
        + request.clientOrderId()
        + " "
        + instrumentId()
        + " "
        + request.side()
        + " "
        + status
        + " filled="
        + filledUnits
        + "/"
        + quantityUnits
        + "]";
  }
}
