package io.tradeserver.risk;

/** Receives risk events on the engine thread. Must be fast and must not throw. */
@FunctionalInterface
public interface RiskListener {
  void onRiskEvent(RiskEvent event);
}
