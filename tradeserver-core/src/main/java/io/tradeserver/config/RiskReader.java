package io.tradeserver.config;

import io.tradeserver.model.InstrumentId;
import io.tradeserver.risk.BreakerConfig;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.TradingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the {@code risk} section into a {@link RiskConfig}. */
final class RiskReader {
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  private static final Duration MIN_WINDOW = Duration.ofMillis(1);

  private RiskReader() {}

  /**
   * @param venueIds configured venues, to check the keys of {@code risk.venues} and {@code
   *     risk.instruments}
   */
  static RiskConfig read(Section s, Set<String> venueIds, LoadContext ctx) {
    Limits global = limits(s.object("global"));
    Map<String, Limits> venues = new LinkedHashMap<>();
    s.entries("venues", "<venue>")
        .forEach(
            (id, v) -> {
              if (!venueIds.contains(id)) {
                ctx.problem(v.path, "no venue " + id + " in venues (have " + venueIds + ")");
              }
              venues.put(id, limits(v));
            });
    Map<String, Limits> instruments = new LinkedHashMap<>();
    s.entries("instruments", "<instrument>")
        .forEach(
            (id, v) -> {
              instrumentId(id, v.path, venueIds, ctx);
              instruments.put(id, limits(v));
            });
    Map<String, BigDecimal> gross = s.decimals("totalGrossExposure", Section.Sign.POSITIVE);
    Map<String, BigDecimal> net = s.decimals("totalNetExposure", Section.Sign.POSITIVE);
    Map<String, Integer> strategies = s.integers("strategyOrdersPerSecond", 1, 1_000_000);
    BreakerConfig breakers = breakers(s.object("breakers"), ctx);
    boolean flatten = s.bool("flattenOnKill", false);
    BigDecimal lambda =
        s.decimal("volatilityLambda", new BigDecimal("0.94"), Section.Sign.POSITIVE);
    if (lambda.compareTo(BigDecimal.ONE) >= 0) {
      s.problem("volatilityLambda", "must be in (0, 1), was " + lambda.toPlainString());
      lambda = new BigDecimal("0.94");
    }
    try {
      return new RiskConfig(
          global,
          venues,
          instruments,
          gross,
          net,
          strategies,
          breakers,
          flatten,
          lambda.doubleValue());
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return RiskConfig.defaults();
    }
  }

  private static void instrumentId(String id, String path, Set<String> venueIds, LoadContext ctx) {
    try {
      InstrumentId parsed = InstrumentId.parse(id);
      if (!id.equals(parsed.toString())) {
        ctx.problem(path, "must be written exchange:BASE-QUOTE, e.g. " + parsed);
      } else if (!venueIds.contains(parsed.exchange())) {
        ctx.problem(path, "no venue " + parsed.exchange() + " in venues (have " + venueIds + ")");
      }
    } catch (IllegalArgumentException e) {
      ctx.problem(path, "must be an instrument id exchange:BASE-QUOTE, e.g. binance:BTC-USDT");
    }
  }

  /** One level of limits; every field optional (null inherits). */
  static Limits limits(Section s) {
    return new Limits(
        s.decimal("maxOrderQuantity", null, Section.Sign.POSITIVE),
        s.decimal("maxOrderNotional", null, Section.Sign.POSITIVE),
        s.integer("priceCollarBps", null, 1, 10_000),
        s.integer("maxSlippageBps", null, 0, 10_000),
        s.decimal("maxPosition", null, Section.Sign.POSITIVE),
        s.decimal("maxGrossExposure", null, Section.Sign.POSITIVE),
        s.decimal("maxNetExposure", null, Section.Sign.POSITIVE),
        s.integer("maxOpenOrders", null, 1, 1_000_000),
        s.integer("ordersPerSecond", null, 1, 1_000_000),
        s.longValue("staleAfterMillis", null, 1, 3_600_000),
        s.bool("roundToRules", null),
        s.bool("requireBalances", null));
  }

  private static BreakerConfig breakers(Section s, LoadContext ctx) {
    BreakerConfig d = BreakerConfig.defaults();
    try {
      return new BreakerConfig(
          s.decimals("dailyLoss", Section.Sign.POSITIVE),
          target(s, "dailyLossTarget", d.dailyLossTarget()),
          s.decimals("drawdown", Section.Sign.POSITIVE),
          target(s, "drawdownTarget", d.drawdownTarget()),
          intOrNull(s, "consecutiveVenueErrors", d.consecutiveVenueErrors(), 1, 1_000_000),
          intOrNull(s, "rejectRatePercent", d.rejectRatePercent(), 1, 100),
          s.duration("rejectRateWindow", d.rejectRateWindow(), MIN_WINDOW, MAX_WINDOW),
          s.integer("rejectRateMinOrders", d.rejectRateMinOrders(), 1, 1_000_000),
          target(s, "venueErrorTarget", d.venueErrorTarget()),
          s.durationOrNull("ackLatencyP99", d.ackLatencyP99(), MIN_WINDOW, Duration.ofMinutes(10)),
          s.duration("ackLatencyWindow", d.ackLatencyWindow(), MIN_WINDOW, MAX_WINDOW),
          target(s, "ackLatencyTarget", d.ackLatencyTarget()),
          s.durationOrNull("staleMarketData", d.staleMarketData(), MIN_WINDOW, MAX_WINDOW),
          target(s, "staleMarketDataTarget", d.staleMarketDataTarget()),
          s.explicitNull("volatilityMovePercent")
              ? null
              : percent(s, "volatilityMovePercent", d.volatilityMovePercent()),
          s.duration("volatilityWindow", d.volatilityWindow(), MIN_WINDOW, MAX_WINDOW),
          target(s, "volatilityTarget", d.volatilityTarget()),
          target(s, "venueBanTarget", d.venueBanTarget()));
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return d;
    }
  }

  private static BigDecimal percent(Section s, String name, BigDecimal def) {
    BigDecimal v = s.decimal(name, def, Section.Sign.POSITIVE);
    if (v.compareTo(new BigDecimal("100")) > 0) {
      s.problem(name, "must be > 0 and <= 100, was " + v.toPlainString());
      return def;
    }
    return v;
  }

  private static Integer intOrNull(Section s, String name, Integer def, long min, long max) {
    return s.explicitNull(name) ? null : s.integer(name, def, min, max);
  }

  private static TradingState target(Section s, String name, TradingState def) {
    TradingState t = s.enumValue(name, TradingState.class, def);
    if (t == TradingState.ACTIVE) {
      s.problem(name, "must be HALTED or REDUCING, was ACTIVE");
      return def;
    }
    return t;
  }
}
