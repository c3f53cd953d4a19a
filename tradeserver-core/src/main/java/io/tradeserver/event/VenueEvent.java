package io.tradeserver.event;

/**
 * Everything an adapter reports to the engine. Adapters create these immutable records on their
 * network threads and hand them to {@link io.tradeserver.spi.VenueListener}; the engine applies
 * them on its own thread. Consumers dispatch with {@link #accept(VenueEventHandler)}.
 */
public sealed interface VenueEvent
    permits OrderAccepted,
        OrderRejected,
        OrderCanceled,
        OrderExpired,
        CancelRejected,
        FillReport,
        OrderStatusReport,
        OrderNotFound,
        SubmitUnknown,
        OpenOrders,
        Balances,
        InstrumentsLoaded,
        BookUpdate,
        TradeTick,
        Ticker,
        ConnectionEvent,
        VenueAlert,
        RequestFailed {

  /** The venue instance id that produced the event. */
  String venue();

  /** When the event was received or produced (clock nanos). */
  long timeNanos();

  /** Calls the handler method for this event's type. */
  void accept(VenueEventHandler handler);
}
