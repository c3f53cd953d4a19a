package io.tradeserver.order;

import io.tradeserver.model.OrderStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The order lifecycle as one explicit (state, event) table (DESIGN §4). Each cell is a target
 * state, {@code =} (accepted but no state change: a duplicate ack, a late fill that leaves the
 * state as is — the fill itself is still applied), {@code ~} (a refused cancel: back to ACCEPTED or
 * PARTIALLY_FILLED by filled quantity) or {@code !} (impossible: ignored and counted). A rejection
 * that arrives while our cancel is pending (the kill switch caught an order the venue was refusing)
 * ends the order REJECTED.
 *
 * <p>Notable rows: a fill before the ack moves SUBMITTED straight to PARTIALLY_FILLED/FILLED; a
 * fill after a cancel report is applied and a completing one turns CANCELED into FILLED; an order
 * declared REJECTED because the venue could not find it comes back to life if the venue later
 * reports it; SEND is legal only once, from PENDING_NEW.
 */
public final class OrderTransitions {

  /** How a cell is applied. */
  public enum Kind {
    MOVE,
    STAY,
    RESTORE,
    ILLEGAL
  }

  /** One cell: the kind and, for {@link Kind#MOVE}, the target. */
  public record Cell(Kind kind, OrderStatus target) {}

  // Columns, in OrderEventType order:
  // SEND ACK REJECT PARTIAL_FILL FULL_FILL CANCEL_REQUEST CANCELED CANCEL_REJECT EXPIRE AMBIGUOUS
  // NOT_FOUND
  private static final String[][] ROWS = {
    {
      "PENDING_NEW",
      "SUBMITTED",
      "ACCEPTED",
      "REJECTED",
      "PARTIALLY_FILLED",
      "FILLED",
      "CANCELED",
      "CANCELED",
      "=",
      "EXPIRED",
      "UNKNOWN",
      "="
    },
    {
      "SUBMITTED",
      "!",
      "ACCEPTED",
      "REJECTED",
      "PARTIALLY_FILLED",
      "FILLED",
      "PENDING_CANCEL",
      "CANCELED",
      "=",
      "EXPIRED",
      "UNKNOWN",
      "="
    },
    {
      "ACCEPTED",
      "!",
      "=",
      "!",
      "PARTIALLY_FILLED",
      "FILLED",
      "PENDING_CANCEL",
      "CANCELED",
      "=",
      "EXPIRED",
      "=",
      "="
    },
    {
      "PARTIALLY_FILLED",
      "!",
      "=",
      "!",
      "=",
      "FILLED",
      "PENDING_CANCEL",
      "CANCELED",
      "=",
      "EXPIRED",
      "=",
      "="
    },
    {
      "PENDING_CANCEL",
      "!",
      "=",
      "REJECTED",
      "=",
      "FILLED",
      "=",
      "CANCELED",
      "~",
      "EXPIRED",
      "=",
      "="
    },
    {"FILLED", "!", "=", "!", "=", "=", "=", "=", "=", "=", "=", "="},
    {"CANCELED", "!", "=", "!", "=", "FILLED", "=", "=", "=", "=", "=", "="},
    {
      "REJECTED",
      "!",
      "ACCEPTED",
      "=",
      "PARTIALLY_FILLED",
      "FILLED",
      "=",
      "CANCELED",
      "=",
      "EXPIRED",
      "=",
      "="
    },
    {"EXPIRED", "!", "=", "!", "=", "FILLED", "=", "=", "=", "=", "=", "="},
    {
      "UNKNOWN",
      "!",
      "ACCEPTED",
      "REJECTED",
      "PARTIALLY_FILLED",
      "FILLED",
      "PENDING_CANCEL",
      "CANCELED",
      "=",
      "EXPIRED",
      "=",
      "REJECTED"
    },
  };

  private static final Map<OrderStatus, Map<OrderEventType, Cell>> TABLE = build();

  private OrderTransitions() {}

  /** The cell for {@code (state, event)}. */
  public static Cell cell(OrderStatus state, OrderEventType event) {
    return TABLE.get(state).get(event);
  }

  /**
   * The state after {@code event} in {@code state}; {@code state} itself for STAY and ILLEGAL.
   *
   * @param hasFills whether any quantity is filled (decides where a refused cancel returns to)
   */
  public static OrderStatus next(OrderStatus state, OrderEventType event, boolean hasFills) {
    Cell c = cell(state, event);
    return switch (c.kind()) {
      case MOVE -> c.target();
      case RESTORE -> hasFills ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
      case STAY, ILLEGAL -> state;
    };
  }

  private static Map<OrderStatus, Map<OrderEventType, Cell>> build() {
    OrderEventType[] events = OrderEventType.values();
    Map<OrderStatus, Map<OrderEventType, Cell>> table = new EnumMap<>(OrderStatus.class);
    for (String[] row : ROWS) {
      if (row.length != events.length + 1) {
        throw new IllegalStateException("row " + row[0] + " has " + (row.length - 1) + " cells");
      }
      Map<OrderEventType, Cell> cells = new EnumMap<>(OrderEventType.class);
      for (int i = 0; i < events.length; i++) {
        String v = row[i + 1];
        Cell cell =
            switch (v) {
              case "=" -> new Cell(Kind.STAY, null);
              case "~" -> new Cell(Kind.RESTORE, null);
              case "!" -> new Cell(Kind.ILLEGAL, null);
              default -> new Cell(Kind.MOVE, OrderStatus.valueOf(v));
            };
        cells.put(events[i], cell);
      }
      table.put(OrderStatus.valueOf(row[0]), cells);
    }
    if (table.size() != OrderStatus.values().length) {
      throw new IllegalStateException("transition table misses states");
    }
    return table;
  }
}
