package io.tradeserver.bench.load;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * With WebSocket order entry, whether the adapter's order connection is up: an adapter refuses an
 * order it cannot hand to the socket as never sent ({@code VENUE_UNAVAILABLE}), and Kraken's
 * authenticated socket opens only after the instruments are loaded, so the load test waits for it
 * before the first order. With REST it is ready at once. Thread-safe.
 */
final class OrderPathReady {
  private final CountDownLatch ready;
  private final Channel orderChannel;

  OrderPathReady(VenueConfig config) {
    this.ready = new CountDownLatch(config.orderEntry() == OrderEntry.WEBSOCKET ? 1 : 0);
    // Kraken sends orders on its authenticated (private) socket; Binance has a connection of its
    // own for them, and its private stream being up says nothing about it.
    this.orderChannel =
        config.provider().equals("kraken") ? Channel.PRIVATE_STREAM : Channel.ORDER_ENTRY;
  }

  /** Counts the order connection (Binance: ORDER_ENTRY; Kraken: PRIVATE_STREAM) as up. */
  void onEvent(VenueEvent e) {
    if (e instanceof ConnectionEvent c
        && c.state() == ConnectionState.CONNECTED
        && c.channel() == orderChannel) {
      ready.countDown();
    }
  }

  void await(String venue) throws InterruptedException {
    if (!ready.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(venue + ": order connection not up within 60 s");
    }
  }
}
