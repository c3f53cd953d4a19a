package io.tradeserver.risk;

import io.tradeserver.model.InstrumentId;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The whole risk configuration; immutable and swapped atomically on reload.
 *
 * @param global limits for everything (defaults: 500 bps collar, 50 bps slippage, 5 s staleness,
 *     balances required, no rounding)
 * @param venues per-venue overrides and venue-level caps (exposure, open orders, order rate)
 * @param instruments per-instrument overrides, keyed by canonical id {@code binance:BTC-USDT}
 * @param total caps across all venues: gross and net exposure per quote currency
 * @param strategyOrdersPerSecond order-rate throttle per strategy name ({@code "*"} for any)
 * @param breakers circuit breakers
 * @param flattenOnKill whether the kill switch also closes positions with market orders
 * @param volatilityLambda EWMA decay for volatility sizing (0 &lt; λ &lt; 1)
 */
public record RiskConfig(
    Limits global,
    Map<String, Limits> venues,
    Map<String, Limits> instruments,
    Map<String, BigDecimal> totalGrossExposure,
    Map<String, BigDecimal> totalNetExposure,
    Map<String, Integer> strategyOrdersPerSecond,
    BreakerConfig breakers,
    boolean flattenOnKill,
    double volatilityLambda) {

  /** The documented global defaults. */
  public static final Limits DEFAULT_GLOBAL =
      Limits.builder()
          .priceCollarBps(500)
          .maxSlippageBps(50)
          .staleAfterMillis(5_000)
          .roundToRules(false)
          .requireBalances(true)
          .build();

  public RiskConfig {
    global = Objects.requireNonNullElse(global, Limits.NONE).over(DEFAULT_GLOBAL);
    venues = Map.copyOf(venues == null ? Map.of() : venues);
    instruments = Map.copyOf(instruments == null ? Map.of() : instruments);
    totalGrossExposure = Map.copyOf(totalGrossExposure == null ? Map.of() : totalGrossExposure);
    totalNetExposure = Map.copyOf(totalNetExposure == null ? Map.of() : totalNetExposure);
    strategyOrdersPerSecond =
        Map.copyOf(strategyOrdersPerSecond == null ? Map.of() : strategyOrdersPerSecond);
    breakers = Objects.requireNonNullElse(breakers, BreakerConfig.defaults());
    if (!(volatilityLambda > 0 && volatilityLambda < 1)) {
      throw new IllegalArgumentException(
          "volatilityLambda must be in (0, 1), was " + volatilityLambda);
    }
  }

  /** Defaults everywhere. */
  public static RiskConfig defaults() {
    return new RiskConfig(null, null, null, null, null, null, null, false, 0.94);
  }

  /** Effective limits for an instrument: instrument over venue over global. */
  public Limits effective(InstrumentId id) {
    Limits v = venues.getOrDefault(id.exchange(), Limits.NONE);
    Limits i = instruments.getOrDefault(id.toString(), Limits.NONE);
    return i.over(v.over(global));
  }

  /** Venue-level limits (venue over global). */
  public Limits venue(String venue) {
    return venues.getOrDefault(venue, Limits.NONE).over(global);
  }

  public RiskConfig withGlobal(Limits g) {
    return new RiskConfig(
        g,
        venues,
        instruments,
        totalGrossExposure,
        totalNetExposure,
        strategyOrdersPerSecond,
        breakers,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withVenue(String venue, Limits l) {
    Map<String, Limits> m = new java.util.HashMap<>(venues);
    m.put(venue, l);
    return new RiskConfig(
        global,
        m,
        instruments,
        totalGrossExposure,
        totalNetExposure,
        strategyOrdersPerSecond,
        breakers,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withInstrument(String canonicalId, Limits l) {
    Map<String, Limits> m = new java.util.HashMap<>(instruments);
    m.put(canonicalId, l);
    return new RiskConfig(
        global,
        venues,
        m,
        totalGrossExposure,
        totalNetExposure,
        strategyOrdersPerSecond,
        breakers,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withBreakers(BreakerConfig b) {
    return new RiskConfig(
        global,
        venues,
        instruments,
        totalGrossExposure,
        totalNetExposure,
        strategyOrdersPerSecond,
        b,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withStrategyRate(String strategy, int perSecond) {
    Map<String, Integer> m = new java.util.HashMap<>(strategyOrdersPerSecond);
    m.put(strategy, perSecond);
    return new RiskConfig(
        global,
        venues,
        instruments,
        totalGrossExposure,
        totalNetExposure,
        m,
        breakers,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withTotals(Map<String, BigDecimal> gross, Map<String, BigDecimal> net) {
    return new RiskConfig(
        global,
        venues,
        instruments,
        gross,
        net,
        strategyOrdersPerSecond,
        breakers,
        flattenOnKill,
        volatilityLambda);
  }

  public RiskConfig withFlattenOnKill(boolean flatten) {
    return new RiskConfig(
        global,
        venues,
        instruments,
        totalGrossExposure,
        totalNetExposure,
        strategyOrdersPerSecond,
        breakers,
        flatten,
        volatilityLambda);
  }
}
