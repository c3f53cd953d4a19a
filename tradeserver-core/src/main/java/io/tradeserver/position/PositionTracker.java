package io.tradeserver.position;

import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions per venue and instrument, updated from fills and marked to mid prices. Engine thread
 * only; publish {@link PositionState#snapshot()}s.
 */
public final class PositionTracker {
  private final Map<InstrumentId, PositionState> positions = new HashMap<>();
  // Positions that are not flat, so exposure sums cost what is held, not what ever traded.
  private final ArrayList<PositionState> held = new ArrayList<>();

  /** Applies a fill; returns the updated position. */
  public PositionState apply(Fill fill, Instrument instrument) {
    // get-then-put: computeIfAbsent's capturing lambda was an allocation per fill.
    PositionState p = positions.get(instrument.id());
    if (p == null) {
      p = new PositionState(instrument);
      positions.put(instrument.id(), p);
    }
    boolean wasHeld = p.quantityUnits() != 0;
    p.apply(fill);
    boolean isHeld = p.quantityUnits() != 0;
    if (isHeld && !wasHeld) {
      p.slot = held.size();
      held.add(p);
    } else if (wasHeld && !isHeld) {
      PositionState last = held.remove(held.size() - 1);
      if (last != p) {
        held.set(p.slot, last);
        last.slot = p.slot;
      }
      p.slot = -1;
    }
    return p;
  }

  /** How many positions are not flat; with {@link #heldAt} iterates them without allocating. */
  public int held() {
    return held.size();
  }

  /** The {@code i}-th position that is not flat, in no particular order. */
  public PositionState heldAt(int i) {
    return held.get(i);
  }

  /** Marks an instrument's position to {@code mid}; no-op when there is no position. */
  public void mark(InstrumentId id, Price mid, long nowNanos) {
    PositionState p = positions.get(id);
    if (p != null && mid != null) {
      p.mark(mid, nowNanos);
    }
  }

  /** The position, or null when the instrument never traded. */
  public PositionState get(InstrumentId id) {
    return positions.get(id);
  }

  /** Signed quantity units of a position (0 when none). */
  public long quantityUnits(InstrumentId id) {
    PositionState p = positions.get(id);
    return p == null ? 0 : p.quantityUnits();
  }

  public Collection<PositionState> all() {
    return Collections.unmodifiableCollection(positions.values());
  }

  public Position snapshot(InstrumentId id) {
    PositionState p = positions.get(id);
    return p == null ? null : p.snapshot();
  }

  /** Net P&L (realized + unrealized − quote fees) per quote currency. */
  public Map<String, BigDecimal> netPnlByQuote() {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (PositionState p : positions.values()) {
      int ns = p.instrument().notionalScale();
      BigDecimal net =
          BigDecimal.valueOf(p.realizedUnits() + p.unrealizedUnits() - p.feeUnits(), ns);
      out.merge(p.instrument().id().quote(), net, BigDecimal::add);
    }
    return out;
  }
}
