package io.tradeserver.risk;

import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Sizing;
import io.tradeserver.position.BalanceLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a signal's notional or sizing rule into a base quantity at the instrument's step (always
 * rounded down), capped by the configured order limits.
 *
 * <ul>
 *   <li>Notional: quantity = notional / reference price.
 *   <li>Volatility: quantity = budget / (price × σ), with σ the EWMA (decay λ) of one-second log
 *       returns of live mids, so that a one-σ one-second move of the position is worth the budget.
 *       The first mid starts the series; a sample is taken at the first mid at least one second
 *       after the previous sample; σ is known after {@link #MIN_SAMPLES} returns.
 *   <li>Equity fraction: quantity = fraction × equity / price, equity being the venue's quote
 *       holding plus its base holding at the price.
 * </ul>
 *
 * The return statistics are ratios, not money, so they are kept in double; every amount is
 * BigDecimal and the result is exact units. Engine thread only.
 */
public final class Sizer {
  /** Returns needed before volatility sizing is allowed. */
  public static final int MIN_SAMPLES = 20;

  private static final long SAMPLE_NANOS = 1_000_000_000L;
  private final Map<InstrumentId, Ewma> vol = new HashMap<>();
  private double lambda;
  private RejectCode lastCode;

  /**
   * @param lambda EWMA decay, 0 &lt; λ &lt; 1
   */
  public Sizer(double lambda) {
    lambda(lambda);
  }

  /** Changes the decay for future samples (a limits reload). */
  public void lambda(double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1), was " + value);
    }
    this.lambda = value;
  }

  /** Feeds a mid price (every book update; sampled once a second). */
  public void onMid(InstrumentId id, Price mid, long now) {
    double price = (double) mid.units() / Decimals.pow10(mid.scale());
    vol.computeIfAbsent(id, k -> new Ewma()).sample(price, now, lambda);
  }

  /** Current σ of one-second returns, or NaN before {@link #MIN_SAMPLES}. */
  public double sigma(InstrumentId id) {
    Ewma e = vol.get(id);
    return e == null || e.samples < MIN_SAMPLES ? Double.NaN : Math.sqrt(e.variance);
  }

  /**
   * Quantity for a quote amount at a reference price, down to the step.
   *
   * @throws ArithmeticException when the quantity does not fit the instrument's fixed point
   */
  public static Quantity forNotional(Instrument in, BigDecimal notional, Price reference) {
    return down(
        in, notional.divide(reference.toBigDecimal(), in.quantityScale(), RoundingMode.DOWN));
  }

  /**
   * Quantity for a sizing rule, or null with {@code why[0]} set (and {@link #lastCode()}) when it
   * cannot be computed.
   *
   * @param reference the limit price, or mid for a market order
   * @param limits the effective limits of the instrument (caps)
   */
  public Quantity size(
      Instrument in,
      Sizing sizing,
      Price reference,
      BalanceLedger balances,
      Limits limits,
      String[] why) {
    int qs = in.quantityScale();
    BigDecimal price = reference.toBigDecimal();
    BigDecimal raw;
    if (sizing.mode() == Sizing.Mode.VOLATILITY) {
      double sigma = sigma(in.id());
      if (Double.isNaN(sigma) || sigma <= 0) {
        return fail(
            RejectCode.NO_REFERENCE_PRICE,
            "volatility of " + in.id() + " not known yet (needs " + MIN_SAMPLES + " samples)",
            why);
      }
      raw = sizing.value().divide(price.multiply(BigDecimal.valueOf(sigma)), qs, RoundingMode.DOWN);
    } else {
      BigDecimal equity = equity(in, price, balances);
      if (equity == null) {
        return fail(
            RejectCode.INSUFFICIENT_BALANCE, "balances of " + in.exchange() + " unknown", why);
      }
      raw = equity.multiply(sizing.value()).divide(price, qs, RoundingMode.DOWN);
    }
    if (limits.maxOrderQuantity() != null) {
      raw = raw.min(limits.maxOrderQuantity());
    }
    if (limits.maxOrderNotional() != null) {
      raw = raw.min(limits.maxOrderNotional().divide(price, qs, RoundingMode.DOWN));
    }
    try {
      lastCode = null;
      return down(in, raw);
    } catch (ArithmeticException e) {
      return fail(
          RejectCode.NOTIONAL_OVERFLOW,
          "sized quantity " + raw.toPlainString() + " does not fit " + in.id(),
          why);
    }
  }

  /** Why the last {@link #size} returned null. */
  public RejectCode lastCode() {
    return lastCode;
  }

  private Quantity fail(RejectCode code, String detail, String[] why) {
    lastCode = code;
    why[0] = detail;
    return null;
  }

  /** Quote holdings plus base holdings at the reference price, on the instrument's venue. */
  private static BigDecimal equity(Instrument in, BigDecimal price, BalanceLedger balances) {
    Quantity quote = balances.total(in.exchange(), in.id().quote());
    Quantity base = balances.total(in.exchange(), in.id().base());
    if (quote == null) {
      return null;
    }
    return quote.toBigDecimal().add(base.toBigDecimal().multiply(price));
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
      if (price <= 0) {
        return;
      }
      if (Double.isNaN(last)) {
        last = price;
        lastNanos = now;
        return;
      }
      if (now - lastNanos < SAMPLE_NANOS) {
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
