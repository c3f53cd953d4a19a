package io.tradeserver.order;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders of redelivered signals, which an instance that crashed may already have sent under the
 * same client order id: each stays PENDING_NEW (counted as open) and is looked up at the venue,
 * every {@code queryInterval}, before it may be sent. A status report or fill moves it out of
 * PENDING_NEW and ends the check; {@code OrderNotFound} sends it; {@code notFoundQueries}
 * unanswered lookups reject it ({@code VENUE_UNAVAILABLE}).
 *
 * <p>A routed signal may have been routed elsewhere by the instance that crashed: its order is also
 * looked up, under the same id, on every other venue it could have gone to (the <em>elsewhere</em>
 * copies, never registered). It is sent only when every one of those venues has said it does not
 * have it; found on another venue, the order is tracked there instead. Engine thread only.
 */
final class RedeliveryCheck {
  static final String CHECKING = "redelivered: looking for it at the venue before sending";

  /** One checked order, the copies of it on the other venues, and who said "not here". */
  private static final class Lookup {
    final ManagedOrder order;
    final List<ManagedOrder> elsewhere;
    final Set<String> notFoundAt = new HashSet<>();

    Lookup(ManagedOrder order, List<ManagedOrder> elsewhere) {
      this.order = order;
      this.elsewhere = elsewhere;
    }

    boolean everyVenueAnswered() {
      if (!notFoundAt.contains(order.venue())) {
        return false;
      }
      for (ManagedOrder e : elsewhere) {
        if (!notFoundAt.contains(e.venue())) {
          return false;
        }
      }
      return true;
    }

    ManagedOrder copyOn(String venue) {
      for (ManagedOrder e : elsewhere) {
        if (e.venue().equals(venue)) {
          return e;
        }
      }
      return null;
    }
  }

  private final OrderManager om;
  private final List<Lookup> checking = new ArrayList<>();

  RedeliveryCheck(OrderManager om) {
    this.om = om;
  }

  /**
   * Starts looking up a registered PENDING_NEW order, the first queries at once.
   *
   * @param elsewhere the same order (same client order id) on each other venue it may have been
   *     routed to; empty when the signal named its venue
   */
  void start(ManagedOrder o, List<OrderRequest> elsewhere, long now) {
    o.checking = true;
    o.lookedUp = true;
    List<ManagedOrder> copies = new ArrayList<>(elsewhere.size());
    for (OrderRequest r : elsewhere) {
      copies.add(new ManagedOrder(r, now));
    }
    checking.add(new Lookup(o, copies));
    o.nextQueryNanos = now;
    onTimer(now);
  }

  /**
   * {@code venue} does not have {@code o}: once no venue it may be on has it, it is sent.
   * Redeliveries come after the consumer's ack wait, long after any earlier copy's request reached
   * the venue, so one answer per venue settles it. Returns whether the answer was for a check.
   */
  boolean notFound(ManagedOrder o, String venue) {
    Lookup l = lookup(o);
    if (l == null) {
      return false;
    }
    l.notFoundAt.add(venue);
    if (l.everyVenueAnswered()) {
      end(l);
      o.reasonDetail =
          l.elsewhere.isEmpty()
              ? "redelivered: not found at the venue, sent"
              : "redelivered: not found on any venue it may have been routed to, sent";
      om.send(o);
    }
    return true;
  }

  /**
   * {@code venue}, another than the one {@code o} was routed to this time, reports having the order
   * (a status report or a fill): it is tracked there from now on, never sent. Returns the order now
   * registered under the id, or null when {@code venue} is not one it was looked up on.
   *
   * @param quantity, price what the venue reports for it, when it does (they win over this
   *     instance's sizing, which may differ from the earlier instance's)
   */
  ManagedOrder foundElsewhere(ManagedOrder o, String venue, Quantity quantity, Price price) {
    Lookup l = lookup(o);
    ManagedOrder copy = l == null ? null : l.copyOn(venue);
    if (copy == null) {
      om.anomaly("report-from-other-venue", o.clientOrderId() + " reported by " + venue);
      return null;
    }
    end(l);
    OrderRequest r = copy.request();
    if (quantity != null) {
      r =
          new OrderRequest(
              r.clientOrderId(),
              r.instrument(),
              r.side(),
              r.type(),
              r.timeInForce(),
              price != null ? price : r.price(),
              quantity,
              null,
              r.protectionPrice(),
              r.signalId(),
              r.strategy(),
              r.createdNanos());
    }
    return trackElsewhere(o, new ManagedOrder(r, om.now()));
  }

  /**
   * {@code found}, the copy of {@code o} on the venue that has it, replaces it under the same id
   * (counted as open there instead) and is announced.
   */
  private ManagedOrder trackElsewhere(ManagedOrder o, ManagedOrder found) {
    OpenExposure exposure = om.exposure();
    exposure.update(o, OrderManager.counts(o, o.status), o.remainingUnits(), false, 0);
    found.lookedUp = true;
    found.route = o.route;
    found.reasonDetail =
        "redelivered: found on " + found.venue() + ", where an earlier instance sent it; not sent";
    om.orders.put(found.clientOrderId(), found);
    exposure.update(
        found, false, 0, OrderManager.counts(found, found.status), found.remainingUnits());
    om.listener().onOrderChanged(found, null);
    return found;
  }

  /** A cancel of {@code o} while it is checked also goes to each venue it may be on. */
  void cancelElsewhere(ManagedOrder o, OrderGateway gateway) {
    Lookup l = lookup(o);
    if (l != null) {
      l.elsewhere.forEach(gateway::cancel);
    }
  }

  /** Queries checked orders that are due; refuses those out of lookups. */
  void onTimer(long now) {
    for (int i = checking.size() - 1; i >= 0; i--) {
      Lookup l = checking.get(i);
      ManagedOrder o = l.order;
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
              "redelivered: no answer to "
                  + o.queryAttempts
                  + " lookups at "
                  + (l.elsewhere.isEmpty() ? "the venue" : "every venue it may be on")
                  + "; not sent");
        } else {
          o.queryAttempts++;
          o.nextQueryNanos = now + om.config().queryInterval().toNanos();
          if (!l.notFoundAt.contains(o.venue())) {
            om.query(o);
          }
          for (ManagedOrder e : l.elsewhere) {
            if (!l.notFoundAt.contains(e.venue())) {
              om.query(e);
            }
          }
        }
      }
    }
  }

  private Lookup lookup(ManagedOrder o) {
    if (!o.checking || o.status != OrderStatus.PENDING_NEW) {
      return null;
    }
    for (Lookup l : checking) {
      if (l.order == o) {
        return l;
      }
    }
    return null;
  }

  private void end(Lookup l) {
    l.order.checking = false;
    checking.remove(l);
  }
}
