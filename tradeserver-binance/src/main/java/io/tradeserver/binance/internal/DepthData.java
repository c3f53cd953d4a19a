package io.tradeserver.binance.internal;

import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import java.util.Arrays;

/**
 * Price levels of a depth snapshot or diff event, as units at the instrument's scales, with the
 * update-id range ({@code U..u}; a snapshot has {@code first == last == lastUpdateId}).
 */
final class DepthData {
  long firstUpdateId;
  long lastUpdateId;
  long[] bidPrices = new long[8];
  long[] bidQuantities = new long[8];
  int bids;
  long[] askPrices = new long[8];
  long[] askQuantities = new long[8];
  int asks;

  void addBid(long price, long quantity) {
    if (bids == bidPrices.length) {
      bidPrices = Arrays.copyOf(bidPrices, bids * 2);
      bidQuantities = Arrays.copyOf(bidQuantities, bids * 2);
    }
    bidPrices[bids] = price;
    bidQuantities[bids++] = quantity;
  }

  void addAsk(long price, long quantity) {
    if (asks == askPrices.length) {
      askPrices = Arrays.copyOf(askPrices, asks * 2);
      askQuantities = Arrays.copyOf(askQuantities, asks * 2);
    }
    askPrices[asks] = price;
    askQuantities[asks++] = quantity;
  }

  /**
   * The first {@code depth} levels of each side as an immutable snapshot (levels are in venue
   * order, best first), with {@code lastUpdateId} as its sequence.
   */
  BookSnapshot snapshot(Instrument inst, int depth, long timeNanos) {
    int b = Math.min(bids, depth);
    int a = Math.min(asks, depth);
    return new BookSnapshot(
        inst.id(),
        inst.priceScale(),
        inst.quantityScale(),
        Arrays.copyOf(bidPrices, b),
        Arrays.copyOf(bidQuantities, b),
        Arrays.copyOf(askPrices, a),
        Arrays.copyOf(askQuantities, a),
        lastUpdateId,
        timeNanos);
  }
}
