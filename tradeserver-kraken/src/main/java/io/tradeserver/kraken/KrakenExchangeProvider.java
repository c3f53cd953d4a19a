package io.tradeserver.kraken;

import io.tradeserver.kraken.internal.KrakenExchangeClient;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;

/**
 * Creates Kraken spot clients (provider id {@code kraken}). Found by {@link
 * java.util.ServiceLoader}. Thread-safe and stateless.
 *
 * <p>One API key per process: the client keeps Kraken's nonce strictly increasing for its key,
 * which no other process can see. Two clients (or processes) sharing a key will refuse each other's
 * nonces.
 */
public final class KrakenExchangeProvider implements ExchangeClientProvider {
  public static final String ID = "kraken";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ExchangeClient create(ExchangeContext context) {
    return new KrakenExchangeClient(KrakenConfig.from(context.config()), context);
  }
}
