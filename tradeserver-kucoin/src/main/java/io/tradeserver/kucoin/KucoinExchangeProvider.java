package io.tradeserver.kucoin;

import io.tradeserver.kucoin.internal.KucoinExchangeClient;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;

/**
 * Creates KuCoin spot clients; found by {@link java.util.ServiceLoader} under the id {@code
 * kucoin}. Stateless and thread-safe.
 */
public final class KucoinExchangeProvider implements ExchangeClientProvider {
  /** The provider id used in configuration. */
  public static final String ID = "kucoin";

  @Override
  public String id() {
    return ID;
  }

  /**
   * Validates the venue config and its KuCoin options (see {@link KucoinConfig}) and builds a
   * client; nothing connects until {@link ExchangeClient#start()}.
   *
   * @throws IllegalArgumentException naming every invalid setting
   */
  @Override
  public ExchangeClient create(ExchangeContext context) {
    return new KucoinExchangeClient(context, KucoinConfig.from(context.config()));
  }
}
