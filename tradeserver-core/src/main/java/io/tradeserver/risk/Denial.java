package io.tradeserver.risk;

import io.tradeserver.model.RejectCode;
import java.util.Objects;

/**
 * Why the risk engine refused an order: a stable code and a detail with the numbers, e.g. {@code
 * NOTIONAL_ABOVE_LIMIT limit=5000 notional=6120.50}.
 */
public record Denial(RejectCode code, String detail) {
  public Denial {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return code + " " + detail;
  }
}
