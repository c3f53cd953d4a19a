package io.tradeserver.engine;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.position.PositionState;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.risk.RiskResult;
import io.tradeserver.risk.TradingState;
import io.tradeserver.spi.Capability;
import io.tradeserver.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator controls, run on the engine thread: halt, reduce, resume and the kill switch. The kill
 * switch halts, cancels every open order we know (UNKNOWN ones included) and asks every venue to
 * cancel all it has, optionally flattens positions, and latches until an explicit resume. The time
 * from trigger until the last cancel was handed to the venue clients is measured and logged.
 */
final class Controls {
  private static final Logger log = LoggerFactory.getLogger(Controls.class);
  private final Engine engine;
  private final Clock clock;

  Controls(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  ControlResult halt(String cause) {
    engine.risk.setState(TradingState.HALTED, cause);
    return result("halted: " + cause);
  }

  ControlResult reduce(String cause) {
    engine.risk.setState(TradingState.REDUCING, cause);
    return result("reducing: " + cause);
  }

  ControlResult resume(String cause) {
    engine.breakers.reset();
    engine.risk.setState(TradingState.ACTIVE, cause);
    return result("resumed: " + cause);
  }

  ControlResult killSwitch(String cause, boolean flatten) {
    long start = clock.nanos();
    engine.risk.setState(TradingState.HALTED, "kill switch: " + cause, RiskEvent.Kind.KILL_SWITCH);
    int ours = engine.orders.cancelAll(null);
    int venues = 0;
    for (VenueState v : engine.venues.values()) {
      if (v.capabilities.contains(Capability.CANCEL_ALL)) {
        v.client.cancelAll(null);
        venues++;
      }
    }
    long sentMicros = (clock.nanos() - start) / 1_000;
    int flattened = flatten ? flatten() : 0;
    String detail =
        "kill switch: "
            + ours
            + " order cancels and "
            + venues
            + " venue cancel-alls sent in "
            + sentMicros
            + " µs"
            + (flatten ? ", " + flattened + " positions flattening" : "");
    log.warn("{} (cause: {})", detail, cause);
    return result(detail);
  }

  /** Market orders closing every position, checked as position-reducing while halted. */
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
              .roundDownToStep(in.stepSize());
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
      RiskResult r = engine.risk.checkReducing(req, "kill-switch");
      if (r.accepted()) {
        VenueState v = engine.venues.get(in.exchange());
        engine.orders.submit(SignalProcessor.forVenue(r.order(), v), "kill switch flatten", null);
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
