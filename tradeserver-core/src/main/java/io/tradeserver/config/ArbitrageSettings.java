package io.tradeserver.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code arbitrage} section: cross-venue opportunity detection and optional paired execution
 * (read by the arbitrage feature). An opportunity exists when bid(B) − ask(A) exceeds both taker
 * fees plus {@code thresholdBps}.
 *
 * @param enabled whether books are watched for opportunities
 * @param thresholdBps edge required beyond both taker fees, in basis points of the ask
 * @param autoExecute send both legs through risk when an opportunity is found
 * @param maxNotional largest notional per opportunity executed, in quote currency
 * @param symbols symbols watched ({@code BASE-QUOTE}); empty means every symbol on two or more
 *     venues
 * @param venues venues compared; empty means every enabled venue
 * @param cooldown after an opportunity on a symbol, wait this long before the next on it
 */
public record ArbitrageSettings(
    boolean enabled,
    BigDecimal thresholdBps,
    boolean autoExecute,
    BigDecimal maxNotional,
    List<String> symbols,
    List<String> venues,
    Duration cooldown) {

  public ArbitrageSettings {
    List<String> p = new ArrayList<>();
    if (thresholdBps == null || thresholdBps.signum() < 0) {
      p.add("thresholdBps must be >= 0, was " + thresholdBps);
    }
    if (maxNotional == null || maxNotional.signum() <= 0) {
      p.add("maxNotional must be > 0, was " + maxNotional);
    }
    if (cooldown == null || cooldown.isNegative()) {
      p.add("cooldown must be >= 0, was " + cooldown);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid arbitrage: " + String.join("; ", p));
    }
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    venues = List.copyOf(venues == null ? List.of() : venues);
  }

  /** Detection on, 5 bps threshold, no auto-execution, 1000 quote max, 1 s cooldown. */
  public static ArbitrageSettings defaults() {
    return new ArbitrageSettings(
        true,
        new BigDecimal("5"),
        false,
        new BigDecimal("1000"),
        List.of(),
        List.of(),
        Duration.ofSeconds(1));
  }
}
