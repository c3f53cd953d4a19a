package io.tradeserver.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code demo} section: the in-process signal generator of {@code ./tradeserver demo} (command
 * line flags override it).
 *
 * @param signalsPerSecond signals generated per second
 * @param duration how long the demo runs
 * @param symbols symbols traded ({@code BASE-QUOTE})
 * @param strategy strategy name on generated signals
 * @param seed random seed; the same seed gives the same signals
 */
public record DemoSettings(
    int signalsPerSecond, Duration duration, List<String> symbols, String strategy, long seed) {

  public DemoSettings {
    List<String> p = new ArrayList<>();
    if (signalsPerSecond < 1 || signalsPerSecond > 1_000_000) {
      p.add("signalsPerSecond must be 1..1000000, was " + signalsPerSecond);
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      p.add("duration must be > 0, was " + duration);
    }
    if (strategy == null || strategy.isBlank()) {
      p.add("strategy is required");
    }
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    if (symbols.isEmpty()) {
      p.add("at least one symbol is required");
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid demo: " + String.join("; ", p));
    }
  }

  /** 20 signals/s for 30 s on BTC-USDT and ETH-USDT, strategy {@code demo}, seed 42. */
  public static DemoSettings defaults() {
    return new DemoSettings(
        20, Duration.ofSeconds(30), List.of("BTC-USDT", "ETH-USDT"), "demo", 42L);
  }
}
