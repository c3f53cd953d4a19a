package io.tradeserver.model;

import java.util.Objects;

/**
 * A sized, routed, risk-checked order ready for a venue. Immutable; what an adapter sends.
 *
 * @param clientOrderId unique id, valid under every venue's rules (at most 18 alphanumerics)
 * @param instrument the instrument with its venue rules and native symbol
 * @param side buy or sell
 * @param type order type
 * @param timeInForce GTC, IOC or FOK
 * @param price limit price at the instrument's scale; null for MARKET
 * @param quantity base quantity at the instrument's scale; null when {@code quoteQuantity} is set
 * @param quoteQuantity quote amount for a notional MARKET order; otherwise null
 * @param protectionPrice worst acceptable price for a MARKET order where the venue supports one, or
 *     null
 * @param signalId the originating signal, or null for orders not from a signal
 * @param strategy originating strategy
 * @param createdNanos clock time the engine created it
 */
public record OrderRequest(
    String clientOrderId,
    Instrument instrument,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    Price price,
    Quantity quantity,
    Quantity quoteQuantity,
    Price protectionPrice,
    String signalId,
    String strategy,
    long createdNanos) {

  public OrderRequest {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeInForce, "timeInForce");
    if (type != OrderType.MARKET && price == null) {
      throw new IllegalArgumentException(type + " order needs a price");
    }
    if ((quantity == null) == (quoteQuantity == null)) {
      throw new IllegalArgumentException("exactly one of quantity and quoteQuantity is required");
    }
    if (quoteQuantity != null && type != OrderType.MARKET) {
      throw new IllegalArgumentException("quoteQuantity is for MARKET orders only");
    }
  }

  public InstrumentId instrumentId() {
    return instrument.id();
  }

  /** A limit (or post-only) order; convenient for tests and embedding code. */
  public static OrderRequest limit(
      String clientOrderId, Instrument instrument, Side side, Price price, Quantity quantity) {
    return new OrderRequest(
        clientOrderId,
        instrument,
        side,
        OrderType.LIMIT,
        TimeInForce.GTC,
        price,
        quantity,
        null,
        null,
        null,
        "default",
        0);
  }

  /** A market order for a base quantity. */
  public static OrderRequest market(
      String clientOrderId, Instrument instrument, Side side, Quantity quantity) {
    return new OrderRequest(
        clientOrderId,
        instrument,
        side,
        OrderType.MARKET,
        TimeInForce.GTC,
        null,
        quantity,
        null,
        null,
        null,
        "default",
        0);
  }

  public OrderRequest withTimeInForce(TimeInForce tif) {
    return new OrderRequest(
        clientOrderId,
        instrument,
        side,
        type,
        tif,
        price,
        quantity,
        quoteQuantity,
        protectionPrice,
        signalId,
        strategy,
        createdNanos);
  }
}
