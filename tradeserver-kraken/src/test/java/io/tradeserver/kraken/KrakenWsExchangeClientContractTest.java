package io.tradeserver.kraken;

import io.tradeserver.spi.ExchangeClientContractTest;
import io.tradeserver.spi.OrderEntry;

/** The core contract with orders and cancels over WebSocket v2 ({@code orderEntry = WEBSOCKET}). */
class KrakenWsExchangeClientContractTest extends ExchangeClientContractTest {
  @Override
  protected Fixture createFixture() throws Exception {
    return new KrakenFixture(b -> b.orderEntry(OrderEntry.WEBSOCKET));
  }
}
