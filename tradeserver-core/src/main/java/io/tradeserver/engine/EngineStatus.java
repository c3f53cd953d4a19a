package io.tradeserver.engine;

import io.tradeserver.model.Position;
import io.tradeserver.position.PositionState;
import java.util.ArrayList;
import java.util.List;

/** Builds the engine's {@link StatusSnapshot}: a copy of its state, on the engine thread. */
final class EngineStatus {
  private EngineStatus() {}

  static StatusSnapshot of(Engine e, io.tradeserver.time.Clock clock) {
    List<VenueStatus> vs = new ArrayList<>();
    int open = 0;
    for (VenueState v : e.venues.values()) {
      int venueOpen = e.orders.exposure().openOrders(v.id);
      open += venueOpen;
      vs.add(
          new VenueStatus(
              v.id,
              e.risk.isVenueDisabled(v.id),
              v.instruments.size(),
              v.connections,
              v.rateLimitedUntilNanos,
              v.lastAlert,
              venueOpen,
              v.ready(),
              v.paper));
    }
    List<Position> ps = new ArrayList<>();
    for (PositionState p : e.positions.all()) {
      ps.add(p.snapshot());
    }
    EngineStats stats = e.stats;
    return new StatusSnapshot(
        clock.nanos(),
        e.risk.state(),
        e.risk.stateCause(),
        stats.signals,
        stats.signalsRejected,
        stats.orders,
        stats.ordersSent,
        stats.fills,
        stats.rejectsByReason(),
        open,
        vs,
        ps,
        e.positions.netPnlByQuote(),
        LatencySummary.of(stats.signalToSubmit),
        LatencySummary.of(stats.submitToAck),
        e.signalBacklog(),
        e.orders.anomalies() + e.internalErrors(),
        stats.routedByVenue(),
        stats.arbitrageOpportunities,
        stats.arbitragePairs());
  }
}
