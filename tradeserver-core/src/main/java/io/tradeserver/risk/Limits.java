package io.tradeserver.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pre-trade limits at one level (global, venue or instrument). A null field inherits from the level
 * above (instrument → venue → global); at the global level null means "no limit" (or the documented
 * default). Quantities are in the base asset, money in the quote currency. A value set at the
 * global level is also the default of every venue (open orders, exposure, order rate) and
 * instrument. Validation happens where the levels come together, in {@link RiskConfig}, so every
 * problem of a whole configuration is reported at once.
 *
 * @param maxOrderQuantity largest order quantity
 * @param maxOrderNotional largest order price × quantity
 * @param priceCollarBps a limit price further than this from mid is refused
 * @param maxSlippageBps default allowed market-order slippage from mid (a signal may ask for less)
 * @param maxPosition largest absolute position including open orders
 * @param maxGrossExposure largest sum of |position| × mark (venue or total level)
 * @param maxNetExposure largest |sum of position × mark| (venue or total level)
 * @param maxOpenOrders most open orders (per instrument at instrument level, per venue at venue
 *     level)
 * @param ordersPerSecond order-rate throttle (per venue at venue level, per strategy in strategy
 *     limits)
 * @param staleAfterMillis a reference price older than this is stale (fail closed)
 * @param roundToRules round price/quantity to the venue's tick and step instead of refusing
 * @param requireBalances refuse orders on a venue whose balances are unknown
 */
public record Limits(
    BigDecimal maxOrderQuantity,
    BigDecimal maxOrderNotional,
    Integer priceCollarBps,
    Integer maxSlippageBps,
    BigDecimal maxPosition,
    BigDecimal maxGrossExposure,
    BigDecimal maxNetExposure,
    Integer maxOpenOrders,
    Integer ordersPerSecond,
    Long staleAfterMillis,
    Boolean roundToRules,
    Boolean requireBalances) {

  /** Every field unset. */
  public static final Limits NONE =
      new Limits(null, null, null, null, null, null, null, null, null, null, null, null);

  /** Field-by-field: this level's value, else {@code parent}'s. */
  public Limits over(Limits parent) {
    return new Limits(
        or(maxOrderQuantity, parent.maxOrderQuantity),
        or(maxOrderNotional, parent.maxOrderNotional),
        or(priceCollarBps, parent.priceCollarBps),
        or(maxSlippageBps, parent.maxSlippageBps),
        or(maxPosition, parent.maxPosition),
        or(maxGrossExposure, parent.maxGrossExposure),
        or(maxNetExposure, parent.maxNetExposure),
        or(maxOpenOrders, parent.maxOpenOrders),
        or(ordersPerSecond, parent.ordersPerSecond),
        or(staleAfterMillis, parent.staleAfterMillis),
        or(roundToRules, parent.roundToRules),
        or(requireBalances, parent.requireBalances));
  }

  /**
   * Adds this level's problems to {@code out}, each prefixed with {@code where} (e.g. {@code "venue
   * binance"}).
   */
  void problems(String where, List<String> out) {
    positive(where, "maxOrderQuantity", maxOrderQuantity, out);
    positive(where, "maxOrderNotional", maxOrderNotional, out);
    range(where, "priceCollarBps", priceCollarBps, 0, 10_000, out);
    range(where, "maxSlippageBps", maxSlippageBps, 0, 10_000, out);
    notNegative(where, "maxPosition", maxPosition, out);
    notNegative(where, "maxGrossExposure", maxGrossExposure, out);
    notNegative(where, "maxNetExposure", maxNetExposure, out);
    range(where, "maxOpenOrders", maxOpenOrders, 1, Integer.MAX_VALUE, out);
    range(where, "ordersPerSecond", ordersPerSecond, 1, 1_000_000, out);
    if (staleAfterMillis != null && (staleAfterMillis < 1 || staleAfterMillis > 86_400_000L)) {
      out.add(where + ": staleAfterMillis must be 1..86400000, was " + staleAfterMillis);
    }
  }

  private static void positive(String where, String name, BigDecimal v, List<String> out) {
    if (v != null && v.signum() <= 0) {
      out.add(where + ": " + name + " must be > 0, was " + v.toPlainString());
    }
  }

  private static void notNegative(String where, String name, BigDecimal v, List<String> out) {
    if (v != null && v.signum() < 0) {
      out.add(where + ": " + name + " must be >= 0, was " + v.toPlainString());
    }
  }

  private static void range(
      String where, String name, Integer v, int min, int max, List<String> out) {
    if (v != null && (v < min || v > max)) {
      out.add(where + ": " + name + " must be " + min + ".." + max + ", was " + v);
    }
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; unset fields stay null (inherit). */
  public static final class Builder {
    private BigDecimal maxOrderQuantity;
    private BigDecimal maxOrderNotional;
    private Integer priceCollarBps;
    private Integer maxSlippageBps;
    private BigDecimal maxPosition;
    private BigDecimal maxGrossExposure;
    private BigDecimal maxNetExposure;
    private Integer maxOpenOrders;
    private Integer ordersPerSecond;
    private Long staleAfterMillis;
    private Boolean roundToRules;
    private Boolean requireBalances;

    public Builder maxOrderQuantity(String v) {
      maxOrderQuantity = new BigDecimal(v);
      return this;
    }

    public Builder maxOrderNotional(String v) {
      maxOrderNotional = new BigDecimal(v);
      return this;
    }

    public Builder priceCollarBps(int v) {
      priceCollarBps = v;
      return this;
    }

    public Builder maxSlippageBps(int v) {
      maxSlippageBps = v;
      return this;
    }

    public Builder maxPosition(String v) {
      maxPosition = new BigDecimal(v);
      return this;
    }

    public Builder maxGrossExposure(String v) {
      maxGrossExposure = new BigDecimal(v);
      return this;
    }

    public Builder maxNetExposure(String v) {
      maxNetExposure = new BigDecimal(v);
      return this;
    }

    public Builder maxOpenOrders(int v) {
      maxOpenOrders = v;
      return this;
    }

    public Builder ordersPerSecond(int v) {
      ordersPerSecond = v;
      return this;
    }

    public Builder staleAfterMillis(long v) {
      staleAfterMillis = v;
      return this;
    }

    public Builder roundToRules(boolean v) {
      roundToRules = v;
      return this;
    }

    public Builder requireBalances(boolean v) {
      requireBalances = v;
      return this;
    }

    public Limits build() {
      return new Limits(
          maxOrderQuantity,
          maxOrderNotional,
          priceCollarBps,
          maxSlippageBps,
          maxPosition,
          maxGrossExposure,
          maxNetExposure,
          maxOpenOrders,
          ordersPerSecond,
          staleAfterMillis,
          roundToRules,
          requireBalances);
    }
  }
}
