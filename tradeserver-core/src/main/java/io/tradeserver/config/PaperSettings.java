package io.tradeserver.config;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Paper trading for one venue ({@code venues.<venue>.paper} and {@code paperBalances}): orders are
 * filled by a simulator against the venue's live book instead of being sent (read by the paper
 * feature).
 *
 * @param enabled whether the venue trades on paper
 * @param balances starting balances of the simulated account per asset; empty means the simulator's
 *     default
 */
public record PaperSettings(boolean enabled, Map<String, BigDecimal> balances) {
  public PaperSettings {
    balances = Map.copyOf(balances == null ? Map.of() : balances);
  }

  /** Live trading. */
  public static PaperSettings off() {
    return new PaperSettings(false, Map.of());
  }
}
