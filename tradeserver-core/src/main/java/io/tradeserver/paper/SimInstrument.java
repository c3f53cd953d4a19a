package io.tradeserver.paper;

import java.util.Objects;

/**
 * One simulated market: rules and price dynamics.
 *
 * @param symbol {@code BASE-QUOTE}
 * @param startPrice initial mid, plain decimal
 * @param tickSize price increment
 * @param stepSize quantity increment
 * @param minQuantity smallest order
 * @param minNotional smallest price × quantity
 * @param spreadTicks distance between best bid and best ask, in ticks (at least 1)
 * @param levels book levels per side
 * @param levelQuantity base quantity per level (the level's size grows by this much per level
 *     deeper)
 * @param volatilityTicks typical mid move per market step, in ticks
 */
public record SimInstrument(
    String symbol,
    String startPrice,
    String tickSize,
    String stepSize,
    String minQuantity,
    String minNotional,
    int spreadTicks,
    int levels,
    String levelQuantity,
    int volatilityTicks) {

  public SimInstrument {
    Objects.requireNonNull(symbol, "symbol");
    if (spreadTicks < 1 || levels < 1 || volatilityTicks < 0) {
      throw new IllegalArgumentException(
          "spreadTicks and levels must be >= 1, volatilityTicks >= 0");
    }
  }

  /** BTC-USDT around 64,000 with a 0.01 tick and 0.00001 step. */
  public static SimInstrument btcUsdt() {
    return new SimInstrument(
        "BTC-USDT", "64000.00", "0.01", "0.00001", "0.00001", "5", 50, 20, "0.25", 150);
  }

  /** ETH-USDT around 3,200 with a 0.01 tick and 0.0001 step. */
  public static SimInstrument ethUsdt() {
    return new SimInstrument(
        "ETH-USDT", "3200.00", "0.01", "0.0001", "0.0001", "5", 10, 20, "2.5", 20);
  }
}
