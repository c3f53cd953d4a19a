package io.tradeserver.engine;

import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to listeners; a throwing listener is logged (at most once a second) and skipped.
 */
final class Publisher implements TradeServerListener {
  private static final Logger log = LoggerFactory.getLogger(Publisher.class);
  private final List<TradeServerListener> listeners;
  private final io.tradeserver.internal.LogThrottle lastLogNanosThrottle =
      io.tradeserver.internal.LogThrottle.perSecond();
  private long failures;

  Publisher(List<TradeServerListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<TradeServerListener> call) {
    for (int i = 0; i < listeners.size(); i++) {
      TradeServerListener l = listeners.get(i);
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        failures++;
        if (lastLogNanosThrottle.allow()) {
          log.error("listener {} failed ({} failures so far)", l.getClass().getName(), failures, e);
        }
      }
    }
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  @Override
  public void onOrder(Order order) {
    each(l -> l.onOrder(order));
  }

  @Override
  public void onFill(Fill fill, Order order, boolean reconciled) {
    each(l -> l.onFill(fill, order, reconciled));
  }

  @Override
  public void onPosition(Position position) {
    each(l -> l.onPosition(position));
  }

  @Override
  public void onRiskEvent(RiskEvent event) {
    each(l -> l.onRiskEvent(event));
  }

  @Override
  public void onSignalRejected(SignalRejected rejected) {
    each(l -> l.onSignalRejected(rejected));
  }

  @Override
  public void onVenueEvent(VenueEvent event) {
    each(l -> l.onVenueEvent(event));
  }

  @Override
  public void onArbitrage(ArbitrageOpportunity opportunity) {
    each(l -> l.onArbitrage(opportunity));
  }

  @Override
  public void onArbitrageOutcome(ArbitrageOutcome outcome) {
    each(l -> l.onArbitrageOutcome(outcome));
  }
}
