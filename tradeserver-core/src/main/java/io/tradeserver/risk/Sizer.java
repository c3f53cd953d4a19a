package io.tradeserver.risk;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Sizing;
import io.tradeserver.position.BalanceLedger;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a signal's notional or sizing rule into a base quantity at the instrument's step (rounded
 * down), capped by the configured order limits. Volatility sizing uses σ, an EWMA of one-second
 * returns of live mids: quantity = budget / (price × σ). The statistics are ratios, not money, so
 * they are kept in double; every amount is BigDecimal and the result is exact units. Engine thread
 * only.
 */
public final class Sizer {
  /** Samples needed before volatility sizing is allowed. */
  public static final int MIN_SAMPLES = 20;

  private static final long SAMPLE_NANOS = 1_000_000_000L;
  private final Map<InstrumentId, Ewma> vol = new HashMap<>();
  private final double lambda;

  public Sizer(double lambda) {
    this.lambda = lambda;
  }

  /** Feeds a mid price (every book update; sampled once a second). */
  public void onMid(InstrumentId id, Price mid, long now) {
    vol.computeIfAbsent(id, k -> new Ewma()).sample(mid.toBigDecimal().doubleValue(), now, lambda);
  }

  /** Current σ of one-second returns, or NaN before {@link #MIN_SAMPLES}. */
  public double sigma(InstrumentId id) {
    Ewma e = vol.get(id);
    return e == null || e.samples < MIN_SAMPLES ? Double.NaN : Math.sqrt(e.variance);
  }

  /** Quantity for a quote amount at a reference price, down to the step. */
  public static Quantity forNotional(Instrument in, BigDecimal notional, Price reference) {
    return down(in, notional.divide(reference.toBigDecimal(), MathContext.DECIMAL64));
  }

  /**
   * Quantity for a sizing rule; null with {@code why[0]} set when it cannot be computed.
   *
   * @param reference the limit price or mid
   */
  public Quantity size(
      Instrument in,
      Sizing sizing,
      Price reference,
      BalanceLedger balances,
      Limits limits,
      String[] why) {
    BigDecimal raw;
    if (sizing.mode() == Sizing.Mode.VOLATILITY) {
      double sigma = sigma(in.id());
      if (Double.isNaN(sigma) || sigma <= 0) {
        why[0] =
            "volatility of "
                + in.id()
                + " not known yet (needs "
                + MIN_SAMPLES
                + " one-second samples)";
        return null;
      }
      BigDecimal denominator = reference.toBigDecimal().multiply(BigDecimal.valueOf(sigma));
      raw = sizing.value().divide(denominator, MathContext.DECIMAL64);
    } else {
      BigDecimal equity = equity(in, reference, balances);
      if (equity == null) {
        why[0] = "balances of " + in.exchange() + " unknown";
        return null;
      }
      raw = equity.multiply(sizing.value()).divide(reference.toBigDecimal(), MathContext.DECIMAL64);
    }
    if (limits.maxOrderQuantity() != null) {
      raw = raw.min(limits.maxOrderQuantity());
    }
    if (limits.maxOrderNotional() != null) {
      raw =
          raw.min(
              limits.maxOrderNotional().divide(reference.toBigDecimal(), MathContext.DECIMAL64));
    }
    return down(in, raw);
  }

  /** Quote holdings plus base holdings at the reference price, on the instrument's venue. */
  private static BigDecimal equity(Instrument in, Price reference, BalanceLedger balances) {
    Quantity quote = balances.total(in.exchange(), in.id().quote());
    Quantity base = balances.total(in.exchange(), in.id().base());
    if (quote == null) {
      return null;
    }
    return quote.toBigDecimal().add(base.toBigDecimal().multiply(reference.toBigDecimal()));
  }

  private static Quantity down(Instrument in, BigDecimal raw) {
    BigDecimal q = raw.max(BigDecimal.ZERO).setScale(in.quantityScale(), RoundingMode.DOWN);
    return Quantity.of(q.unscaledValue().longValueExact(), in.quantityScale())
        .roundDownToStep(in.stepSize())
        .withScale(in.quantityScale());
  }

  /** EWMA variance of one-second log returns. */
  private static final class Ewma {
    double last = Double.NaN;
    long lastNanos;
    double variance;
    int samples;

    void sample(double price, long now, double lambda) {
      if (Double.isNaN(last)) {
        last = price;
        lastNanos = now;
        return;
      }
      if (now - lastNanos < SAMPLE_NANOS || price <= 0) {
        return;
      }
      double r = Math.log(price / last);
      variance = samples == 0 ? r * r : lambda * variance + (1 - lambda) * r * r;
      samples++;
      last = price;
      lastNanos = now;
    }
  }
}
