package io.tradeserver.risk;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;

/**
 * Something risk did: a denial, a trading-state change, a breaker trip, the kill switch, a venue
 * disabled or re-enabled, limits reloaded or refused. Published on the events.risk subject.
 *
 * @param kind what happened
 * @param code the denial code for DENIAL, else null
 * @param detail numbers and cause, human readable
 * @param from previous trading state (state changes), else null
 * @param to new trading state (state changes), else null
 * @param venue the venue concerned, or null
 * @param instrumentId the instrument concerned, or null
 * @param clientOrderId the order concerned, or null
 * @param signalId the signal concerned, or null
 * @param strategy the strategy concerned, or null
 * @param timeNanos when
 */
public record RiskEvent(
    Kind kind,
    RejectCode code,
    String detail,
    TradingState from,
    TradingState to,
    String venue,
    InstrumentId instrumentId,
    String clientOrderId,
    String signalId,
    String strategy,
    long timeNanos) {

  /** Kinds of risk events. */
  public enum Kind {
    DENIAL,
    STATE_CHANGE,
    BREAKER_TRIP,
    KILL_SWITCH,
    VENUE_DISABLED,
    VENUE_ENABLED,
    LIMITS_RELOADED,
    LIMITS_REFUSED
  }

  static RiskEvent stateChange(
      Kind kind, TradingState from, TradingState to, String cause, long now) {
    return new RiskEvent(kind, null, cause, from, to, null, null, null, null, null, now);
  }
}
