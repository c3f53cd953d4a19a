package io.tradeserver.engine;

import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;

/**
 * What TradeServer publishes. Every method does nothing by default. All are called on the engine
 * thread, in the order things happened: keep them fast, never block, never throw (a throwing
 * listener is logged and skipped, and the engine goes on).
 */
public interface TradeServerListener {
  /** An order changed state (created, sent, acknowledged, filled, canceled, rejected...). */
  default void onOrder(Order order) {}

  /**
   * A fill was applied. {@code order} is the order after the fill, or null for a fill of an order
   * TradeServer no longer tracks; {@code reconciled} marks quantity inferred from a venue report.
   */
  default void onFill(Fill fill, Order order, boolean reconciled) {}

  /** A position after a fill. */
  default void onPosition(Position position) {}

  /** A risk denial, trading-state change, breaker trip or kill switch. */
  default void onRiskEvent(RiskEvent event) {}

  /** A signal that could not be traded: malformed, invalid, duplicate, unroutable. */
  default void onSignalRejected(SignalRejected rejected) {}

  /** Venue connection changes, alerts and balance reports, for monitoring. */
  default void onVenueEvent(VenueEvent event) {}

  /**
   * A cross-venue arbitrage opportunity (only with {@code TradeServerBuilder.arbitrage(...)}); a
   * persisting one is published again at most every {@code minInterval}.
   */
  default void onArbitrage(ArbitrageOpportunity opportunity) {}

  /** How a paired arbitrage execution ended (only with auto-execution). */
  default void onArbitrageOutcome(ArbitrageOutcome outcome) {}
}
