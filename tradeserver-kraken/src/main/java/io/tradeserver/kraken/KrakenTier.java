package io.tradeserver.kraken;

import java.time.Duration;
import java.util.Locale;

/**
 * A Kraken account verification tier and its published limits. Kraken assigns the tier; it cannot
 * be read from the API, so it is configured ({@code options.tier}).
 *
 * <p>REST call counter: Starter 15 decaying 0.33/s, Intermediate 20 decaying 0.5/s, Pro 20 decaying
 * 1/s (docs.kraken.com, "Spot REST Rate Limits"). Per-pair trading counter: Starter 60 decaying
 * 1/s, Intermediate 125 decaying 2.34/s, Pro 180 decaying 3.75/s ("Spot Trading Limits").
 */
public enum KrakenTier {
  STARTER(15, 0.33, 60, 1.0),
  INTERMEDIATE(20, 0.5, 125, 2.34),
  PRO(20, 1.0, 180, 3.75);

  private final int apiCounterMax;
  private final double apiDecayPerSecond;
  private final int tradingCounterMax;
  private final double tradingDecayPerSecond;

  KrakenTier(int apiMax, double apiDecay, int tradingMax, double tradingDecay) {
    this.apiCounterMax = apiMax;
    this.apiDecayPerSecond = apiDecay;
    this.tradingCounterMax = tradingMax;
    this.tradingDecayPerSecond = tradingDecay;
  }

  /** Maximum of the per-key REST call counter. */
  public int apiCounterMax() {
    return apiCounterMax;
  }

  /** How long the REST counter takes to decay from its maximum to zero. */
  public Duration apiCounterDrain() {
    return Duration.ofMillis(Math.round(apiCounterMax * 1000 / apiDecayPerSecond));
  }

  /** Maximum of the per-pair trading counter. */
  public int tradingCounterMax() {
    return tradingCounterMax;
  }

  /** How long the per-pair trading counter takes to decay from its maximum to zero. */
  public Duration tradingCounterDrain() {
    return Duration.ofMillis(Math.round(tradingCounterMax * 1000 / tradingDecayPerSecond));
  }

  /** Parses {@code starter}, {@code intermediate} or {@code pro} (any case). */
  public static KrakenTier parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
