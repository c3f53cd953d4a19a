package io.tradeserver.engine;

import io.tradeserver.model.Position;
import io.tradeserver.risk.TradingState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The engine's state at one moment, safe to read from any thread.
 *
 * @param timeNanos when it was taken
 * @param state trading state
 * @param stateCause why the state is what it is
 * @param signals signals received
 * @param signalsRejected signals not traded (dead letters: malformed, duplicate, unroutable)
 * @param orders orders created (including those denied by risk)
 * @param ordersSent orders sent to venues
 * @param fills fills applied
 * @param rejectsByReason denials and venue rejections by reason code
 * @param openOrders orders open at venues
 * @param venues per-venue state
 * @param positions non-flat or traded positions
 * @param netPnlByQuote realized + unrealized − fees per quote currency
 * @param signalToSubmit signal received → order handed to the venue client
 * @param submitToAck order sent → venue acknowledgement
 * @param signalInboxDepth signals waiting
 * @param anomalies impossible or inconsistent venue events ignored
 * @param routedOrdersByVenue orders the router placed (signals without a venue), per venue
 * @param arbitrageOpportunities cross-venue opportunities published
 * @param arbitragePairs paired arbitrage executions by {@link ArbitrageOutcome.Result}
 */
public record StatusSnapshot(
    long timeNanos,
    TradingState state,
    String stateCause,
    long signals,
    long signalsRejected,
    long orders,
    long ordersSent,
    long fills,
    Map<String, Long> rejectsByReason,
    int openOrders,
    List<VenueStatus> venues,
    List<Position> positions,
    Map<String, BigDecimal> netPnlByQuote,
    LatencySummary signalToSubmit,
    LatencySummary submitToAck,
    int signalInboxDepth,
    long anomalies,
    Map<String, Long> routedOrdersByVenue,
    long arbitrageOpportunities,
    Map<String, Long> arbitragePairs) {

  public StatusSnapshot {
    rejectsByReason = Map.copyOf(rejectsByReason);
    venues = List.copyOf(venues);
    positions = List.copyOf(positions);
    netPnlByQuote = Map.copyOf(netPnlByQuote);
    routedOrdersByVenue = Map.copyOf(routedOrdersByVenue);
    arbitragePairs = Map.copyOf(arbitragePairs);
  }
}
