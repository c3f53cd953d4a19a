package io.tradeserver.order;

/**
 * How the order manager reaches venues: the engine implements it over its {@code ExchangeClient}s.
 * Calls are made on the engine thread and must return at once.
 */
public interface OrderGateway {
  /** Sends a new order. Throwing means it was not sent. */
  void submit(ManagedOrder order);

  void cancel(ManagedOrder order);

  void query(ManagedOrder order);

  /** Asks the venue for its open orders, to reconcile. */
  void requestOpenOrders(String venue);
}
