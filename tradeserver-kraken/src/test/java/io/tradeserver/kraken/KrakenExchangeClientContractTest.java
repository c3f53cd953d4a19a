package io.tradeserver.kraken;

import io.tradeserver.spi.ExchangeClientContractTest;

/** The venue-independent contract, against the fake Kraken. */
class KrakenExchangeClientContractTest extends ExchangeClientContractTest {
  @Override
  protected Fixture createFixture() throws Exception {
    return new KrakenFixture();
  }
}
