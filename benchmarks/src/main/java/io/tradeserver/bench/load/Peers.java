package io.tradeserver.bench.load;

/** The peer libraries run side by side with TradeServer (Binance only). */
final class Peers {
  private Peers() {}

  static LoadClient create(String name, String baseUrl, LoadOptions o) {
    throw new IllegalArgumentException("peer " + name + " needs the Binance venue");
  }
}
