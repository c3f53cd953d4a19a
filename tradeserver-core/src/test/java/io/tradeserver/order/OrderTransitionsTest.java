package io.tradeserver.order;

import static io.tradeserver.model.OrderStatus.ACCEPTED;
import static io.tradeserver.model.OrderStatus.CANCELED;
import static io.tradeserver.model.OrderStatus.EXPIRED;
import static io.tradeserver.model.OrderStatus.FILLED;
import static io.tradeserver.model.OrderStatus.PARTIALLY_FILLED;
import static io.tradeserver.model.OrderStatus.PENDING_CANCEL;
import static io.tradeserver.model.OrderStatus.PENDING_NEW;
import static io.tradeserver.model.OrderStatus.REJECTED;
import static io.tradeserver.model.OrderStatus.SUBMITTED;
import static io.tradeserver.model.OrderStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderStatus;
import io.tradeserver.order.OrderTransitions.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks all 110 (state, event) pairs against expectations written here column by column, i.e. a
 * second, independent statement of DESIGN §4 — not a copy of the production table's rows.
 */
class OrderTransitionsTest {
  private static final String STAY = "=";
  private static final String ILLEGAL = "!";
  private static final String RESTORE = "~";

  /** Expected outcome per event (column), per state. */
  private static Map<OrderEventType, Map<OrderStatus, String>> expected() {
    Map<OrderEventType, Map<OrderStatus, String>> m = new EnumMap<>(OrderEventType.class);
    // SEND: only a new order may be sent, exactly once.
    column(m, OrderEventType.SEND, ILLEGAL).put(PENDING_NEW, SUBMITTED.name());
    // ACK: moves anything not yet working to ACCEPTED (UNKNOWN resolved, REJECTED-by-inference
    // revived).
    Map<OrderStatus, String> ack = column(m, OrderEventType.ACK, STAY);
    for (OrderStatus s : new OrderStatus[] {PENDING_NEW, SUBMITTED, REJECTED, UNKNOWN}) {
      ack.put(s, ACCEPTED.name());
    }
    // REJECT: only before the venue has acknowledged the order; impossible once working.
    Map<OrderStatus, String> reject = column(m, OrderEventType.REJECT, ILLEGAL);
    for (OrderStatus s : new OrderStatus[] {PENDING_NEW, SUBMITTED, PENDING_CANCEL, UNKNOWN}) {
      reject.put(s, REJECTED.name()); // PENDING_CANCEL: a cancel raced the venue's refusal
    }
    reject.put(REJECTED, STAY);
    // PARTIAL_FILL: the fill is applied everywhere; state moves from not-yet-filling states.
    Map<OrderStatus, String> partial = column(m, OrderEventType.PARTIAL_FILL, STAY);
    for (OrderStatus s : new OrderStatus[] {PENDING_NEW, SUBMITTED, ACCEPTED, REJECTED, UNKNOWN}) {
      partial.put(s, PARTIALLY_FILLED.name());
    }
    // FULL_FILL: FILLED from every state but FILLED itself.
    Map<OrderStatus, String> full = column(m, OrderEventType.FULL_FILL, FILLED.name());
    full.put(FILLED, STAY);
    // CANCEL_REQUEST: working orders go PENDING_CANCEL; a never-sent one is canceled locally.
    Map<OrderStatus, String> creq = column(m, OrderEventType.CANCEL_REQUEST, STAY);
    creq.put(PENDING_NEW, CANCELED.name());
    for (OrderStatus s : new OrderStatus[] {SUBMITTED, ACCEPTED, PARTIALLY_FILLED, UNKNOWN}) {
      creq.put(s, PENDING_CANCEL.name());
    }
    // CANCELED: from every live state (and a revived REJECTED); terminal states stay.
    Map<OrderStatus, String> canceled = column(m, OrderEventType.CANCELED, CANCELED.name());
    for (OrderStatus s : new OrderStatus[] {FILLED, CANCELED, EXPIRED}) {
      canceled.put(s, STAY);
    }
    // CANCEL_REJECT: PENDING_CANCEL goes back; everything else stays.
    column(m, OrderEventType.CANCEL_REJECT, STAY).put(PENDING_CANCEL, RESTORE);
    // EXPIRE: like CANCELED.
    Map<OrderStatus, String> expire = column(m, OrderEventType.EXPIRE, EXPIRED.name());
    for (OrderStatus s : new OrderStatus[] {FILLED, CANCELED, EXPIRED}) {
      expire.put(s, STAY);
    }
    // AMBIGUOUS: only a sent-but-unanswered order becomes UNKNOWN (and a PENDING_NEW one).
    Map<OrderStatus, String> amb = column(m, OrderEventType.AMBIGUOUS, STAY);
    amb.put(PENDING_NEW, UNKNOWN.name());
    amb.put(SUBMITTED, UNKNOWN.name());
    // NOT_FOUND: only an UNKNOWN order is concluded REJECTED.
    column(m, OrderEventType.NOT_FOUND, STAY).put(UNKNOWN, REJECTED.name());
    return m;
  }

  private static Map<OrderStatus, String> column(
      Map<OrderEventType, Map<OrderStatus, String>> m, OrderEventType e, String fill) {
    Map<OrderStatus, String> c = new EnumMap<>(OrderStatus.class);
    for (OrderStatus s : OrderStatus.values()) {
      c.put(s, fill);
    }
    m.put(e, c);
    return c;
  }

  @Test
  void everyPairMatchesTheLifecycle() {
    Map<OrderEventType, Map<OrderStatus, String>> expected = expected();
    int checked = 0;
    for (OrderStatus state : OrderStatus.values()) {
      for (OrderEventType event : OrderEventType.values()) {
        String want = expected.get(event).get(state);
        OrderTransitions.Cell cell = OrderTransitions.cell(state, event);
        String got =
            switch (cell.kind()) {
              case MOVE -> cell.target().name();
              case STAY -> STAY;
              case RESTORE -> RESTORE;
              case ILLEGAL -> ILLEGAL;
            };
        assertThat(got).as("%s + %s", state, event).isEqualTo(want);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(110);
  }

  @Test
  void refusedCancelReturnsToWhereTheOrderWas() {
    assertThat(OrderTransitions.next(PENDING_CANCEL, OrderEventType.CANCEL_REJECT, false))
        .isEqualTo(ACCEPTED);
    assertThat(OrderTransitions.next(PENDING_CANCEL, OrderEventType.CANCEL_REJECT, true))
        .isEqualTo(PARTIALLY_FILLED);
  }

  @Test
  void terminalStatesNeverReopenExceptByTheVenueContradictingAnInference() {
    for (OrderStatus terminal : new OrderStatus[] {FILLED, CANCELED, EXPIRED}) {
      for (OrderEventType e : OrderEventType.values()) {
        OrderStatus next = OrderTransitions.next(terminal, e, true);
        assertThat(next.isTerminal()).as("%s + %s -> %s", terminal, e, next).isTrue();
      }
    }
    assertThat(OrderTransitions.cell(REJECTED, OrderEventType.ACK).kind()).isEqualTo(Kind.MOVE);
  }
}
