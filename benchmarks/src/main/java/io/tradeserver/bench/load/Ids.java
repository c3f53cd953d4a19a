package io.tradeserver.bench.load;

/**
 * Client order ids and signal ids of the load test: a letter and the order number in decimal (at
 * most 18 alphanumerics, valid on every venue), parsed back without allocating.
 */
final class Ids {
  private Ids() {}

  static String clientOrderId(long seq) {
    return "b" + seq;
  }

  static String signalId(long seq) {
    return "s" + seq;
  }

  /** The order number in an id made here, or -1. */
  static long seq(String id) {
    if (id == null || id.length() < 2) {
      return -1;
    }
    long v = 0;
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
