package io.tradeserver.spi;

/**
 * Creates {@link ExchangeClient}s for one venue type. Found with {@link java.util.ServiceLoader}:
 * list the implementation in {@code META-INF/services/io.tradeserver.spi.ExchangeClientProvider}.
 * Ids are a contract: {@code binance}, {@code kucoin}, {@code kraken}, {@code sim}.
 */
public interface ExchangeClientProvider {

  /** The provider id used in configuration ({@code "binance"}). */
  String id();

  /**
   * Creates a client from the context's {@link VenueConfig}.
   *
   * @throws IllegalArgumentException when the configuration is invalid for this venue, naming every
   *     problem
   */
  ExchangeClient create(ExchangeContext context);
}
