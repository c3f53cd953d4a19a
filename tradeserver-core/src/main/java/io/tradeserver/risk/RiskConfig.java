package io.tradeserver.risk;

import io.tradeserver.model.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole risk configuration; immutable and swapped atomically on reload. The constructor
 * validates everything (every level of limits, totals, throttles, breakers) and reports all
 * problems in one {@link IllegalArgumentException}.
 *
 * @param global limits for everything (defaults: 500 bps collar, 50 bps slippage, 5 s staleness,
 *     balances required, no rounding)
 * @param venues per-venue overrides and venue-level caps (exposure, open orders, order rate)
 * @param instruments per-instrument overrides, keyed by canonical id {@code binance:BTC-USDT}
 * @param totalGrossExposure cap across all venues on the sum of |position| × mark, per quote
 *     currency (open orders counted on their worse side)
 * @param totalNetExposure cap across all venues on |sum of position × mark|, per quote currency
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
    List<String> p = new ArrayList<>();
    global.problems("global", p);
    venues.forEach(
        (venue, l) -> {
          if (!venue.matches(VENUE_ID)) {
            p.add("venue '" + venue + "': not a venue id (" + VENUE_ID + ")");
          }
          l.problems("venue " + venue, p);
        });
    instruments.forEach(
        (id, l) -> {
          if (!isCanonical(id)) {
            p.add("instrument '" + id + "': not a canonical id exchange:BASE-QUOTE");
          }
          l.problems("instrument " + id, p);
        });
    totals("totalGrossExposure", totalGrossExposure, p);
    totals("totalNetExposure", totalNetExposure, p);
    strategyOrdersPerSecond.forEach(
        (strategy, rate) -> {
          if (strategy.isBlank() || rate < 1 || rate > 1_000_000) {
            p.add(
                "strategyOrdersPerSecond: "
                    + strategy
                    + " must be a strategy name with a rate 1..1000000, was "
                    + rate);
          }
        });
    breakers.problems(p);
    if (!(volatilityLambda > 0 && volatilityLambda < 1)) {
      p.add("volatilityLambda must be in (0, 1), was " + volatilityLambda);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid risk config: " + String.join("; ", p));
    }
  }

  private static final String VENUE_ID = "[a-z0-9][a-z0-9_-]{0,31}";

  private static boolean isCanonical(String id) {
    try {
      return InstrumentId.parse(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void totals(String name, Map<String, BigDecimal> m, List<String> p) {
    m.forEach(
        (quote, v) -> {
          if (quote.isBlank() || v.signum() < 0) {
            p.add(name + ": " + quote + " must be >= 0, was " + v.toPlainString());
          }
        });
  }

  /**
   * Problems of this configuration in a running engine with {@code venues}: limits for a venue that
   * is not configured would silently never apply, so they are refused.
   */
  public List<String> problemsFor(Collection<String> knownVenues) {
    List<String> p = new ArrayList<>();
    for (String v : venues.keySet()) {
      if (!knownVenues.contains(v)) {
        p.add("venue '" + v + "' has limits but is not configured (venues: " + knownVenues + ")");
      }
    }
    for (String id : instruments.keySet()) {
      String v = InstrumentId.parse(id).exchange();
      if (!knownVenues.contains(v)) {
        p.add("instrument " + id + " is on venue '" + v + "', which is not configured");
      }
    }
    return p;
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
