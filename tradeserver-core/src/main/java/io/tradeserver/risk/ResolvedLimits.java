package io.tradeserver.risk;

import io.tradeserver.model.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument's effective limits in units at its scales, resolved once per configuration so the
 * checks compare longs and never look anything up by allocating. Caps are rounded down (toward
 * stricter). {@code Long.MAX_VALUE} / {@code Integer.MAX_VALUE} / {@code -1} mean "no limit".
 */
final class ResolvedLimits {
  /** Scale of exposure amounts (quote currency). */
  static final int EXPOSURE_SCALE = 8;

  final Instrument instrument;
  final long maxOrderQuantity; // quantity units
  final long maxOrderNotional; // notional units
  final int collarBps;
  final int maxSlippageBps;
  final long maxPosition; // quantity units
  final int maxOpenOrders; // on this instrument
  final long staleNanos;
  final boolean round;
  final boolean requireBalances;

  /** Instrument over venue over global, for details. */
  final Limits source;

  // Venue level (venue over global) and totals across venues for this instrument's quote.
  final int venueMaxOpenOrders;
  final int venueOrdersPerSecond; // 0: none
  final long venueGross; // exposure units, -1: none
  final long venueNet;
  final long totalGross;
  final long totalNet;
  final Limits venueSource;
  final BigDecimal totalGrossSource;
  final BigDecimal totalNetSource;

  ResolvedLimits(Instrument in, RiskConfig config) {
    this.instrument = in;
    Limits l = config.effective(in.id());
    Limits v = config.venue(in.exchange());
    this.source = l;
    this.venueSource = v;
    int qs = in.quantityScale();
    int ns = in.notionalScale();
    maxOrderQuantity = units(l.maxOrderQuantity(), qs);
    maxOrderNotional = units(l.maxOrderNotional(), ns);
    collarBps = l.priceCollarBps() == null ? -1 : l.priceCollarBps();
    maxSlippageBps = l.maxSlippageBps() == null ? 10_000 : l.maxSlippageBps();
    maxPosition = units(l.maxPosition(), qs);
    maxOpenOrders = l.maxOpenOrders() == null ? Integer.MAX_VALUE : l.maxOpenOrders();
    staleNanos = l.staleAfterMillis() == null ? Long.MAX_VALUE : l.staleAfterMillis() * 1_000_000L;
    round = Boolean.TRUE.equals(l.roundToRules());
    requireBalances = !Boolean.FALSE.equals(l.requireBalances());
    venueMaxOpenOrders = v.maxOpenOrders() == null ? Integer.MAX_VALUE : v.maxOpenOrders();
    venueOrdersPerSecond = v.ordersPerSecond() == null ? 0 : v.ordersPerSecond();
    venueGross = exposure(v.maxGrossExposure());
    venueNet = exposure(v.maxNetExposure());
    totalGrossSource = config.totalGrossExposure().get(in.id().quote());
    totalNetSource = config.totalNetExposure().get(in.id().quote());
    totalGross = exposure(totalGrossSource);
    totalNet = exposure(totalNetSource);
  }

  boolean hasExposureLimits() {
    return venueGross >= 0 || venueNet >= 0 || totalGross >= 0 || totalNet >= 0;
  }

  private static long exposure(BigDecimal v) {
    return v == null ? -1 : units(v, EXPOSURE_SCALE);
  }

  /**
   * A configured amount in units at {@code scale}, rounded down; {@code Long.MAX_VALUE} if none.
   */
  static long units(BigDecimal v, int scale) {
    if (v == null) {
      return Long.MAX_VALUE;
    }
    BigDecimal s = v.setScale(scale, RoundingMode.DOWN);
    return s.unscaledValue().bitLength() > 62 ? Long.MAX_VALUE : s.unscaledValue().longValue();
  }
}
