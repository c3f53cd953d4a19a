package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class KrakenBookTest {
  /** The checksum string as docs.kraken.com spells it out: remove '.', then leading zeros. */
  static String level(String price, String qty) {
    return strip(price.replace(".", "")) + strip(qty.replace(".", ""));
  }

  private static String strip(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  static long crc(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.US_ASCII));
    return c.getValue();
  }

  @Test
  void docWorkedExampleLevelFormatting() {
    assertThat(level("45285.2", "0.00100000")).isEqualTo("452852100000");
  }

  @Test
  void checksumMatchesTheStringAlgorithmAndIgnoresLevelsBeyondTen() {
    Instrument ins =
        Instrument.builder(InstrumentId.parse("kraken:BTC-USD"), "XXBTZUSD")
            .tickSize(Price.parse("0.1"))
            .stepSize(Quantity.of(1, 8))
            .build();
    Market m = new Market(ins, "XXBTZUSD", "XBTUSD", "BTC/USD", 1, 8);
    KrakenBook b = new KrakenBook(m, 25, 10);
    b.startSnapshot();
    StringBuilder asks = new StringBuilder();
    StringBuilder bids = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      BigDecimal ask = new BigDecimal("45285.2").add(BigDecimal.valueOf(i, 1));
      BigDecimal bid = new BigDecimal("45285.1").subtract(BigDecimal.valueOf(i, 1));
      BigDecimal qty = new BigDecimal("0.00100000").add(BigDecimal.valueOf(i, 8));
      b.set(
          Side.SELL,
          ask.movePointRight(1).longValueExact(),
          qty.movePointRight(8).longValueExact());
      b.set(
          Side.BUY, bid.movePointRight(1).longValueExact(), qty.movePointRight(8).longValueExact());
      if (i < 10) {
        asks.append(level(ask.toPlainString(), qty.setScale(8).toPlainString()));
        bids.append(level(bid.toPlainString(), qty.setScale(8).toPlainString()));
      }
    }
    assertThat(b.checksum()).isEqualTo(crc(asks.toString() + bids));
  }

  @Test
  void depthsKrakenOffers() {
    assertThat(KrakenBook.krakenDepth(1)).isEqualTo(10);
    assertThat(KrakenBook.krakenDepth(20)).isEqualTo(25);
    assertThat(KrakenBook.krakenDepth(100)).isEqualTo(100);
    assertThat(KrakenBook.krakenDepth(101)).isEqualTo(500);
  }
}
