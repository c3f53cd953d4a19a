package io.tradeserver.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Canonical instrument identity {@code exchange:BASE-QUOTE}, e.g. {@code binance:BTC-USDT}. The
 * exchange is the venue id (lower case); assets are canonical upper-case codes (BTC, not XBT).
 */
public record InstrumentId(String exchange, String base, String quote) {

  public InstrumentId {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(quote, "quote");
    if (exchange.isEmpty() || base.isEmpty() || quote.isEmpty()) {
      throw new IllegalArgumentException("empty part in instrument id");
    }
  }

  /** Builds an id from a venue id and a {@code BASE-QUOTE} symbol. */
  public static InstrumentId of(String exchange, String symbol) {
    int dash = symbol.indexOf('-');
    if (dash <= 0 || dash == symbol.length() - 1 || symbol.indexOf('-', dash + 1) >= 0) {
      throw new IllegalArgumentException("symbol must be BASE-QUOTE, was '" + symbol + "'");
    }
    return new InstrumentId(
        exchange.toLowerCase(Locale.ROOT),
        symbol.substring(0, dash).toUpperCase(Locale.ROOT),
        symbol.substring(dash + 1).toUpperCase(Locale.ROOT));
  }

  /** Parses {@code exchange:BASE-QUOTE}. */
  public static InstrumentId parse(String canonical) {
    int colon = canonical.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "instrument id must be exchange:BASE-QUOTE, was '" + canonical + "'");
    }
    return of(canonical.substring(0, colon), canonical.substring(colon + 1));
  }

  /** {@code BASE-QUOTE}, the venue-independent symbol used in signals and NATS subjects. */
  public String symbol() {
    return base + '-' + quote;
  }

  /** The same symbol on another venue. */
  public InstrumentId onExchange(String otherExchange) {
    return new InstrumentId(otherExchange, base, quote);
  }

  @Override
  public String toString() {
    return exchange + ':' + base + '-' + quote;
  }

  /** Written out (Strings cache their hashes): a hot map key, hashed on every order. */
  @Override
  public int hashCode() {
    return (exchange.hashCode() * 31 + base.hashCode()) * 31 + quote.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstrumentId i
        && exchange.equals(i.exchange)
        && base.equals(i.base)
        && quote.equals(i.quote);
  }
}
