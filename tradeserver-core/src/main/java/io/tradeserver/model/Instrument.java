package io.tradeserver.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tradable instrument with the venue's rules, as loaded from the venue's metadata endpoint.
 *
 * @param id canonical id, {@code exchange:BASE-QUOTE}
 * @param nativeSymbol the venue's own symbol ({@code BTCUSDT}, {@code XXBTZUSD}, {@code BTC-USDT})
 * @param priceScale decimals of prices on this instrument (at least the tick's scale)
 * @param quantityScale decimals of quantities (at least the step's scale)
 * @param notionalScale decimals of quote amounts (notional, P&L) kept for this instrument
 * @param tickSize price increment; prices must be multiples of it
 * @param stepSize quantity increment; quantities must be multiples of it
 * @param minQuantity smallest order quantity (zero when the venue sets none)
 * @param maxQuantity largest order quantity, or null when unlimited
 * @param marketMaxQuantity largest market-order quantity, or null when the same as maxQuantity
 * @param minNotional smallest price × quantity in quote currency (zero when none)
 * @param maxNotional largest price × quantity, or null when unlimited
 * @param tradable false when the venue has halted or delisted it
 */
public record Instrument(
    InstrumentId id,
    String nativeSymbol,
    int priceScale,
    int quantityScale,
    int notionalScale,
    Price tickSize,
    Quantity stepSize,
    Quantity minQuantity,
    Quantity maxQuantity,
    Quantity marketMaxQuantity,
    Quantity minNotional,
    Quantity maxNotional,
    boolean tradable) {

  public Instrument {
    List<String> problems =
        validate(
            id,
            nativeSymbol,
            priceScale,
            quantityScale,
            notionalScale,
            tickSize,
            stepSize,
            minQuantity,
            minNotional);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid instrument " + id + ": " + String.join("; ", problems));
    }
  }

  public static Builder builder(InstrumentId id, String nativeSymbol) {
    return new Builder(id, nativeSymbol);
  }

  public Builder toBuilder() {
    return new Builder(id, nativeSymbol)
        .priceScale(priceScale)
        .quantityScale(quantityScale)
        .notionalScale(notionalScale)
        .tickSize(tickSize)
        .stepSize(stepSize)
        .minQuantity(minQuantity)
        .maxQuantity(maxQuantity)
        .marketMaxQuantity(marketMaxQuantity)
        .minNotional(minNotional)
        .maxNotional(maxNotional)
        .tradable(tradable);
  }

  /** Parses a price string exactly at this instrument's price scale. */
  public Price price(String text) {
    return Price.parse(text, priceScale);
  }

  /** Parses a quantity string exactly at this instrument's quantity scale. */
  public Quantity quantity(String text) {
    return Quantity.parse(text, quantityScale);
  }

  public String exchange() {
    return id.exchange();
  }

  public String symbol() {
    return id.symbol();
  }

  private static List<String> validate(
      InstrumentId id,
      String nativeSymbol,
      int priceScale,
      int quantityScale,
      int notionalScale,
      Price tickSize,
      Quantity stepSize,
      Quantity minQuantity,
      Quantity minNotional) {
    List<String> problems = new ArrayList<>();
    if (id == null) {
      problems.add("id is required");
    }
    if (nativeSymbol == null || nativeSymbol.isEmpty()) {
      problems.add("nativeSymbol is required");
    }
    checkScale("priceScale", priceScale, problems);
    checkScale("quantityScale", quantityScale, problems);
    checkScale("notionalScale", notionalScale, problems);
    if (tickSize == null || !tickSize.isPositive()) {
      problems.add("tickSize must be > 0, was " + tickSize);
    } else if (tickSize.scale() > priceScale) {
      problems.add("tickSize " + tickSize + " has more decimals than priceScale " + priceScale);
    }
    if (stepSize == null || !stepSize.isPositive()) {
      problems.add("stepSize must be > 0, was " + stepSize);
    } else if (stepSize.scale() > quantityScale) {
      problems.add(
          "stepSize " + stepSize + " has more decimals than quantityScale " + quantityScale);
    }
    if (minQuantity == null || minQuantity.signum() < 0) {
      problems.add("minQuantity must be >= 0, was " + minQuantity);
    }
    if (minNotional == null || minNotional.signum() < 0) {
      problems.add("minNotional must be >= 0, was " + minNotional);
    }
    return problems;
  }

  private static void checkScale(String name, int scale, List<String> problems) {
    if (scale < 0 || scale > Decimals.MAX_SCALE) {
      problems.add(name + " must be 0.." + Decimals.MAX_SCALE + ", was " + scale);
    }
  }

  /** Builds an {@link Instrument}; scales default to the tick's and step's own decimals. */
  public static final class Builder {
    private final InstrumentId id;
    private final String nativeSymbol;
    private int priceScale = -1;
    private int quantityScale = -1;
    private int notionalScale = -1;
    private Price tickSize;
    private Quantity stepSize;
    private Quantity minQuantity;
    private Quantity maxQuantity;
    private Quantity marketMaxQuantity;
    private Quantity minNotional;
    private Quantity maxNotional;
    private boolean tradable = true;

    private Builder(InstrumentId id, String nativeSymbol) {
      this.id = id;
      this.nativeSymbol = nativeSymbol;
    }

    public Builder priceScale(int v) {
      priceScale = v;
      return this;
    }

    public Builder quantityScale(int v) {
      quantityScale = v;
      return this;
    }

    /**
     * Decimals kept for quote amounts; defaults to {@code min(priceScale + quantityScale,
     * max(priceScale, 8))}.
     */
    public Builder notionalScale(int v) {
      notionalScale = v;
      return this;
    }

    public Builder tickSize(Price v) {
      tickSize = v;
      return this;
    }

    public Builder stepSize(Quantity v) {
      stepSize = v;
      return this;
    }

    public Builder minQuantity(Quantity v) {
      minQuantity = v;
      return this;
    }

    public Builder maxQuantity(Quantity v) {
      maxQuantity = v;
      return this;
    }

    public Builder marketMaxQuantity(Quantity v) {
      marketMaxQuantity = v;
      return this;
    }

    public Builder minNotional(Quantity v) {
      minNotional = v;
      return this;
    }

    public Builder maxNotional(Quantity v) {
      maxNotional = v;
      return this;
    }

    public Builder tradable(boolean v) {
      tradable = v;
      return this;
    }

    /**
     * Validates every field and reports all problems together.
     *
     * @throws IllegalArgumentException listing every problem found
     */
    public Instrument build() {
      int ps = priceScale >= 0 ? priceScale : tickSize == null ? 0 : tickSize.scale();
      int qs = quantityScale >= 0 ? quantityScale : stepSize == null ? 0 : stepSize.scale();
      int ns =
          notionalScale >= 0
              ? notionalScale
              : Math.min(Math.min(ps + qs, Decimals.MAX_SCALE), Math.max(ps, 8));
      return new Instrument(
          Objects.requireNonNull(id, "id"),
          nativeSymbol,
          ps,
          qs,
          ns,
          tickSize,
          stepSize,
          minQuantity == null ? Quantity.zero(qs) : minQuantity,
          maxQuantity,
          marketMaxQuantity,
          minNotional == null ? Quantity.zero(ns) : minNotional,
          maxNotional,
          tradable);
    }
  }
}
