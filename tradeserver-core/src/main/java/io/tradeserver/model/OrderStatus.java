package io.tradeserver.model;

/** Order lifecycle states (DESIGN §4). */
public enum OrderStatus {
  /** Accepted by risk, not yet sent. */
  PENDING_NEW,
  /** On the wire: sent, no answer yet. */
  SUBMITTED,
  /** Acknowledged by the venue and working. */
  ACCEPTED,
  PARTIALLY_FILLED,
  FILLED,
  /** A cancel was sent; the order may still fill until the venue confirms. */
  PENDING_CANCEL,
  CANCELED,
  /** Refused by risk or by the venue; never worked. */
  REJECTED,
  /** Ended by the venue without fill or cancel request (IOC remainder, expiry). */
  EXPIRED,
  /**
   * The venue may or may not have it (timeout, 5xx, disconnect after send); being resolved by
   * query.
   */
  UNKNOWN;

  /** True for states that never change again (late fills may still add to filled quantity). */
  public boolean isTerminal() {
    return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
  }

  /** True for states in which the order may be working at the venue. */
  public boolean isOpen() {
    return !isTerminal() && this != PENDING_NEW;
  }
}
