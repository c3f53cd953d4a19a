package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.TradeTick;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Market streams over a WebSocket upgrade: local book sync with gap and resync, top of book,
 * trades.
 */
class BinanceStreamsTest {
  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
    client =
        new BinanceExchangeProvider()
            .create(kit.context(Configs.base(venue).credentials(null).build()));
    client.start();
    btc = Configs.btcUsdt(kit);
    kit.listener.clear();
  }

  @AfterEach
  void stop() {
    client.close();
    venue.close();
    kit.assertNoErrors();
  }

  private MockBinance.ServerSocket stream() {
    Await.until(
        () -> !venue.streams.isEmpty() && venue.streams.get(0).socket != null, "stream connected");
    return venue.streams.get(venue.streams.size() - 1);
  }

  private static String depth(long first, long last, String bids, String asks) {
    return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1672515782136,"
        + "\"s\":\"BTCUSDT\",\"U\":"
        + first
        + ",\"u\":"
        + last
        + ",\"b\":"
        + bids
        + ",\"a\":"
        + asks
        + "}}";
  }

  private static String snapshot(long lastUpdateId, String bids, String asks) {
    return "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
  }

  private void awaitDepthRequests(int n) {
    Await.until(
        () -> venue.requests("GET /api/v3/depth").size() >= n, n + " depth snapshot requests");
  }

  @Test
  void bookFollowsTheDocumentedProcedureThroughAGapAndResync() {
    String staleSnapshot = snapshot(150, "[[\"64000.00\",\"1.0\"]]", "[[\"64001.00\",\"1.0\"]]");
    String goodSnapshot =
        snapshot(
            158,
            "[[\"64000.00\",\"2.00000000\"],[\"63999.00\",\"1.00000000\"]]",
            "[[\"64001.00\",\"3.00000000\"]]");
    venue.script("GET /api/v3/depth", 200, staleSnapshot);
    venue.script("GET /api/v3/depth", 200, goodSnapshot);
    client.subscribeBook(btc, 5);
    MockBinance.ServerSocket s = stream();
    assertThat(venue.requests("GET /ws-api/v3")).isEmpty();
    assertThat(venue.requests("GET /stream").get(0).getTarget())
        .isEqualTo("/stream?streams=btcusdt@depth@100ms");

    // Buffered until a snapshot reaches the first event (U=157): 150 is too old, 158 is fine.
    s.send(depth(157, 160, "[[\"64000.00\",\"2.50000000\"]]", "[]"));
    awaitDepthRequests(2);
    BookUpdate first = kit.listener.await(BookUpdate.class);
    RecordedRequest snap = venue.requests("GET /api/v3/depth").get(0);
    assertThat(snap.getTarget()).isEqualTo("/api/v3/depth?symbol=BTCUSDT&limit=1000");
    assertThat(first.book().sequence()).isEqualTo(160);
    assertThat(first.book().bestBid()).isEqualTo(Price.parse("64000"));
    assertThat(first.book().bidQuantities()[0])
        .isEqualTo(Quantity.parse("2.5").unitsAt(btc.quantityScale()));

    // Continuous: applied. Stale (u <= local id): ignored.
    s.send(depth(161, 162, "[[\"63999.00\",\"0.00000000\"]]", "[[\"64000.50\",\"1.00000000\"]]"));
    s.send(depth(150, 161, "[[\"1.00\",\"9.00000000\"]]", "[]"));
    BookUpdate second = kit.listener.await(BookUpdate.class, b -> b.book().sequence() == 162);

    // Gap (U=170 > 162 + 1): alert, rebuild from a new snapshot.
    venue.script(
        "GET /api/v3/depth",
        200,
        snapshot(171, "[[\"63000.00\",\"1.00000000\"]]", "[[\"63001.00\",\"1.00000000\"]]"));
    s.send(depth(170, 172, "[[\"63000.00\",\"4.00000000\"]]", "[]"));
    BookUpdate third = kit.listener.await(BookUpdate.class, b -> b.book().sequence() == 172);

    List<VenueEvent> seq =
        kit.listener.events().stream()
            .filter(e -> e instanceof BookUpdate || e instanceof VenueAlert)
            .toList();
    assertThat(seq)
        .extracting(
            e ->
                e instanceof VenueAlert a
                    ? "alert:" + a.kind()
                    : "book:" + ((BookUpdate) e).book().sequence())
        .containsExactly("book:160", "book:162", "alert:BOOK_RESYNC", "book:172");
    BookSnapshot b = second.book();
    assertThat(b.bidDepth()).isEqualTo(1);
    assertThat(b.bestAsk()).isEqualTo(Price.parse("64000.5"));
    assertThat(third.book().bestBid()).isEqualTo(Price.parse("63000"));
    assertThat(third.book().bidQuantities()[0])
        .isEqualTo(Quantity.parse("4").unitsAt(btc.quantityScale()));
    assertThat(venue.requests("GET /api/v3/depth")).hasSize(3);
  }

  @Test
  void depthOneFollowsBookTickerAndTradesAreTicks() {
    client.subscribeBook(btc, 1);
    MockBinance.ServerSocket s = stream();
    s.send(
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"25.35\",\"B\":\"31.21000000\",\"a\":\"25.37\",\"A\":\"40.66000000\"}}");
    BookUpdate top = kit.listener.await(BookUpdate.class);
    assertThat(top.book().bestBid()).isEqualTo(Price.parse("25.35"));
    assertThat(top.book().bestAsk()).isEqualTo(Price.parse("25.37"));
    assertThat(top.book().sequence()).isEqualTo(400900217L);

    client.subscribeTrades(btc);
    Await.until(
        () -> s.received.stream().anyMatch(m -> m.contains("btcusdt@trade")), "trade subscription");
    assertThat(s.received)
        .anyMatch(
            m ->
                m.matches(
                    "\\{\"method\":\"SUBSCRIBE\",\"params\":\\[\"btcusdt@trade\"],\"id\":\\d+}"));
    s.send(
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"0.01\",\"q\":\"100\",\"T\":1672515782136,\"m\":true,\"M\":true}}");
    TradeTick t = kit.listener.await(TradeTick.class);
    assertThat(t.tradeId()).isEqualTo("12345");
    assertThat(t.price()).isEqualTo(Price.parse("0.01"));
    assertThat(t.quantity()).isEqualTo(Quantity.parse("100"));
    assertThat(t.aggressor()).as("buyer was maker").isEqualTo(Side.SELL);
    assertThat(kit.listener.events(VenueAlert.class))
        .noneMatch(a -> a.kind() == AlertKind.BOOK_RESYNC);
  }
}
