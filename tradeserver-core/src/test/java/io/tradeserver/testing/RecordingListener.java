package io.tradeserver.testing;

import io.tradeserver.engine.ArbitrageOpportunity;
import io.tradeserver.engine.ArbitrageOutcome;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import io.tradeserver.risk.RiskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records everything a TradeServer publishes, in order. Thread-safe. */
public final class RecordingListener implements TradeServerListener {
  private final List<Object> events = new ArrayList<>();

  @Override
  public synchronized void onOrder(Order order) {
    events.add(order);
  }

  @Override
  public synchronized void onFill(Fill fill, Order order, boolean reconciled) {
    events.add(fill);
  }

  @Override
  public synchronized void onPosition(Position position) {
    events.add(position);
  }

  @Override
  public synchronized void onRiskEvent(RiskEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void onSignalRejected(SignalRejected rejected) {
    events.add(rejected);
  }

  @Override
  public synchronized void onVenueEvent(VenueEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void onArbitrage(ArbitrageOpportunity opportunity) {
    events.add(opportunity);
  }

  @Override
  public synchronized void onArbitrageOutcome(ArbitrageOutcome outcome) {
    events.add(outcome);
  }

  public synchronized List<Object> all() {
    return new ArrayList<>(events);
  }

  public synchronized <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** Order updates for one client order id, as "STATUS" strings in order. */
  public synchronized List<String> statuses(String clientOrderId) {
    return of(Order.class).stream()
        .filter(o -> o.clientOrderId().equals(clientOrderId))
        .map(o -> o.status().name())
        .collect(Collectors.toList());
  }

  public synchronized void clear() {
    events.clear();
  }
}
