package io.tradeserver.order;

import io.tradeserver.model.OrderStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The order manager's clocks: silence after a send becomes UNKNOWN, an unanswered cancel is
 * queried, UNKNOWN orders are queried until the venue answers, redelivered orders are looked up
 * ({@link RedeliveryCheck}), venue-reported fills are reconciled, and terminal orders are forgotten
 * after the retention window (time and count). Each queue is in time order, so a tick looks only at
 * heads. Engine thread only.
 */
final class OrderTimers {
  private final OrderManager om;
  private final ArrayDeque<ManagedOrder> awaitingAck = new ArrayDeque<>();
  private final ArrayDeque<ManagedOrder> awaitingCancel = new ArrayDeque<>();
  private final ArrayDeque<ManagedOrder> retired = new ArrayDeque<>();
  private final List<ManagedOrder> unknown = new ArrayList<>();

  OrderTimers(OrderManager om) {
    this.om = om;
  }

  void sent(ManagedOrder o) {
    awaitingAck.addLast(o);
  }

  void cancelSent(ManagedOrder o) {
    awaitingCancel.addLast(o);
  }

  void terminal(ManagedOrder o) {
    retired.addLast(o);
  }

  /** Starts querying an order whose outcome is unknown, the first query at once. */
  void becameUnknown(ManagedOrder o, long now) {
    unknown.add(o);
    queryUnknown(now);
  }

  void onTimer(long now) {
    OrderManagerConfig config = om.config();
    ManagedOrder head;
    while ((head = awaitingAck.peekFirst()) != null) {
      if (head.status != OrderStatus.SUBMITTED) {
        awaitingAck.pollFirst();
      } else if (now - head.sentNanos >= config.ackTimeout().toNanos()) {
        awaitingAck.pollFirst();
        head.reasonDetail = "no answer within " + config.ackTimeout();
        om.markUnknown(head);
      } else {
        break;
      }
    }
    while ((head = awaitingCancel.peekFirst()) != null) {
      if (head.status != OrderStatus.PENDING_CANCEL) {
        awaitingCancel.pollFirst();
      } else if (now - head.cancelNanos >= config.cancelTimeout().toNanos()) {
        awaitingCancel.pollFirst();
        head.cancelNanos = now;
        awaitingCancel.addLast(head);
        om.query(head);
      } else {
        break;
      }
    }
    queryUnknown(now);
    om.redelivery.onTimer(now);
    om.reconciler.onTimer(now);
    purge(now);
  }

  private void queryUnknown(long now) {
    for (int i = unknown.size() - 1; i >= 0; i--) {
      ManagedOrder o = unknown.get(i);
      if (o.status != OrderStatus.UNKNOWN) {
        unknown.remove(i);
      } else if (now >= o.nextQueryNanos) {
        o.queryAttempts++;
        o.nextQueryNanos = now + om.config().queryInterval().toNanos();
        om.query(o);
      }
    }
  }

  private void purge(long now) {
    long retention = om.config().retention().toNanos();
    ManagedOrder head;
    while ((head = retired.peekFirst()) != null) {
      boolean stillTerminal = head.status.isTerminal();
      boolean due =
          now - head.terminalNanos >= retention || retired.size() > om.config().maxRetained();
      if (stillTerminal && !due) {
        break;
      }
      retired.pollFirst();
      // remove(key, value) compares by identity here (ManagedOrder keeps Object's equals).
      if (stillTerminal && om.orders.remove(head.clientOrderId(), head)) {
        for (int i = 0; i < head.tradeCount(); i++) {
          om.recentTrades.add(head.instrumentId(), head.tradeId(i));
        }
      }
    }
  }
}
