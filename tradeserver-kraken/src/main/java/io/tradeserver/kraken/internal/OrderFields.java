package io.tradeserver.kraken.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;

/**
 * What Kraken is asked for an order, decided once for both the REST AddOrder form and the WebSocket
 * v2 {@code add_order} params, so the two paths cannot map an order differently. A MARKET order
 * with a protection price becomes an IOC limit at that price; a quote-sized market buy is {@code
 * viqc} (REST) / {@code cash_order_qty} (WebSocket); GTC is Kraken's default and is not sent.
 *
 * @param limit limit order (else market)
 * @param buy side
 * @param quantityUnits base quantity, or quote amount when {@code quoteSized}, in units
 * @param quantityScale scale of {@code quantityUnits}: the instrument's quantity scale for a base
 *     quantity, the amount's own scale for a quote amount
 * @param quoteSized the quantity is in quote currency
 * @param priceUnits limit price in units (only when {@code limit})
 * @param priceScale the instrument's price scale, or the price's own when finer
 * @param ioc immediate-or-cancel
 * @param postOnly post-only ({@code LIMIT_MAKER})
 */
record OrderFields(
    boolean limit,
    boolean buy,
    long quantityUnits,
    int quantityScale,
    boolean quoteSized,
    long priceUnits,
    int priceScale,
    boolean ioc,
    boolean postOnly) {

  static OrderFields of(OrderRequest o, Market m) {
    Instrument ins = m.instrument();
    boolean protectedMarket =
        o.type() == OrderType.MARKET && o.protectionPrice() != null && o.quantity() != null;
    boolean limit = o.type() != OrderType.MARKET || protectedMarket;
    boolean quoteSized = o.quantity() == null;
    Quantity q = quoteSized ? o.quoteQuantity() : o.quantity();
    int qScale = quoteSized ? q.scale() : ins.quantityScale();
    long priceUnits = 0;
    int priceScale = 0;
    if (limit) {
      Price p = protectedMarket ? o.protectionPrice() : o.price();
      priceScale = Math.max(ins.priceScale(), p.scale());
      priceUnits = p.unitsAt(priceScale);
    }
    return new OrderFields(
        limit,
        o.side() == Side.BUY,
        q.unitsAt(qScale),
        qScale,
        quoteSized,
        priceUnits,
        priceScale,
        o.timeInForce() == TimeInForce.IOC || protectedMarket,
        o.type() == OrderType.LIMIT_MAKER);
  }
}
