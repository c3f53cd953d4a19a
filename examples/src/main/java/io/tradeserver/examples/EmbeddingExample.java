package io.tradeserver.examples;

import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's embedding example, verbatim between the markers, compiled with the project and run
 * by {@code EmbeddingExampleTest} so it cannot rot.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Returns the number of fills seen. */
  public static long run() throws Exception {
    // README:begin
    CountDownLatch filled = new CountDownLatch(1);
    TradeServerListener listener =
        new TradeServerListener() {
          @Override
          public void onOrder(Order order) { // engine thread: keep it quick
            System.out.println(order.clientOrderId() + " " + order.status());
          }

          @Override
          public void onFill(Fill fill, Order order, boolean reconciled) {
            System.out.println("filled " + fill.quantity() + " @ " + fill.price());
            filled.countDown();
          }
        };
    try (TradeServer ts =
        TradeServer.builder()
            .venue(VenueConfig.builder("sim").build()) // or "binance", "kucoin", "kraken"
            .listener(listener)
            .build()) {
      ts.start();
      ts.awaitReady(Duration.ofSeconds(10));
      ts.offer(
          Signal.builder()
              .signalId("s-000123")
              .strategy("momentum")
              .symbol("BTC-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.0100")
              .exchange("sim")
              .maxSlippageBps(15)
              .build());
      filled.await(5, TimeUnit.SECONDS);
      System.out.println(ts.freshStatus().get().positions());
      // README:end
      return ts.freshStatus().get().fills();
    }
  }

  public static void main(String[] args) throws Exception {
    run();
  }
}
