package io.tradeserver.engine;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.order.ManagedOrder;
import io.tradeserver.position.PositionState;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.risk.RiskResult;
import io.tradeserver.risk.TradingState;
import io.tradeserver.spi.Capability;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator controls, run on the engine thread: halt, reduce, resume and the kill switch. The kill
 * switch halts, cancels every open order we know (UNKNOWN ones included) and asks every venue to
 * cancel all it has, optionally flattens positions, and latches until an explicit resume. A circuit
 * breaker that trips to HALTED fires the kill switch too (without flattening) on the next duty
 * cycle, so resting orders are pulled. The time from trigger until the last cancel was handed to
 * the venue clients is logged and returned in {@link ControlResult#cancelsSentNanos()}.
 */
final class Controls {
  private static final Logger log = LoggerFactory.getLogger(Controls.class);

  /** Cancels go out in a stable order: oldest first, then by client order id (shorter first). */
  // A stable sort over the order manager's submission order: ties keep the order they were sent in
  // (client order ids are scrambled, so they say nothing about it).
  private static final Comparator<ManagedOrder> OLDEST_FIRST =
      Comparator.comparingLong((ManagedOrder o) -> o.request().createdNanos());

  private final Engine engine;
  private final Clock clock;

  Controls(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
    engine.risk.knownVenues(engine.venues.keySet());
    engine.risk.onReload(c -> engine.sizer.lambda(c.volatilityLambda()));
    engine.breakers.onHalt(
        (cause, at) ->
            engine.execute(
                e -> {
                  if (e.risk.latched() != TradingState.HALTED) {
                    return null; // resumed meanwhile
                  }
                  return killSwitch(cause, false, at);
                }));
  }

  /** Stops new orders; resting orders stay (use the kill switch to pull them). */
  ControlResult halt(String cause) {
    engine.risk.setState(TradingState.HALTED, cause);
    return result("halted: " + cause);
  }

  /** Lets only position-reducing orders through; refused while a HALTED trip is latched. */
  ControlResult reduce(String cause) {
    if (engine.risk.latched() == TradingState.HALTED) {
      return new ControlResult(
          false,
          engine.risk.state(),
          "refused: HALTED is latched (" + engine.risk.stateCause() + "); resume first");
    }
    engine.risk.setState(TradingState.REDUCING, cause);
    return result("reducing: " + cause);
  }

  /** Back to ACTIVE: clears the latch and re-arms every breaker. */
  ControlResult resume(String cause) {
    engine.breakers.reset();
    engine.risk.setState(TradingState.ACTIVE, cause);
    return result("resumed: " + cause);
  }

  ControlResult killSwitch(String cause, boolean flatten) {
    return killSwitch(cause, flatten, clock.nanos());
  }

  private ControlResult killSwitch(String cause, boolean flatten, long triggerNanos) {
    engine.risk.setState(TradingState.HALTED, "kill switch: " + cause, RiskEvent.Kind.KILL_SWITCH);
    List<ManagedOrder> open = new ArrayList<>();
    for (ManagedOrder o : engine.orders.orders()) {
      if (!o.status().isTerminal()) {
        open.add(o);
      }
    }
    open.sort(OLDEST_FIRST);
    int ours = 0;
    int failed = 0;
    for (ManagedOrder o : open) {
      try {
        ours += engine.orders.cancel(o.clientOrderId()) ? 1 : 0;
      } catch (RuntimeException e) { // one venue's failure must not stop the other cancels
        failed++;
        log.error("kill switch: cancel of {} failed", o.clientOrderId(), e);
      }
    }
    int venues = 0;
    for (VenueState v : engine.venues.values()) {
      if (v.capabilities.contains(Capability.CANCEL_ALL)) {
        try {
          v.client.cancelAll(null);
          venues++;
        } catch (RuntimeException e) {
          failed++;
          log.error("kill switch: cancel-all on {} failed", v.id, e);
        }
      }
    }
    long sentNanos = clock.nanos() - triggerNanos;
    int flattened = flatten ? flatten() : 0;
    String detail =
        "kill switch: "
            + ours
            + " order cancels and "
            + venues
            + " venue cancel-alls sent in "
            + sentNanos / 1_000
            + " µs"
            + (failed > 0 ? ", " + failed + " failed" : "")
            + (flatten ? ", " + flattened + " positions flattening" : "");
    log.warn("{} (cause: {})", detail, cause);
    return new ControlResult(failed == 0, engine.risk.state(), detail, sentNanos);
  }

  /** Market orders closing every position, checked by {@code RiskEngine.checkFlatten}. */
  private int flatten() {
    List<PositionState> open = new ArrayList<>();
    for (PositionState p : engine.positions.all()) {
      if (p.quantityUnits() != 0 && !engine.risk.isVenueDisabled(p.instrument().exchange())) {
        open.add(p);
      }
    }
    int sent = 0;
    for (PositionState p : open) {
      Instrument in = p.instrument();
      Side side = p.quantityUnits() > 0 ? Side.SELL : Side.BUY;
      Quantity q =
          Quantity.of(Math.abs(p.quantityUnits()), in.quantityScale())
              .roundDownToStep(in.stepSize())
              .withScale(in.quantityScale());
      if (!q.isPositive()) {
        continue;
      }
      OrderRequest req =
          new OrderRequest(
              engine.ids.next(),
              in,
              side,
              OrderType.MARKET,
              TimeInForce.IOC,
              null,
              q,
              null,
              null,
              null,
              "kill-switch",
              clock.nanos());
      RiskResult r = engine.risk.checkFlatten(req);
      if (r.accepted()) {
        VenueState v = engine.venues.get(in.exchange());
        engine.orders.submit(
            SignalProcessor.forVenue(r.order(), v), "kill switch flatten; " + r.adjustment(), null);
        sent++;
      } else {
        engine.orders.reject(req, r.denial().code(), r.denial().detail());
      }
    }
    return sent;
  }

  private ControlResult result(String detail) {
    return new ControlResult(true, engine.risk.state(), detail);
  }
}
