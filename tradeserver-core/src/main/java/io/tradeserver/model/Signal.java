package io.tradeserver.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a strategy wants traded (DESIGN §6). Decimals keep the scale they were written with; the
 * engine brings them to the instrument's scale once the venue is chosen.
 *
 * @param signalId unique id from the strategy; a repeated id is not traded again
 * @param strategy strategy name, used for per-strategy throttles and metrics
 * @param symbol {@code BASE-QUOTE}
 * @param side buy or sell
 * @param type LIMIT or MARKET (LIMIT_MAKER for post-only)
 * @param quantity base quantity, or null when {@code notional} or {@code sizing} is given
 * @param notional quote amount, or null
 * @param price limit price; required for LIMIT, optional reference for MARKET
 * @param exchange venue id, or null to let the router choose ("best")
 * @param timeInForce GTC when not given
 * @param maxSlippageBps for market orders: allowed slippage from mid, or null for the configured
 *     default
 * @param timestampMillis the strategy's timestamp (epoch ms), 0 when not given
 * @param sizing volatility or equity sizing, or null
 * @param receivedNanos when TradeServer received it (clock nanos), for latency accounting
 */
public record Signal(
    String signalId,
    String strategy,
    String symbol,
    Side side,
    OrderType type,
    Quantity quantity,
    Quantity notional,
    Price price,
    String exchange,
    TimeInForce timeInForce,
    Integer maxSlippageBps,
    long timestampMillis,
    Sizing sizing,
    long receivedNanos) {

  /** Venue id meaning "let the router pick". */
  public static final String BEST = "best";

  public Signal {
    List<String> problems = new ArrayList<>();
    if (signalId == null || signalId.isBlank()) {
      problems.add("signalId is required");
    }
    if (symbol == null || symbol.isBlank()) {
      problems.add("symbol is required");
    }
    if (side == null) {
      problems.add("side is required");
    }
    if (type == null) {
      problems.add("type is required");
    }
    int sizes = (quantity != null ? 1 : 0) + (notional != null ? 1 : 0) + (sizing != null ? 1 : 0);
    if (sizes != 1) {
      problems.add("exactly one of quantity, notional, sizing is required");
    }
    if (quantity != null && !quantity.isPositive()) {
      problems.add("quantity must be > 0, was " + quantity);
    }
    if (notional != null && !notional.isPositive()) {
      problems.add("notional must be > 0, was " + notional);
    }
    if (type != null && type != OrderType.MARKET && price == null) {
      problems.add("price is required for " + type);
    }
    if (maxSlippageBps != null && (maxSlippageBps < 0 || maxSlippageBps > 10_000)) {
      problems.add("maxSlippageBps must be 0..10000, was " + maxSlippageBps);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    if (strategy == null || strategy.isBlank()) {
      strategy = "default";
    }
    if (timeInForce == null) {
      timeInForce = TimeInForce.GTC;
    }
    if (exchange != null && (exchange.isBlank() || exchange.equalsIgnoreCase(BEST))) {
      exchange = null;
    }
  }

  /** True when the router picks the venue. */
  public boolean routed() {
    return exchange == null;
  }

  public Signal withReceivedNanos(long nanos) {
    return new Signal(
        signalId,
        strategy,
        symbol,
        side,
        type,
        quantity,
        notional,
        price,
        exchange,
        timeInForce,
        maxSlippageBps,
        timestampMillis,
        sizing,
        nanos);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; {@link #build()} validates and reports every problem at once. */
  public static final class Builder {
    private String signalId;
    private String strategy;
    private String symbol;
    private Side side;
    private OrderType type;
    private Quantity quantity;
    private Quantity notional;
    private Price price;
    private String exchange;
    private TimeInForce timeInForce;
    private Integer maxSlippageBps;
    private long timestampMillis;
    private Sizing sizing;
    private long receivedNanos;

    public Builder signalId(String v) {
      signalId = v;
      return this;
    }

    public Builder strategy(String v) {
      strategy = v;
      return this;
    }

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder side(Side v) {
      side = v;
      return this;
    }

    public Builder type(OrderType v) {
      type = v;
      return this;
    }

    public Builder quantity(Quantity v) {
      quantity = v;
      return this;
    }

    public Builder quantity(String v) {
      quantity = v == null ? null : Quantity.parse(v);
      return this;
    }

    public Builder notional(Quantity v) {
      notional = v;
      return this;
    }

    public Builder price(Price v) {
      price = v;
      return this;
    }

    public Builder price(String v) {
      price = v == null ? null : Price.parse(v);
      return this;
    }

    public Builder exchange(String v) {
      exchange = v;
      return this;
    }

    public Builder timeInForce(TimeInForce v) {
      timeInForce = v;
      return this;
    }

    public Builder maxSlippageBps(Integer v) {
      maxSlippageBps = v;
      return this;
    }

    public Builder timestampMillis(long v) {
      timestampMillis = v;
      return this;
    }

    public Builder sizing(Sizing v) {
      sizing = v;
      return this;
    }

    public Builder receivedNanos(long v) {
      receivedNanos = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException listing every problem
     */
    public Signal build() {
      return new Signal(
          signalId,
          strategy,
          symbol,
          side,
          type,
          quantity,
          notional,
          price,
          exchange,
          timeInForce,
          maxSlippageBps,
          timestampMillis,
          sizing,
          receivedNanos);
    }
  }
}
