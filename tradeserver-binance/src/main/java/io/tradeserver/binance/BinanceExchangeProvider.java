package io.tradeserver.binance;

import io.tradeserver.binance.internal.BinanceExchangeClient;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;

/**
 * Creates Binance spot clients; found by {@link java.util.ServiceLoader} under the id {@code
 * binance}. Thread-safe and stateless.
 */
public final class BinanceExchangeProvider implements ExchangeClientProvider {
  public static final String ID = "binance";

  @Override
  public String id() {
    return ID;
  }

  /**
   * @throws IllegalArgumentException naming every invalid setting ({@link BinanceConfig#from})
   */
  @Override
  public ExchangeClient create(ExchangeContext context) {
    return new BinanceExchangeClient(BinanceConfig.from(context.config()), context);
  }
}
