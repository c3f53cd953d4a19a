package io.tradeserver.position;

import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Total asset holdings (free + locked) per venue: the venue's last report, moved by our fills until
 * the next report. Risk derives what is available for a new order as this total minus what our own
 * open orders reserve, which does not depend on how a venue splits free and locked. A venue update
 * replaces the assets it lists, so a transient double count (a fill applied after an update that
 * already included it) heals with the next update. Engine thread only.
 */
public final class BalanceLedger {
  private final Map<String, Map<String, Quantity>> venues = new HashMap<>();

  /** Applies a venue report: a complete snapshot replaces, an update overwrites listed assets. */
  public void onBalances(String venue, List<Balance> balances, boolean complete) {
    Map<String, Quantity> m = venues.computeIfAbsent(venue, k -> new HashMap<>());
    if (complete) {
      m.clear();
    }
    for (Balance b : balances) {
      m.put(b.asset(), b.total());
    }
  }

  /**
   * Moves holdings by a fill: base in and quote out for a buy (the reverse for a sell), fee out.
   */
  public void onFill(Fill f, Instrument in) {
    Map<String, Quantity> m = venues.computeIfAbsent(in.exchange(), k -> new HashMap<>());
    Quantity notional = f.price().times(f.quantity(), in.notionalScale(), RoundingMode.HALF_EVEN);
    boolean buy = f.side() == Side.BUY;
    move(m, in.id().base(), f.quantity(), buy);
    move(m, in.id().quote(), notional, !buy);
    if (f.feeAsset() != null && !f.fee().isZero()) {
      move(m, f.feeAsset(), f.fee(), false);
    }
  }

  // Adds or subtracts in place of merging a negated copy: one Quantity per asset moved, not two.
  private static void move(Map<String, Quantity> m, String asset, Quantity q, boolean in) {
    Quantity old = m.get(asset);
    m.put(asset, old == null ? (in ? q : q.negate()) : in ? old.plus(q) : old.minus(q));
  }

  /** Total holding of an asset on a venue, or null when the venue never reported balances. */
  public Quantity total(String venue, String asset) {
    Map<String, Quantity> m = venues.get(venue);
    if (m == null) {
      return null;
    }
    Quantity q = m.get(asset);
    return q == null ? Quantity.zero(0) : q;
  }

  /** True once the venue has reported balances. */
  public boolean known(String venue) {
    return venues.containsKey(venue);
  }

  public Map<String, Quantity> holdings(String venue) {
    return Collections.unmodifiableMap(venues.getOrDefault(venue, Map.of()));
  }
}
