package io.tradeserver.paper;

import io.tradeserver.model.Balance;
import io.tradeserver.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Balances of a simulated account at scale 8: total and locked per asset. Engine thread only. */
final class SimAccount {
  static final int SCALE = 8;
  private final Map<String, long[]> assets = new TreeMap<>(); // {total, locked}

  SimAccount(Map<String, String> initial) {
    initial.forEach((asset, amount) -> set(asset, Quantity.parse(amount)));
  }

  void set(String asset, Quantity amount) {
    long[] a = assets.computeIfAbsent(asset, k -> new long[2]);
    a[0] = amount.withScale(SCALE).units();
  }

  long free(String asset) {
    long[] a = assets.get(asset);
    return a == null ? 0 : a[0] - a[1];
  }

  void lock(String asset, long units) {
    assets.computeIfAbsent(asset, k -> new long[2])[1] += units;
  }

  void unlock(String asset, long units) {
    long[] a = assets.computeIfAbsent(asset, k -> new long[2]);
    a[1] = Math.max(0, a[1] - units);
  }

  void add(String asset, long units) {
    assets.computeIfAbsent(asset, k -> new long[2])[0] += units;
  }

  List<Balance> snapshot() {
    List<Balance> out = new ArrayList<>(assets.size());
    assets.forEach(
        (asset, a) ->
            out.add(new Balance(asset, Quantity.of(a[0] - a[1], SCALE), Quantity.of(a[1], SCALE))));
    return out;
  }
}
