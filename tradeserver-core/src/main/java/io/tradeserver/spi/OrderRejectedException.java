package io.tradeserver.spi;

import io.tradeserver.model.RejectCode;

/** The venue definitively refused an order; it never worked. */
public class OrderRejectedException extends VenueException {
  private final RejectCode code;

  public OrderRejectedException(
      String venue, int httpStatus, String venueCode, RejectCode code, String message) {
    super(venue, httpStatus, venueCode, false, message);
    this.code = code;
  }

  /** TradeServer's stable code for the refusal. */
  public RejectCode code() {
    return code;
  }
}
