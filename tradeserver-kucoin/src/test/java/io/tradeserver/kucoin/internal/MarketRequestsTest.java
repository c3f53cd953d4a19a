package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.fixture;
import static io.tradeserver.kucoin.MockKucoin.json;
import static io.tradeserver.kucoin.MockKucoin.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.Ticker;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.kucoin.KucoinExchangeProvider;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.venue.RateLimiter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code requestTicker} and {@code requestBook}: one public REST call each, answered by exactly one
 * {@code Ticker} / {@code BookUpdate} parsed at the instrument's scales, or one {@code
 * RequestFailed}; a snapshot leaves a subscribed book alone.
 */
class MarketRequestsTest extends KucoinTestBase {
  private static final String LEVEL1 = "/api/v1/market/orderbook/level1";
  private static final String FULL_BOOK = "/api/v3/market/orderbook/level2";

  @Test
  void tickerIsOneUnsignedLevel1RequestParsedAtTheInstrumentScales() {
    venue.once("GET", LEVEL1, r -> json(fixture("ticker.json")));
    client.requestTicker(btc);
    Ticker t = events.await(Ticker.class);

    RecordedRequest r = venue.await("GET", LEVEL1, 1);
    assertThat(r.getTarget()).isEqualTo(LEVEL1 + "?symbol=BTC-USDT");
    assertUnsigned(r);
    // ticker.json: price 67269, bestBid 67267.5 / 0.000025, bestAsk 67267.6 / 1.24808993.
    assertThat(t)
        .isEqualTo(
            new Ticker(
                "kucoin",
                btc.id(),
                Price.of(672675, 1),
                Quantity.of(2_500, 8),
                Price.of(672676, 1),
                Quantity.of(124_808_993, 8),
                Price.of(672690, 1),
                null,
                venue.kit.clock.nanos()));
    assertThat(List.of(t.bid(), t.ask(), t.last())).extracting(Price::scale).containsOnly(1);
    assertThat(List.of(t.bidQuantity(), t.askQuantity()))
        .extracting(Quantity::scale)
        .containsOnly(8);
    assertThat(answers(RequestKind.TICKER)).containsExactly(t);
  }

  @ParameterizedTest(name = "depth {0} -> {1}")
  @CsvSource({
    "1, /api/v1/market/orderbook/level2_20",
    "20, /api/v1/market/orderbook/level2_20",
    "21, /api/v1/market/orderbook/level2_100",
    "100, /api/v1/market/orderbook/level2_100"
  })
  void bookSnapshotUsesTheSmallestPartialBookAndTruncates(int depth, String path) {
    venue.once("GET", path, r -> json(fixture("orderbook-part.json")));
    client.requestBook(btc, depth);
    BookUpdate u = events.await(BookUpdate.class);

    RecordedRequest r = venue.await("GET", path, 1);
    assertThat(r.getTarget()).isEqualTo(path + "?symbol=BTC-USDT");
    assertUnsigned(r);
    int n = Math.min(depth, 2); // orderbook-part.json has two levels a side
    assertThat(u.book())
        .isEqualTo(
            new BookSnapshot(
                btc.id(),
                1,
                8,
                Arrays.copyOf(new long[] {669_764, 669_763}, n),
                Arrays.copyOf(new long[] {69_109_872, 14_377_000}, n),
                Arrays.copyOf(new long[] {669_765, 669_768}, n),
                Arrays.copyOf(new long[] {5_408_199, 50_000}, n),
                14_610_502_970L,
                venue.kit.clock.nanos()));
    assertThat(answers(RequestKind.BOOK_SNAPSHOT)).containsExactly(u);
  }

  @Test
  void deeperThanOneHundredLevelsIsTheSignedFullBook() {
    venue.once("GET", FULL_BOOK, r -> json(fixture("orderbook-full.json")));
    client.requestBook(btc, 150);
    BookUpdate u = events.await(BookUpdate.class);
    RecordedRequest r = venue.await("GET", FULL_BOOK, 1);
    assertThat(r.getTarget()).isEqualTo(FULL_BOOK + "?symbol=BTC-USDT");
    assertThat(r.getHeaders().get("KC-API-SIGN")).isEqualTo(MockKucoin.expectedSignature(r));
    assertThat(u.book().bidPrices()).containsExactly(669_764, 669_763);
    assertThat(u.book().askPrices()).containsExactly(669_765, 669_768);
  }

  @Test
  void withoutCredentialsBothArePublicButTheFullBookIsRefused() {
    try (ExchangeClient anonymous = publicClient()) {
      assertThat(anonymous.capabilities())
          .containsExactlyInAnyOrder(
              Capability.ORDER_BOOK_STREAM, Capability.TICKER, Capability.BOOK_SNAPSHOT);
      venue.once("GET", LEVEL1, r -> json(fixture("ticker.json")));
      anonymous.requestTicker(btc);
      events.await(Ticker.class);
      assertUnsigned(venue.await("GET", LEVEL1, 1));

      anonymous.requestBook(btc, 101);
      RequestFailed f =
          events.await(RequestFailed.class, e -> e.request() == RequestKind.BOOK_SNAPSHOT);
      assertThat(f.retryable()).isFalse();
      assertThat(f.instrumentId()).isEqualTo(btc.id());
      assertThat(f.detail()).contains("no credentials");
      assertThat(venue.requests("GET", FULL_BOOK)).isEmpty();
    }
  }

  @Test
  void aSnapshotLeavesTheSubscribedBookAlone() {
    venue.once(
        "GET",
        FULL_BOOK,
        r ->
            json(
                "{\"code\":\"200000\",\"data\":{\"time\":1729176273859,\"sequence\":\"10\","
                    + "\"bids\":[[\"100.0\",\"1\"],[\"99.0\",\"2\"]],\"asks\":[[\"101.0\",\"3\"]]}}"));
    client.subscribeBook(btc, 5);
    events.await(BookUpdate.class, b -> b.book().sequence() == 10);

    venue.once(
        "GET", "/api/v1/market/orderbook/level2_20", r -> json(fixture("orderbook-part.json")));
    client.requestBook(btc, 1);
    BookUpdate snapshot = events.await(BookUpdate.class, b -> b.book().sequence() == 14610502970L);
    assertThat(snapshot.book().bidPrices()).containsExactly(669_764);
    assertThat(snapshot.requested()).isTrue();

    // The live book continues from its own sequence 10, untouched by the snapshot.
    venue.publicWs.push(Frames.l2(11, 11, "[\"102.0\",\"4\",\"11\"]", ""));
    BookUpdate live = events.await(BookUpdate.class, b -> b.book().sequence() == 11);
    assertThat(live.requested()).isFalse();
    assertThat(live.book().bidPrices()).containsExactly(1000, 990);
    assertThat(live.book().askPrices()).containsExactly(1010, 1020);
    assertThat(only(BookUpdate.class, VenueAlert.class))
        .extracting(e -> e instanceof BookUpdate b ? "book@" + b.book().sequence() : "alert")
        .containsExactly("book@10", "book@14610502970", "book@11");
    assertThat(venue.requests("GET", FULL_BOOK)).hasSize(1);
  }

  @ParameterizedTest(name = "{0} answered http {1} code {2} -> retryable {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "TICKER|200|400100|Parameter Error|false",
        "TICKER|503|500000|Internal Server Error|true",
        "BOOK_SNAPSHOT|400|400100|Parameter Error|false",
        "BOOK_SNAPSHOT|500|500000|Internal Server Error|true",
      })
  void aVenueErrorIsOneRequestFailed(
      RequestKind kind, int http, String code, String msg, boolean retryable) {
    String path = kind == RequestKind.TICKER ? LEVEL1 : "/api/v1/market/orderbook/level2_20";
    venue.once(
        "GET", path, r -> status(http, "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\"}"));
    request(kind);
    RequestFailed f = events.await(RequestFailed.class, e -> e.request() == kind);
    assertThat(f.instrumentId()).isEqualTo(btc.id());
    assertThat(f.clientOrderId()).isNull();
    assertThat(f.retryable()).isEqualTo(retryable);
    assertThat(f.detail()).isEqualTo("http " + http + ", code " + code + ": " + msg);
    assertThat(answers(kind)).containsExactly(f);
    assertThat(venue.requests("GET", path)).hasSize(1);
  }

  @Test
  void anUnknownSymbolWithoutDataIsNotRetryable() {
    venue.once("GET", LEVEL1, r -> json("{\"code\":\"200000\",\"data\":null}"));
    client.requestTicker(btc);
    RequestFailed f = events.await(RequestFailed.class, e -> e.request() == RequestKind.TICKER);
    assertThat(f.retryable()).isFalse();
    assertThat(f.detail()).isEqualTo("no ticker for BTC-USDT");
  }

  @Test
  void bothAreChargedToThePublicPoolAndNotSentWhenItRefuses() {
    long before = publicAvailable();
    venue.once("GET", LEVEL1, r -> json(fixture("ticker.json")));
    client.requestTicker(btc);
    assertThat(publicAvailable()).isEqualTo(before - Endpoint.TICKER.weight);
    venue.once(
        "GET", "/api/v1/market/orderbook/level2_100", r -> json(fixture("orderbook-part.json")));
    client.requestBook(btc, 50);
    assertThat(publicAvailable())
        .isEqualTo(before - Endpoint.TICKER.weight - Endpoint.BOOK_TOP_100.weight);
    events.await(BookUpdate.class);

    client.limits().pauseUntil(venue.kit.clock.nanos() + Duration.ofSeconds(10).toNanos());
    client.requestBook(btc, 5);
    RequestFailed f =
        events.await(RequestFailed.class, e -> e.request() == RequestKind.BOOK_SNAPSHOT);
    assertThat(f.retryable()).isTrue();
    assertThat(venue.requests("GET", "/api/v1/market/orderbook/level2_20")).isEmpty();
  }

  @Test
  void afterCloseARequestFailsAtOnce() {
    client.close();
    client.requestTicker(btc);
    RequestFailed f = events.await(RequestFailed.class, e -> e.request() == RequestKind.TICKER);
    assertThat(f.retryable()).isFalse();
    assertThat(f.detail()).isEqualTo("client closed");
    assertThat(venue.requests("GET", LEVEL1)).isEmpty();
  }

  private void request(RequestKind kind) {
    if (kind == RequestKind.TICKER) {
      client.requestTicker(btc);
    } else {
      client.requestBook(btc, 5);
    }
  }

  /** Every answer to a request of {@code kind}: its result events and its failures. */
  private List<VenueEvent> answers(RequestKind kind) {
    Class<? extends VenueEvent> result =
        kind == RequestKind.TICKER ? Ticker.class : BookUpdate.class;
    return events.events().stream()
        .filter(e -> result.isInstance(e) || e instanceof RequestFailed f && f.request() == kind)
        .toList();
  }

  private long publicAvailable() {
    return client.rateLimitHeadroom().stream()
        .filter(h -> h.limit().equals("PUBLIC"))
        .mapToLong(RateLimiter.Headroom::available)
        .findFirst()
        .orElseThrow();
  }

  /** A second client on the same mock venue and listener, without credentials. */
  private ExchangeClient publicClient() {
    VenueConfig config =
        VenueConfig.builder("kucoin")
            .restUrl(venue.server.url("/").toString())
            .bookDepth(5)
            .build();
    return new KucoinExchangeProvider().create(venue.kit.context(config));
  }

  private static void assertUnsigned(RecordedRequest r) {
    assertThat(r.getHeaders().names()).noneMatch(h -> h.startsWith("KC-API"));
  }
}
