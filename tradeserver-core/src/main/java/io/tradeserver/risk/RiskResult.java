package io.tradeserver.risk;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;

/**
 * The outcome of a pre-trade check. One instance is reused by the risk engine for every check, so
 * read it before the next check and never keep it. On acceptance {@link #order()} is what to send:
 * the original request, or a copy rounded to the venue's rules or given a protection price.
 */
public final class RiskResult {
  OrderRequest order;
  Denial denial;
  String adjustment;

  void reset(OrderRequest request) {
    order = request;
    denial = null;
    adjustment = null;
  }

  boolean deny(RejectCode code, String detail) {
    denial = new Denial(code, detail);
    return false;
  }

  void adjust(OrderRequest changed, String what) {
    order = changed;
    adjustment = adjustment == null ? what : adjustment + "; " + what;
  }

  public boolean accepted() {
    return denial == null;
  }

  /** The order to send (possibly adjusted); meaningful only when accepted. */
  public OrderRequest order() {
    return order;
  }

  /** The denial, or null when accepted. */
  public Denial denial() {
    return denial;
  }

  /** What was rounded or added, e.g. {@code "price 100.005 -> 100.00"}, or null. */
  public String adjustment() {
    return adjustment;
  }
}
