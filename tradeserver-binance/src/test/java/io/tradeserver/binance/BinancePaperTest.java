package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper mode over the real Binance adapter: a {@code paper: true} venue built by ServiceLoader
 * streams the (loopback) venue's book and fills a market order against it, while the venue never
 * sees an order, an account request or the keys.
 */
class BinancePaperTest {
  private MockBinance venue;
  private TradeServer ts;
  private final RecordingListener rec = new RecordingListener();

  @BeforeEach
  void start() throws Exception {
    venue = new MockBinance(Clock.system());
    VenueConfig cfg =
        Configs.base(venue)
            .symbols(List.of("BTC-USDT"))
            .paper(true)
            .option("paperBalances", "USDT=100000,BTC=1")
            .build();
    ts = TradeServer.builder().venue(cfg).listener(rec).build();
    venue.script(
        "GET /api/v3/depth",
        200,
        "{\"lastUpdateId\":158,\"bids\":[[\"63990.00\",\"1.00000000\"]],"
            + "\"asks\":[[\"64000.00\",\"0.50000000\"],[\"64010.00\",\"1.00000000\"]]}");
    ts.start();
    Await.until(
        () -> !venue.streams.isEmpty() && venue.streams.get(0).socket != null, "market stream");
    venue
        .streams
        .get(0)
        .send(
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,"
                + "\"s\":\"BTCUSDT\",\"U\":157,\"u\":160,\"b\":[[\"63990.00\",\"1.00000000\"]],"
                + "\"a\":[]}}");
    assertThat(ts.awaitReady(Duration.ofSeconds(10))).as("instruments and a live book").isTrue();
  }

  @AfterEach
  void stop() {
    ts.close();
    venue.close();
  }

  @Test
  void aMarketOrderIsFilledOnPaperAgainstTheLiveBookAndNothingReachesTheVenue() {
    ts.offer(
        Signal.builder()
            .signalId("paper-1")
            .symbol("BTC-USDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity("0.6")
            .exchange("binance")
            .build());
    Await.until(
        Duration.ofSeconds(5),
        () -> rec.of(Order.class).stream().anyMatch(o -> o.status() == OrderStatus.FILLED),
        () -> "no fill: " + rec.all());

    assertThat(
            rec.of(Fill.class).stream()
                .map(f -> f.tradeId() + " " + f.quantity() + "@" + f.price())
                .collect(Collectors.toList()))
        .containsExactly("P-binance-1 0.50000@64000.00", "P-binance-2 0.10000@64010.00");
    assertThat(ts.isPaper("binance")).isTrue();
    assertThat(venue.requests("POST /api/v3/order")).isEmpty();
    assertThat(venue.requests("GET /api/v3/account")).as("no account request").isEmpty();
    assertThat(venue.requests("GET /ws-api/v3")).as("no private stream").isEmpty();
    assertThat(venue.requests)
        .as("the keys never left the process")
        .noneMatch(r -> r.getHeaders().toString().contains(MockBinance.API_KEY));
  }
}
