/**
 * Pre-trade risk: {@link io.tradeserver.risk.RiskEngine} checks every order on the engine thread
 * and answers with a {@link io.tradeserver.risk.RiskResult} (a stable code and a detail on denial,
 * published as a {@link io.tradeserver.risk.RiskEvent}); {@link
 * io.tradeserver.risk.CircuitBreakers} trip the {@link io.tradeserver.risk.TradingState}; {@link
 * io.tradeserver.risk.Sizer} turns notional and sizing rules into quantities; {@link
 * io.tradeserver.risk.RiskConfig} holds the limits, validated as a whole. See README.md in this
 * package for every check, breaker and the kill switch.
 */
package io.tradeserver.risk;
