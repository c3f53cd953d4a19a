package io.tradeserver.model;

/**
 * An immutable snapshot of an order's state, as published on every state change.
 *
 * @param clientOrderId our id
 * @param exchangeOrderId the venue's id once known, else null
 * @param signalId originating signal, or null
 * @param strategy originating strategy
 * @param instrumentId where it trades
 * @param side buy or sell
 * @param type order type
 * @param timeInForce time in force
 * @param price limit price, or null for market orders
 * @param quantity ordered base quantity, or null for a notional market order
 * @param quoteQuantity ordered quote amount for a notional market order, else null
 * @param filledQuantity executed so far
 * @param averagePrice volume-weighted fill price, or null when nothing filled
 * @param status lifecycle state
 * @param reason why it was rejected, canceled or adjusted, or null
 * @param reasonDetail detail for {@code reason}, or what risk adjusted (rounding, protection
 *     price), or null
 * @param route how the venue was chosen when the signal let the router pick, else null
 * @param createdNanos when the engine created it
 * @param updatedNanos when it last changed
 */
public record Order(
    String clientOrderId,
    String exchangeOrderId,
    String signalId,
    String strategy,
    InstrumentId instrumentId,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    Price price,
    Quantity quantity,
    Quantity quoteQuantity,
    Quantity filledQuantity,
    Price averagePrice,
    OrderStatus status,
    RejectCode reason,
    String reasonDetail,
    String route,
    long createdNanos,
    long updatedNanos) {}
