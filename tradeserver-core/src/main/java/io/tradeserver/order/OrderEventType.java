package io.tradeserver.order;

/** What happened to an order, as seen by the transition table. */
public enum OrderEventType {
  /** Handed to the venue client. */
  SEND,
  /** The venue acknowledged it (or reported it working). */
  ACK,
  /** Refused (by the venue, or locally before sending). */
  REJECT,
  /** A fill that leaves quantity open. */
  PARTIAL_FILL,
  /** A fill (or report) that completes the order. */
  FULL_FILL,
  /** We asked to cancel. */
  CANCEL_REQUEST,
  /** The venue canceled it. */
  CANCELED,
  /** The venue refused our cancel. */
  CANCEL_REJECT,
  /** The venue ended it unfilled (IOC remainder, expiry). */
  EXPIRE,
  /** The submit's outcome is unknown (timeout, 5xx, disconnect after send). */
  AMBIGUOUS,
  /** Repeated queries found no such order at the venue. */
  NOT_FOUND
}
