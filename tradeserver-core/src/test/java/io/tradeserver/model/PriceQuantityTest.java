package io.tradeserver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PriceQuantityTest {

  @Test
  void equalityIsNumericAcrossScales() {
    assertThat(Price.parse("1.50")).isEqualTo(Price.of(15, 1));
    assertThat(Price.parse("1.50").hashCode()).isEqualTo(Price.of(15, 1).hashCode());
    assertThat(Quantity.parse("0.0100")).isEqualTo(Quantity.of(1, 2));
    assertThat(Price.of(1, 0)).isNotEqualTo(Quantity.of(1, 0));
    assertThat(Price.parse("2").compareTo(Price.parse("1.99"))).isPositive();
  }

  @Test
  void toStringIsPlainWithItsScale() {
    assertThat(Price.parse("64000.50", 2)).hasToString("64000.50");
    assertThat(Price.parse("64000.5", 8)).hasToString("64000.50000000");
    assertThat(Quantity.of(-5, 3)).hasToString("-0.005");
  }

  @Test
  void roundsPricesTowardThePassiveSide() {
    Price tick = Price.parse("0.05");
    assertThat(Price.parse("100.07").roundToTick(tick, Side.BUY)).isEqualTo(Price.parse("100.05"));
    assertThat(Price.parse("100.07").roundToTick(tick, Side.SELL)).isEqualTo(Price.parse("100.10"));
    assertThat(Price.parse("100.05").roundToTick(tick, Side.BUY)).isEqualTo(Price.parse("100.05"));
    assertThat(Price.parse("100.05").isMultipleOf(tick)).isTrue();
    assertThat(Price.parse("100.051").isMultipleOf(tick)).isFalse();
  }

  @Test
  void roundsQuantitiesDownToStep() {
    Quantity step = Quantity.parse("0.001");
    assertThat(Quantity.parse("0.12345").roundDownToStep(step)).isEqualTo(Quantity.parse("0.123"));
    assertThat(Quantity.parse("0.0009").roundDownToStep(step)).isEqualTo(Quantity.zero(0));
    assertThat(Quantity.parse("0.123").isMultipleOf(step)).isTrue();
    assertThat(Quantity.parse("0.1235").isMultipleOf(step)).isFalse();
  }

  @Test
  void notionalIsExactOrRefusedNeverWrapped() {
    assertThat(Price.parse("64000.50").times(Quantity.parse("0.01000")))
        .isEqualTo(Quantity.parse("640.005"));
    assertThat(Price.parse("64000.50").times(Quantity.parse("0.01"), 2, RoundingMode.HALF_EVEN))
        .isEqualTo(Quantity.parse("640.00"));
    Price huge = Price.of(Long.MAX_VALUE / 2, 0);
    assertThatThrownBy(() -> huge.times(Quantity.of(3, 0))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> huge.times(Quantity.of(3, 0), 2, RoundingMode.DOWN))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void arithmeticKeepsTheLargerScale() {
    assertThat(Quantity.parse("1.5").plus(Quantity.parse("0.25"))).hasToString("1.75");
    assertThat(Quantity.parse("1").minus(Quantity.parse("0.001"))).hasToString("0.999");
    assertThat(Price.parse("10").minus(Price.parse("0.01"))).hasToString("9.99");
    assertThat(Quantity.parse("2").negate().abs()).isEqualTo(Quantity.parse("2"));
    assertThatThrownBy(() -> Quantity.of(Long.MAX_VALUE, 0).plus(Quantity.of(1, 0)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void instrumentBuilderReportsEveryProblem() {
    assertThatThrownBy(
            () ->
                Instrument.builder(InstrumentId.of("binance", "BTC-USDT"), "")
                    .tickSize(Price.parse("0"))
                    .stepSize(Quantity.parse("-1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nativeSymbol is required")
        .hasMessageContaining("tickSize must be > 0")
        .hasMessageContaining("stepSize must be > 0");
  }

  @Test
  void instrumentIdsAreCanonical() {
    InstrumentId id = InstrumentId.parse("Binance:btc-usdt");
    assertThat(id).hasToString("binance:BTC-USDT");
    assertThat(id.symbol()).isEqualTo("BTC-USDT");
    assertThatThrownBy(() -> InstrumentId.of("x", "BTCUSDT")).hasMessageContaining("BASE-QUOTE");
  }

  @Test
  void bookKnowsItsTopMidAndVwap() {
    OrderBook b = new OrderBook(InstrumentId.of("x", "BTC-USDT"), 2, 3);
    b.set(Side.BUY, Price.parse("99.00"), Quantity.parse("1"));
    b.set(Side.BUY, Price.parse("99.50"), Quantity.parse("2"));
    b.set(Side.SELL, Price.parse("100.00"), Quantity.parse("1"));
    b.set(Side.SELL, Price.parse("101.00"), Quantity.parse("3"));
    assertThat(b.bestBid()).isEqualTo(Price.parse("99.50"));
    assertThat(b.bestAsk()).isEqualTo(Price.parse("100"));
    assertThat(b.mid()).isEqualTo(Price.parse("99.75"));
    // buy 2: 1 @ 100 + 1 @ 101 = 100.5
    assertThat(b.vwap(Side.BUY, Quantity.parse("2"))).isEqualTo(Price.parse("100.5"));
    assertThat(b.vwap(Side.BUY, Quantity.parse("5"))).isNull();
    b.set(Side.SELL, Price.parse("100.00"), Quantity.zero(0));
    assertThat(b.bestAsk()).isEqualTo(Price.parse("101"));
    assertThat(b.depth(Side.SELL)).isEqualTo(1);
    BookSnapshot s = b.snapshot(1, 5);
    OrderBook copy = new OrderBook(b.instrumentId(), 2, 3);
    copy.replaceWith(s);
    assertThat(copy.bestBid()).isEqualTo(b.bestBid());
    assertThat(copy.depth(Side.BUY)).isEqualTo(1);
  }

  @Test
  void bookKeepsLevelsSortedUnderManyUpdates() {
    OrderBook b = new OrderBook(InstrumentId.of("x", "A-B"), 0, 0);
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    java.util.TreeMap<Long, Long> model =
        new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    for (int i = 0; i < 10_000; i++) {
      long p = r.nextLong(1, 500);
      long q = r.nextInt(4) == 0 ? 0 : r.nextLong(1, 100);
      b.set(Side.BUY, p, q);
      if (q == 0) {
        model.remove(p);
      } else {
        model.put(p, q);
      }
    }
    assertThat(b.depth(Side.BUY)).isEqualTo(model.size());
    int i = 0;
    for (var e : model.entrySet()) {
      assertThat(b.priceAt(Side.BUY, i)).isEqualTo(e.getKey());
      assertThat(b.quantityAt(Side.BUY, i++)).isEqualTo(e.getValue());
    }
  }
}
