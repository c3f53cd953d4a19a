package io.tradeserver.bench.load;

/** The peer libraries run side by side with TradeServer (Binance only). */
final class Peers {
  private Peers() {}

  static LoadClient create(String name, String baseUrl, LoadOptions o) {
    return switch (name) {
      case "xchange" -> new XChangePeer(baseUrl);
      case "binance-connector" -> new ConnectorPeer(baseUrl);
      default -> throw new IllegalArgumentException("unknown peer " + name);
    };
  }
}
