package io.tradeserver.event;

import io.tradeserver.model.Balance;
import java.util.List;

/**
 * Asset balances. {@code complete} is true for a full account snapshot (assets absent are zero) and
 * false for an update of the listed assets only.
 */
public record Balances(String venue, List<Balance> balances, boolean complete, long timeNanos)
    implements VenueEvent {
  public Balances {
    balances = List.copyOf(balances);
  }

  @Override
  public void accept(VenueEventHandler handler) {
    handler.onBalances(this);
  }
}
