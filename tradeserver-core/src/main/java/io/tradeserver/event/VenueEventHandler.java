package io.tradeserver.event;

/**
 * One method per {@link VenueEvent} type; every method does nothing by default so handlers override
 * only what they need. Called on whichever thread dispatches (the engine thread for the engine).
 */
public interface VenueEventHandler {
  default void onOrderAccepted(OrderAccepted e) {}

  default void onOrderRejected(OrderRejected e) {}

  default void onOrderCanceled(OrderCanceled e) {}

  default void onOrderExpired(OrderExpired e) {}

  default void onCancelRejected(CancelRejected e) {}

  default void onFillReport(FillReport e) {}

  default void onOrderStatusReport(OrderStatusReport e) {}

  default void onOrderNotFound(OrderNotFound e) {}

  default void onSubmitUnknown(SubmitUnknown e) {}

  default void onOpenOrders(OpenOrders e) {}

  default void onBalances(Balances e) {}

  default void onInstrumentsLoaded(InstrumentsLoaded e) {}

  default void onBookUpdate(BookUpdate e) {}

  default void onTradeTick(TradeTick e) {}

  default void onTicker(Ticker e) {}

  default void onConnectionEvent(ConnectionEvent e) {}

  default void onVenueAlert(VenueAlert e) {}

  default void onRequestFailed(RequestFailed e) {}
}
