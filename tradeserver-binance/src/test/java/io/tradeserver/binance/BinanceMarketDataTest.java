package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.Ticker;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.RateLimitAware;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One-off ticker and REST book snapshot requests: exact requests, exact values at the instrument's
 * scales, truncation, independence from a subscribed local book, and failures. Public endpoints, so
 * the client runs without credentials.
 */
class BinanceMarketDataTest {
  private TestContexts kit;
  private MockBinance venue;
  private ExchangeClient client;
  private Instrument eth; // ETHBTC: tick 0.000001 (scale 6), step 0.001 (scale 3)

  @BeforeEach
  void start() throws Exception {
    kit = new TestContexts();
    venue = new MockBinance(kit.clock);
    client =
        new BinanceExchangeProvider()
            .create(kit.context(Configs.base(venue).credentials(null).build()));
    client.start();
    eth =
        kit.listener.await(InstrumentsLoaded.class).instruments().stream()
            .filter(i -> i.symbol().equals("ETH-BTC"))
            .findFirst()
            .orElseThrow();
    kit.listener.clear();
    venue.requests.clear();
  }

  @AfterEach
  void stop() {
    client.close();
    venue.close();
    kit.assertNoErrors();
  }

  private RecordedRequest only(String methodAndPath) {
    List<RecordedRequest> r = venue.requests(methodAndPath);
    assertThat(r).as(methodAndPath).hasSize(1);
    assertThat(r.get(0).getHeaders().get("X-MBX-APIKEY")).as("public endpoint").isNull();
    return r.get(0);
  }

  private long weightAvailable() {
    return ((RateLimitAware) client)
        .rateLimitHeadroom().stream()
            .filter(h -> h.limit().startsWith("REQUEST_WEIGHT"))
            .findFirst()
            .orElseThrow()
            .available();
  }

  private static String levels(String... priceQty) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < priceQty.length; i += 2) {
      sb.append(i == 0 ? "" : ",")
          .append("[\"")
          .append(priceQty[i])
          .append("\",\"")
          .append(priceQty[i + 1])
          .append("\"]");
    }
    return sb.append(']').toString();
  }

  private static String snapshot(long lastUpdateId, String bids, String asks) {
    return "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
  }

  private static String depthEvent(long first, long last, String bids, String asks) {
    return "{\"stream\":\"ethbtc@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1672515782136,"
        + "\"s\":\"ETHBTC\",\"U\":"
        + first
        + ",\"u\":"
        + last
        + ",\"b\":"
        + bids
        + ",\"a\":"
        + asks
        + "}}";
  }

  private BookSnapshot book(long sequence, long timeNanos, long[] bids, long[] asks) {
    long[] bp = new long[bids.length / 2];
    long[] bq = new long[bids.length / 2];
    long[] ap = new long[asks.length / 2];
    long[] aq = new long[asks.length / 2];
    for (int i = 0; i < bp.length; i++) {
      bp[i] = bids[2 * i];
      bq[i] = bids[2 * i + 1];
    }
    for (int i = 0; i < ap.length; i++) {
      ap[i] = asks[2 * i];
      aq[i] = asks[2 * i + 1];
    }
    return new BookSnapshot(eth.id(), 6, 3, bp, bq, ap, aq, sequence, timeNanos);
  }

  @Test
  void tickerAndSnapshotAreCapabilitiesEvenWithoutCredentials() {
    assertThat(client.capabilities())
        .contains(Capability.TICKER, Capability.BOOK_SNAPSHOT)
        .doesNotContain(Capability.LIMIT_ORDER);
  }

  @Test
  void tickerIsOne24hrRequestWithTheDocumentedValuesAtTheInstrumentsScales() {
    assertThat(eth.priceScale()).isEqualTo(6);
    assertThat(eth.quantityScale()).isEqualTo(3);
    long before = weightAvailable();

    client.requestTicker(eth);
    Ticker t = kit.listener.await(Ticker.class);

    assertThat(only("GET /api/v3/ticker/24hr").getTarget())
        .isEqualTo("/api/v3/ticker/24hr?symbol=ETHBTC");
    assertThat(before - weightAvailable()).as("weight of one symbol").isEqualTo(2);
    // ticker-24hr.json: bid 4.00000000 x 100, ask 4.00000200 x 100, last 4.00000200, volume 8913.3
    assertThat(t)
        .isEqualTo(
            new Ticker(
                "binance",
                eth.id(),
                Price.of(4_000_000, 6),
                Quantity.of(100_000, 3),
                Price.of(4_000_002, 6),
                Quantity.of(100_000, 3),
                Price.of(4_000_002, 6),
                Quantity.of(8_913_300, 3),
                kit.clock.nanos()));
    assertThat(List.of(t.bid(), t.ask(), t.last())).allMatch(p -> p.scale() == 6);
    assertThat(List.of(t.bidQuantity(), t.askQuantity(), t.volume24h()))
        .allMatch(q -> q.scale() == 3);
    assertThat(kit.listener.events()).containsExactly(t);
  }

  @Test
  void anEmptySideAndNoLastTradeAreNull() {
    ObjectNode n = (ObjectNode) MockBinance.tree("ticker-24hr.json");
    n.put("symbol", "ETHBTC")
        .put("bidPrice", "0.00000000")
        .put("bidQty", "0.00000000")
        .put("lastPrice", "0.00000000")
        .put("volume", "0.00000000");
    venue.script("GET /api/v3/ticker/24hr", 200, n.toString());
    client.requestTicker(eth);
    Ticker t = kit.listener.await(Ticker.class);
    assertThat(t.bid()).isNull();
    assertThat(t.bidQuantity()).isNull();
    assertThat(t.last()).isNull();
    assertThat(t.ask()).isEqualTo(Price.of(4_000_002, 6));
    assertThat(t.volume24h()).isEqualTo(Quantity.of(0, 3));
  }

  @Test
  void snapshotOfTheDocumentedBookIsExact() {
    venue.script("GET /api/v3/depth", 200, MockBinance.fixture("order-book.json"));
    long before = weightAvailable();
    client.requestBook(eth, 5);
    BookUpdate u = kit.listener.await(BookUpdate.class);
    assertThat(only("GET /api/v3/depth").getTarget())
        .isEqualTo("/api/v3/depth?symbol=ETHBTC&limit=5");
    assertThat(before - weightAvailable()).isEqualTo(5);
    // order-book.json: lastUpdateId 1027024, bid 4.00000000 x 431, ask 4.00000200 x 12
    long now = kit.clock.nanos();
    assertThat(u)
        .isEqualTo(
            BookUpdate.requested(
                "binance",
                book(1027024, now, new long[] {4_000_000, 431_000}, new long[] {4_000_002, 12_000}),
                now));
    assertThat(kit.listener.events()).containsExactly(u);
  }

  @Test
  void depthLimitIsTheSmallestDocumentedOneCoveringTheDepth() {
    int[][] depthToLimitAndWeight = {
      {1, 5, 5},
      {5, 5, 5},
      {6, 10, 5},
      {20, 20, 5},
      {21, 50, 5},
      {100, 100, 5},
      {101, 500, 25},
      {501, 1000, 50},
      {1001, 5000, 250},
      {9000, 5000, 250}
    };
    for (int[] c : depthToLimitAndWeight) {
      venue.requests.clear();
      kit.listener.clear();
      venue.script("GET /api/v3/depth", 200, MockBinance.fixture("order-book.json"));
      long before = weightAvailable();
      client.requestBook(eth, c[0]);
      kit.listener.await(BookUpdate.class);
      assertThat(only("GET /api/v3/depth").getTarget())
          .as("depth %d", c[0])
          .isEqualTo("/api/v3/depth?symbol=ETHBTC&limit=" + c[1]);
      assertThat(before - weightAvailable()).as("weight for limit %d", c[1]).isEqualTo(c[2]);
    }
    assertThatThrownBy(() -> client.requestBook(eth, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotIsTruncatedAndLeavesTheSubscribedLocalBookAlone() {
    // A live local book from the stream: event 101..102 buffered, snapshot 101, event applied.
    venue.script(
        "GET /api/v3/depth",
        200,
        snapshot(101, levels("3.000000", "1.000"), levels("3.100000", "1.000")));
    client.subscribeBook(eth, 5);
    Await.until(
        () -> !venue.streams.isEmpty() && venue.streams.get(0).socket != null, "stream connected");
    MockBinance.ServerSocket s = venue.streams.get(0);
    s.send(depthEvent(101, 102, levels("3.000000", "2.000"), "[]"));
    kit.listener.await(BookUpdate.class, b -> b.book().sequence() == 102);

    // A deeper, newer REST snapshot, asked for 2 levels.
    venue.script(
        "GET /api/v3/depth",
        200,
        snapshot(
            500,
            levels("4.000000", "1.000", "3.900000", "2.000", "3.800000", "3.000"),
            levels("4.000002", "4.000", "4.100000", "5.000", "4.200000", "6.000")));
    client.requestBook(eth, 2);
    BookUpdate rest = kit.listener.await(BookUpdate.class, b -> b.book().sequence() == 500);
    long now = kit.clock.nanos();
    assertThat(rest.book())
        .isEqualTo(
            book(
                500,
                now,
                new long[] {4_000_000, 1_000, 3_900_000, 2_000},
                new long[] {4_000_002, 4_000, 4_100_000, 5_000}));
    assertThat(venue.requests("GET /api/v3/depth").get(1).getTarget())
        .isEqualTo("/api/v3/depth?symbol=ETHBTC&limit=5");

    // The live book continues from 102, untouched by the snapshot at 500.
    s.send(depthEvent(103, 103, "[]", levels("3.100000", "7.000")));
    BookUpdate live = kit.listener.await(BookUpdate.class, b -> b.book().sequence() == 103);
    assertThat(live.requested()).isFalse();
    assertThat(live.book())
        .isEqualTo(
            book(
                103,
                live.book().timeNanos(),
                new long[] {3_000_000, 2_000},
                new long[] {3_100_000, 7_000}));
    assertThat(kit.listener.events())
        .filteredOn(e -> e instanceof BookUpdate || e instanceof VenueAlert)
        .extracting(e -> e instanceof BookUpdate b ? b.book().sequence() : -1L)
        .as("no resync: the stream book went 102 -> 103, the snapshot was 500")
        .containsExactly(102L, 500L, 103L);
    assertThat(venue.requests("GET /api/v3/depth")).hasSize(2);
  }

  @Test
  void venueErrorsAreFinalAndServerErrorsRetryable() {
    String invalid = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
    venue.script("GET /api/v3/ticker/24hr", 400, invalid);
    client.requestTicker(eth);
    RequestFailed t1 = kit.listener.await(RequestFailed.class);
    venue.script("GET /api/v3/ticker/24hr", 503, "Service Unavailable");
    client.requestTicker(eth);
    RequestFailed t2 = kit.listener.await(RequestFailed.class, f -> f != t1);
    venue.script("GET /api/v3/depth", 400, invalid);
    client.requestBook(eth, 10);
    RequestFailed b1 =
        kit.listener.await(RequestFailed.class, f -> f.request() == RequestKind.BOOK_SNAPSHOT);
    venue.script("GET /api/v3/depth", 500, "{\"code\":-1000,\"msg\":\"An unknown error.\"}");
    client.requestBook(eth, 10);
    RequestFailed b2 =
        kit.listener.await(
            RequestFailed.class, f -> f.request() == RequestKind.BOOK_SNAPSHOT && f != b1);

    long now = kit.clock.nanos();
    List<VenueEvent> expected =
        List.of(
            failed(RequestKind.TICKER, false, "-1121 Invalid symbol. (status 400)", now),
            failed(RequestKind.TICKER, true, "unparseable error body (status 503)", now),
            failed(RequestKind.BOOK_SNAPSHOT, false, "-1121 Invalid symbol. (status 400)", now),
            failed(RequestKind.BOOK_SNAPSHOT, true, "-1000 An unknown error. (status 500)", now));
    assertThat(kit.listener.events()).isEqualTo(expected);
    assertThat(List.of(t1, t2, b1, b2)).isEqualTo(expected);
  }

  private RequestFailed failed(RequestKind kind, boolean retryable, String detail, long now) {
    return new RequestFailed("binance", kind, eth.id(), null, retryable, detail, now);
  }
}
