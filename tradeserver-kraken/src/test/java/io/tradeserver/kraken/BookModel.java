package io.tradeserver.kraken;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The test's own copy of a Kraken v2 book, kept with BigDecimal and checksummed by the string
 * algorithm of docs.kraken.com "Book checksum (WebSocket v2)" — independent of the adapter's
 * units-based implementation.
 */
final class BookModel {
  final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
  final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
  final int depth;
  final int priceDecimals;
  final int qtyDecimals;

  BookModel(int depth, int priceDecimals, int qtyDecimals) {
    this.depth = depth;
    this.priceDecimals = priceDecimals;
    this.qtyDecimals = qtyDecimals;
  }

  void bid(String price, String qty) {
    set(bids, price, qty);
  }

  void ask(String price, String qty) {
    set(asks, price, qty);
  }

  private void set(TreeMap<BigDecimal, BigDecimal> side, String price, String qty) {
    BigDecimal q = new BigDecimal(qty);
    if (q.signum() == 0) {
      side.remove(new BigDecimal(price));
    } else {
      side.put(new BigDecimal(price), q);
    }
    while (side.size() > depth) {
      side.pollLastEntry();
    }
  }

  long checksum() {
    StringBuilder sb = new StringBuilder();
    append(sb, asks);
    append(sb, bids);
    CRC32 crc = new CRC32();
    crc.update(sb.toString().getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  private void append(StringBuilder sb, TreeMap<BigDecimal, BigDecimal> side) {
    int n = 0;
    for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
      if (n++ == 10) {
        break;
      }
      sb.append(strip(e.getKey().setScale(priceDecimals).toPlainString().replace(".", "")));
      sb.append(strip(e.getValue().setScale(qtyDecimals).toPlainString().replace(".", "")));
    }
  }

  private static String strip(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /** A v2 book message for the given raw level lists, numbers as JSON numbers like Kraken. */
  static String message(String type, String symbol, String bids, String asks, long checksum) {
    return "{\"channel\":\"book\",\"type\":\""
        + type
        + "\",\"data\":[{\"symbol\":\""
        + symbol
        + "\",\"bids\":["
        + bids
        + "],\"asks\":["
        + asks
        + "],\"checksum\":"
        + checksum
        + ",\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
  }

  static String level(String price, String qty) {
    return "{\"price\":" + price + ",\"qty\":" + qty + "}";
  }
}
