package io.tradeserver.engine;

import io.tradeserver.config.ArbitrageSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-venue arbitrage detection and, optionally, paired execution.
 *
 * @param symbols {@code BASE-QUOTE} symbols to watch; empty watches every symbol listed on two or
 *     more venues
 * @param venues venues compared; empty compares every venue
 * @param thresholdBps the net edge (after both taker fees) an opportunity must exceed, in bps of
 *     the buy cost
 * @param minInterval while one opportunity (same symbol, buy venue, sell venue) persists it is
 *     published again at most this often
 * @param autoExecute send both legs as a pair through risk when an opportunity is published
 * @param maxNotional largest buy-leg cost (quote currency) of one paired execution
 * @param unwindSlippageBps slippage limit of the market order that unwinds an unmatched leg
 * @param strategy strategy name of the legs (risk throttles, positions, events)
 */
public record ArbitrageConfig(
    List<String> symbols,
    List<String> venues,
    BigDecimal thresholdBps,
    Duration minInterval,
    boolean autoExecute,
    BigDecimal maxNotional,
    int unwindSlippageBps,
    String strategy) {

  public ArbitrageConfig {
    List<String> p = new ArrayList<>();
    if (thresholdBps == null || thresholdBps.signum() < 0) {
      p.add("thresholdBps must be >= 0, was " + thresholdBps);
    }
    if (minInterval == null || minInterval.isNegative()) {
      p.add("minInterval must be >= 0, was " + minInterval);
    }
    if (maxNotional == null || maxNotional.signum() <= 0) {
      p.add("maxNotional must be > 0, was " + maxNotional);
    }
    if (unwindSlippageBps < 1 || unwindSlippageBps > 10_000) {
      p.add("unwindSlippageBps must be 1..10000, was " + unwindSlippageBps);
    }
    if (strategy == null || strategy.isBlank()) {
      p.add("strategy is required");
    }
    for (String s : symbols == null ? List.<String>of() : symbols) {
      if (s == null || !s.matches("[A-Z0-9]+-[A-Z0-9]+")) {
        p.add("symbol must be BASE-QUOTE, was " + s);
      }
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid arbitrage config: " + String.join("; ", p));
    }
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    venues = List.copyOf(venues == null ? List.of() : venues);
  }

  /**
   * The configuration file's {@code arbitrage} section as a config ({@code cooldown} is the
   * republish interval), or null when it is disabled.
   */
  public static ArbitrageConfig from(ArbitrageSettings s) {
    if (!s.enabled()) {
      return null;
    }
    return builder()
        .symbols(s.symbols())
        .venues(s.venues())
        .thresholdBps(s.thresholdBps().toPlainString())
        .autoExecute(s.autoExecute())
        .maxNotional(s.maxNotional().toPlainString())
        .minInterval(s.cooldown())
        .build();
  }

  /** Builder: every symbol, 5 bps, 1 s, detection only, 1,000 per pair, 50 bps unwind. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the defaults above; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private List<String> symbols = List.of();
    private List<String> venues = List.of();
    private BigDecimal thresholdBps = new BigDecimal("5");
    private Duration minInterval = Duration.ofSeconds(1);
    private boolean autoExecute;
    private BigDecimal maxNotional = new BigDecimal("1000");
    private int unwindSlippageBps = 50;
    private String strategy = "arbitrage";

    private Builder() {}

    public Builder symbols(List<String> v) {
      symbols = v;
      return this;
    }

    public Builder venues(List<String> v) {
      venues = v;
      return this;
    }

    public Builder thresholdBps(String v) {
      thresholdBps = new BigDecimal(v);
      return this;
    }

    public Builder minInterval(Duration v) {
      minInterval = v;
      return this;
    }

    public Builder autoExecute(boolean v) {
      autoExecute = v;
      return this;
    }

    public Builder maxNotional(String v) {
      maxNotional = new BigDecimal(v);
      return this;
    }

    public Builder unwindSlippageBps(int v) {
      unwindSlippageBps = v;
      return this;
    }

    public Builder strategy(String v) {
      strategy = v;
      return this;
    }

    public ArbitrageConfig build() {
      return new ArbitrageConfig(
          symbols,
          venues,
          thresholdBps,
          minInterval,
          autoExecute,
          maxNotional,
          unwindSlippageBps,
          strategy);
    }
  }
}
