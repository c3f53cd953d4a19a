package io.tradeserver.risk;

import io.tradeserver.model.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument's effective limits in units at its scales, so checks compare longs. Caps are
 * rounded down (toward stricter). {@code Long.MAX_VALUE} / {@code -1} mean "no limit".
 */
final class ResolvedLimits {
  final long maxOrderQuantity; // quantity units
  final long maxOrderNotional; // notional units
  final int collarBps;
  final int maxSlippageBps;
  final long maxPosition; // quantity units
  final int maxOpenOrders;
  final long staleNanos;
  final boolean round;
  final boolean requireBalances;
  final Limits source;

  ResolvedLimits(Instrument in, Limits l) {
    this.source = l;
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
  }

  static long units(BigDecimal v, int scale) {
    if (v == null) {
      return Long.MAX_VALUE;
    }
    BigDecimal s = v.setScale(scale, RoundingMode.DOWN);
    return s.unscaledValue().bitLength() > 62 ? Long.MAX_VALUE : s.unscaledValue().longValue();
  }
}
