package io.tradeserver.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a signal asks to be sized when it gives neither quantity nor notional.
 *
 * @param mode the sizing rule
 * @param value for {@link Mode#VOLATILITY}: the risk budget in quote currency (quantity = budget /
 *     (price × σ)); for {@link Mode#EQUITY_FRACTION}: the fraction of equity, e.g. {@code 0.02}
 */
public record Sizing(Mode mode, BigDecimal value) {
  public Sizing {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(value, "value");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("sizing value must be > 0, was " + value);
    }
  }

  /** Sizing rules. */
  public enum Mode {
    VOLATILITY,
    EQUITY_FRACTION
  }
}
