package io.tradeserver.model;

import java.util.Objects;

/**
 * An asset balance on a venue.
 *
 * @param asset canonical asset code (BTC, USDT)
 * @param free available to trade
 * @param locked held by open orders or otherwise unavailable
 */
public record Balance(String asset, Quantity free, Quantity locked) {
  public Balance {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(free, "free");
    Objects.requireNonNull(locked, "locked");
  }

  public Quantity total() {
    return free.plus(locked);
  }
}
