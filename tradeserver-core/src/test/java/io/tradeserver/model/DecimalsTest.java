package io.tradeserver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {

  @ParameterizedTest
  @CsvSource({
    "0.00010000, 8, 10000",
    "0.0001, 8, 10000",
    "64000.50, 2, 6400050",
    "64000.50000000, 2, 6400050",
    "64000.5, 2, 6400050",
    "15, 0, 15",
    "15., 2, 1500",
    ".5, 1, 5",
    "-1.25, 2, -125",
    "0, 3, 0",
    "9223372036854775807, 0, 9223372036854775807",
  })
  void parsesExactly(String text, int scale, long units) {
    assertThat(Decimals.parse(text, scale)).isEqualTo(units);
  }

  @ParameterizedTest
  @CsvSource({
    "0.123, 2, more than 2 decimals",
    "1e-8, 8, unexpected character 'e'",
    "1.2.3, 2, two decimal points",
    "'', 2, empty",
    "-, 2, no digits",
    "., 2, no digits",
    "+1, 2, unexpected character '+'",
    "'1 ', 2, unexpected character ' '",
    "92233720368547758.08, 2, too large",
    "99999999999, 9, too large",
  })
  void refusesWhatIsNotExact(String text, int scale, String why) {
    assertThatThrownBy(() -> Decimals.parse(text, scale))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining(why);
  }

  @Test
  void parsesASubrangeWithoutCopying() {
    String json = "{\"p\":\"64000.50\"}";
    assertThat(Decimals.parse(json, 6, 14, 2)).isEqualTo(6400050);
  }

  @Test
  void naturalScaleIgnoresTrailingZeros() {
    assertThat(Decimals.naturalScale("0.0100")).isEqualTo(2);
    assertThat(Decimals.naturalScale("15")).isZero();
    assertThat(Decimals.naturalScale("15.000")).isZero();
    assertThat(Decimals.naturalScale("0.00000001")).isEqualTo(8);
  }

  @Test
  void formatsWithExactlyTheScale() {
    assertThat(Decimals.format(6400050, 2)).isEqualTo("64000.50");
    assertThat(Decimals.format(5, 8)).isEqualTo("0.00000005");
    assertThat(Decimals.format(-5, 2)).isEqualTo("-0.05");
    assertThat(Decimals.format(0, 3)).isEqualTo("0.000");
    assertThat(Decimals.format(42, 0)).isEqualTo("42");
    assertThat(Decimals.format(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
  }

  @Test
  void rescalesExactlyOrRefuses() {
    assertThat(Decimals.rescale(150, 2, 4)).isEqualTo(15000);
    assertThat(Decimals.rescale(15000, 4, 2)).isEqualTo(150);
    assertThatThrownBy(() -> Decimals.rescale(15001, 4, 2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Decimals.rescale(Long.MAX_VALUE / 10, 0, 2))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void roundsLikeBigDecimalInEveryMode() {
    long[] values = {15, 25, -15, -25, 14, 16, -14, -16, 1, -1, 0, 10, -10};
    for (RoundingMode mode : RoundingMode.values()) {
      if (mode == RoundingMode.UNNECESSARY) {
        continue;
      }
      for (long v : values) {
        long expected = BigDecimal.valueOf(v).divide(BigDecimal.TEN, 0, mode).longValueExact();
        assertThat(Decimals.divide(v, 10, mode)).as("%d / 10 %s", v, mode).isEqualTo(expected);
      }
    }
    assertThatThrownBy(() -> Decimals.divide(15, 10, RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void multipliesThrough128BitsAndReportsOverflow() {
    // 3e18 * 3 / 9 fits only thanks to the 128-bit intermediate.
    assertThat(Decimals.multiplyDivide(3_000_000_000_000_000_000L, 3, 9, RoundingMode.UNNECESSARY))
        .isEqualTo(1_000_000_000_000_000_000L);
    assertThatThrownBy(() -> Decimals.multiplyDivide(Long.MAX_VALUE, 4, 2, RoundingMode.DOWN))
        .isInstanceOf(ArithmeticException.class);
    // 64000.50 × 0.01000 at scale 7 = 640.0050000
    assertThat(Decimals.multiply(6400050, 2, 1000, 5, 7, RoundingMode.UNNECESSARY))
        .isEqualTo(6400050000L);
    // to 2 decimals, half-even: 640.005 -> 640.00
    assertThat(Decimals.multiply(6400050, 2, 1000, 5, 2, RoundingMode.HALF_EVEN)).isEqualTo(64000);
  }

  @Test
  void comparesAcrossScalesExactly() {
    assertThat(Decimals.compare(150, 2, 15, 1)).isZero();
    assertThat(Decimals.compare(151, 2, 15, 1)).isPositive();
    assertThat(Decimals.compare(-1, 0, 1, 18)).isNegative();
    assertThat(Decimals.compare(1, 0, Long.MAX_VALUE, 18)).isNegative(); // 1 < 9.22...
    assertThat(Decimals.compare(10, 0, Long.MAX_VALUE, 18)).isPositive(); // 10 > 9.22...
    assertThat(Decimals.compare(Long.MAX_VALUE, 0, 1, 18)).isPositive(); // scaling up overflows
    assertThat(Decimals.compare(Long.MIN_VALUE, 0, 1, 18)).isNegative();
  }

  @Test
  void comparesProductsBeyondLong() {
    assertThat(Decimals.compareProducts(Long.MAX_VALUE, 2, Long.MAX_VALUE, 3)).isNegative();
    assertThat(Decimals.compareProducts(6, 4, 3, 8)).isZero();
    assertThatThrownBy(() -> Decimals.compareProducts(-1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
