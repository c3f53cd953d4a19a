package io.tradeserver.order;

import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.RejectCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders of redelivered signals, which an instance that crashed may already have sent under the
 * same client order id: each stays PENDING_NEW (counted as open) and is looked up at the venue,
 * every {@code queryInterval}, before it may be sent. A status report or fill moves it out of
 * PENDING_NEW and ends the check; {@code OrderNotFound} sends it; {@code notFoundQueries}
 * unanswered lookups reject it ({@code VENUE_UNAVAILABLE}). Engine thread only.
 */
final class RedeliveryCheck {
  static final String CHECKING = "redelivered: looking for it at the venue before sending";

  private final OrderManager om;
  private final List<ManagedOrder> checking = new ArrayList<>();

  RedeliveryCheck(OrderManager om) {
    this.om = om;
  }

  /** Starts looking up a registered PENDING_NEW order, the first query at once. */
  void start(ManagedOrder o, long now) {
    o.checking = true;
    o.lookedUp = true;
    checking.add(o);
    o.nextQueryNanos = now;
    onTimer(now);
  }

  /**
   * The venue does not have {@code o}: sent now if it is being checked. Redeliveries come after the
   * consumer's ack wait, long after any earlier copy's request reached the venue, so one answer
   * settles it. Returns whether the answer was for a check.
   */
  boolean notFound(ManagedOrder o) {
    if (!o.checking || o.status != OrderStatus.PENDING_NEW) {
      return false;
    }
    o.checking = false;
    o.reasonDetail = "redelivered: not found at the venue, sent";
    om.send(o);
    return true;
  }

  /** Queries checked orders that are due; refuses those out of lookups. */
  void onTimer(long now) {
    for (int i = checking.size() - 1; i >= 0; i--) {
      ManagedOrder o = checking.get(i);
      if (!o.checking || o.status != OrderStatus.PENDING_NEW) {
        o.checking = false;
        checking.remove(i);
      } else if (now >= o.nextQueryNanos) {
        if (o.queryAttempts >= om.config().notFoundQueries()) {
          checking.remove(i);
          o.checking = false;
          om.rejectWith(
              o,
              RejectCode.VENUE_UNAVAILABLE,
              "redelivered: no answer to " + o.queryAttempts + " lookups at the venue; not sent");
        } else {
          o.queryAttempts++;
          o.nextQueryNanos = now + om.config().queryInterval().toNanos();
          om.query(o);
        }
      }
    }
  }
}
