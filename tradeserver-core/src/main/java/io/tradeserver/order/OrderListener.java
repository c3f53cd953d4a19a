package io.tradeserver.order;

import io.tradeserver.model.Fill;
import io.tradeserver.model.OrderStatus;

/** What the order manager reports, on the engine thread. Implementations must not throw. */
public interface OrderListener {
  /** {@code order} changed state from {@code previous} (null when just created). */
  void onOrderChanged(ManagedOrder order, OrderStatus previous);

  /**
   * A fill was applied. {@code order} is null for a fill of an order no longer (or never) tracked;
   * {@code reconciled} is true for quantity inferred from a venue status report without a trade.
   */
  void onFill(ManagedOrder order, Fill fill, boolean reconciled);

  /** An impossible or inconsistent venue event was ignored: counted, never fatal. */
  default void onAnomaly(String kind, String detail) {}
}
