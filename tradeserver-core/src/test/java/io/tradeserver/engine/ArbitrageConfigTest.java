package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.config.ArbitrageSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArbitrageConfigTest {

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                ArbitrageConfig.builder()
                    .thresholdBps("-1")
                    .maxNotional("0")
                    .unwindSlippageBps(0)
                    .strategy(" ")
                    .symbols(List.of("BTCUSDT"))
                    .minInterval(Duration.ofSeconds(-1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thresholdBps must be >= 0, was -1")
        .hasMessageContaining("maxNotional must be > 0, was 0")
        .hasMessageContaining("unwindSlippageBps must be 1..10000, was 0")
        .hasMessageContaining("strategy is required")
        .hasMessageContaining("symbol must be BASE-QUOTE, was BTCUSDT")
        .hasMessageContaining("minInterval must be >= 0");
  }

  @Test
  void theConfigurationFilesSectionMapsOntoIt() {
    ArbitrageSettings s =
        new ArbitrageSettings(
            true,
            new BigDecimal("2"),
            true,
            new BigDecimal("500"),
            List.of("ETH-USDT"),
            List.of("sim-a", "sim-b"),
            Duration.ofMillis(1500));
    ArbitrageConfig c = ArbitrageConfig.from(s);
    assertThat(c.thresholdBps()).isEqualByComparingTo("2");
    assertThat(c.autoExecute()).isTrue();
    assertThat(c.maxNotional()).isEqualByComparingTo("500");
    assertThat(c.symbols()).containsExactly("ETH-USDT");
    assertThat(c.venues()).containsExactly("sim-a", "sim-b");
    assertThat(c.minInterval()).isEqualTo(Duration.ofMillis(1500));
    assertThat(
            ArbitrageConfig.from(
                new ArbitrageSettings(
                    false, BigDecimal.ONE, false, BigDecimal.TEN, null, null, Duration.ZERO)))
        .as("disabled")
        .isNull();
  }
}
