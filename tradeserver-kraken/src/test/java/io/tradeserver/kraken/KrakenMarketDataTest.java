package io.tradeserver.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.Ticker;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kraken.FakeKraken.Call;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Capability;
import io.tradeserver.testing.Await;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST Ticker and Depth on request: exact requests, exact values, failures, live book intact. */
class KrakenMarketDataTest {
  private KrakenFixture f;
  private Instrument btc;

  @BeforeEach
  void start() throws Exception {
    f = new KrakenFixture();
    f.client.start();
    btc = f.awaitInstrument("BTC-USD");
  }

  @AfterEach
  void stop() {
    f.close();
    f.kit.assertNoErrors();
  }

  /** The answers to market-data requests, in order. */
  private List<VenueEvent> answers() {
    return f.events().events().stream()
        .filter(
            e ->
                e instanceof Ticker
                    || e instanceof BookUpdate
                    || (e instanceof RequestFailed r
                        && (r.request() == RequestKind.TICKER
                            || r.request() == RequestKind.BOOK_SNAPSHOT)))
        .toList();
  }

  private List<VenueEvent> awaitAnswers(int n) {
    Await.until(() -> answers().size() >= n, n + " market-data answer(s)");
    return answers();
  }

  private Call only(String method) {
    Await.until(() -> !f.kraken.calls(method).isEmpty(), "a " + method + " call");
    List<Call> calls = f.kraken.calls(method);
    assertThat(calls).hasSize(1);
    return calls.get(0);
  }

  private static long[] units(String... values) {
    long[] u = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      u[i] = Long.parseLong(values[i]);
    }
    return u;
  }

  @Test
  void tickerAndBookSnapshotAreAdvertisedWithoutCredentialsToo() throws Exception {
    assertThat(f.client.capabilities()).contains(Capability.TICKER, Capability.BOOK_SNAPSHOT);
    try (KrakenFixture publicOnly = new KrakenFixture(b -> b.credentials(null))) {
      assertThat(publicOnly.client.capabilities())
          .containsExactlyInAnyOrder(
              Capability.ORDER_BOOK_STREAM, Capability.TICKER, Capability.BOOK_SNAPSHOT);
    }
  }

  @Test
  void tickerSendsTheAltnameAndReadsTheAnswerKeyedByThePairKey() {
    f.client.requestTicker(btc);

    Call c = only("Ticker");
    assertThat(c.path()).isEqualTo("/0/public/Ticker");
    assertThat(c.query()).isEqualTo("pair=XBTUSD");
    assertThat(c.apiSign()).as("public calls are not signed").isNull();
    long now = f.kit.clock.nanos();
    // ticker.json: b = [3537.40000, 16, 16.000], a = [3537.50000, 1, 1.000],
    // c = [3537.50000, 0.25000000], v = [today, 4009.69918350 over 24 h].
    Ticker expected =
        new Ticker(
            "kraken",
            btc.id(),
            Price.of(35374, 1),
            Quantity.of(1_600_000_000L, 8),
            Price.of(35375, 1),
            Quantity.of(100_000_000L, 8),
            Price.of(35375, 1),
            Quantity.of(400_969_918_350L, 8),
            now);
    assertThat(awaitAnswers(1)).containsExactly(expected);
    Ticker t = (Ticker) answers().get(0);
    assertThat(List.of(t.bid().scale(), t.ask().scale(), t.last().scale())).containsOnly(1);
    assertThat(List.of(t.bidQuantity().scale(), t.askQuantity().scale(), t.volume24h().scale()))
        .containsOnly(8);
  }

  @Test
  void bookSnapshotAsksForTheDepthAndIsTruncatedToIt() {
    f.client.requestBook(btc, 3);

    Call c = only("Depth");
    assertThat(c.path()).isEqualTo("/0/public/Depth");
    assertThat(c.query()).isEqualTo("pair=XBTUSD&count=3");
    long now = f.kit.clock.nanos();
    // depth.json has 5 levels a side (the fake ignores count); the best 3 are kept.
    BookSnapshot top3 =
        new BookSnapshot(
            btc.id(),
            1,
            8,
            units("35389", "35387", "35380"),
            units("75400000", "79800000", "120000000"),
            units("35399", "35402", "35404"),
            units("80100000", "100000000", "25000000"),
            0,
            now);
    assertThat(awaitAnswers(1)).containsExactly(BookUpdate.requested("kraken", top3, now));
  }

  @Test
  void depthAboveKrakensMaximumAsksFor500() {
    f.client.requestBook(btc, 1000);
    assertThat(only("Depth").query()).isEqualTo("pair=XBTUSD&count=500");
    BookUpdate u = (BookUpdate) awaitAnswers(1).get(0);
    assertThat(u.book().bidDepth()).isEqualTo(5);
    assertThat(u.book().askDepth()).isEqualTo(5);
    assertThatThrownBy(() -> f.client.requestBook(btc, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBookSnapshotLeavesTheSubscribedBookAlone() {
    f.client.subscribeBook(btc, 10);
    Await.until(() -> f.kraken.market.subscriptions == 1, "book subscription");
    BookModel m = new BookModel(10, 1, 8);
    m.bid("45285.0", "0.5");
    m.bid("45284.0", "1");
    m.ask("45286.0", "0.25");
    f.kraken.market.send(
        BookModel.message(
            "snapshot",
            "BTC/USD",
            BookModel.level("45285.0", "0.5") + "," + BookModel.level("45284.0", "1"),
            BookModel.level("45286.0", "0.25"),
            m.checksum()));
    Await.until(() -> f.events().events(BookUpdate.class).size() == 1, "live book");

    f.client.requestBook(btc, 1);
    Await.until(() -> f.events().events(BookUpdate.class).size() == 2, "snapshot");
    BookSnapshot rest = f.events().events(BookUpdate.class).get(1).book();
    assertThat(rest.bestBid()).isEqualTo(Price.parse("3538.9"));
    assertThat(rest.bidDepth()).isEqualTo(1);

    // The next stream update still verifies against the live book's own levels.
    m.bid("45285.0", "0.75");
    f.kraken.market.send(
        BookModel.message(
            "update", "BTC/USD", BookModel.level("45285.0", "0.75"), "", m.checksum()));
    Await.until(() -> f.events().events(BookUpdate.class).size() == 3, "live update");
    BookSnapshot live = f.events().events(BookUpdate.class).get(2).book();
    assertThat(live.bidPrices()).containsExactly(452850, 452840);
    assertThat(live.bidQuantities()).containsExactly(75_000_000L, 100_000_000L);
    assertThat(live.askPrices()).containsExactly(452860);
    assertThat(f.events().events(VenueAlert.class))
        .noneMatch(a -> a.kind() == AlertKind.BOOK_RESYNC);
  }

  @Test
  void aVenueErrorIsOneNonRetryableFailureOfThatRequest() {
    String unknownPair = "{\"error\":[\"EQuery:Unknown asset pair\"]}";
    f.kraken.script("Ticker", c -> FakeKraken.json(unknownPair));
    f.kraken.script("Depth", c -> FakeKraken.json(unknownPair));

    f.client.requestTicker(btc);
    awaitAnswers(1);
    f.client.requestBook(btc, 10);
    long now = f.kit.clock.nanos();
    String detail = "REJECTED EQuery:Unknown asset pair";
    assertThat(awaitAnswers(2))
        .containsExactly(
            new RequestFailed("kraken", RequestKind.TICKER, btc.id(), null, false, detail, now),
            new RequestFailed(
                "kraken", RequestKind.BOOK_SNAPSHOT, btc.id(), null, false, detail, now));
  }

  @Test
  void aServerErrorIsOneRetryableFailureOfThatRequest() {
    MockResponse badGateway =
        new MockResponse.Builder().code(502).body("<html>502 Bad Gateway</html>").build();
    f.kraken.script("Depth", c -> badGateway);
    f.kraken.script("Ticker", c -> badGateway);

    f.client.requestBook(btc, 10);
    awaitAnswers(1);
    f.client.requestTicker(btc);
    long now = f.kit.clock.nanos();
    String detail = "AMBIGUOUS HTTP 502";
    assertThat(awaitAnswers(2))
        .containsExactly(
            new RequestFailed(
                "kraken", RequestKind.BOOK_SNAPSHOT, btc.id(), null, true, detail, now),
            new RequestFailed("kraken", RequestKind.TICKER, btc.id(), null, true, detail, now));
  }

  @Test
  void aPublicRateLimitAlertsButLeavesThePerKeyCounterAlone() {
    // Let the start-up private calls take their points first.
    f.awaitExecutionsSubscribed();
    f.events().await(RequestFailed.class, r -> r.request() == RequestKind.BALANCES);
    f.events().await(RequestFailed.class, r -> r.request() == RequestKind.OPEN_ORDERS);
    var before = f.client.rateLimitHeadroom();
    f.kraken.script("Ticker", c -> FakeKraken.json("{\"error\":[\"EGeneral:Too many requests\"]}"));

    f.client.requestTicker(btc);
    RequestFailed failed = (RequestFailed) awaitAnswers(1).get(0);
    assertThat(failed.retryable()).isTrue();
    assertThat(failed.detail()).isEqualTo("RATE_LIMITED EGeneral:Too many requests");
    f.events().await(VenueAlert.class, a -> a.kind() == AlertKind.RATE_LIMITED);
    assertThat(f.client.rateLimitHeadroom()).isEqualTo(before);
  }

  @Test
  void anInstrumentKrakenDoesNotListFailsWithoutARequest() {
    Instrument other =
        Instrument.builder(InstrumentId.parse("kraken:FOO-BAR"), "FOOBAR")
            .tickSize(Price.parse("0.01"))
            .stepSize(Quantity.parse("0.1"))
            .build();
    f.client.requestTicker(other);
    f.client.requestBook(other, 5);
    long now = f.kit.clock.nanos();
    assertThat(awaitAnswers(2))
        .containsExactly(
            new RequestFailed(
                "kraken", RequestKind.TICKER, other.id(), null, false, "unknown pair", now),
            new RequestFailed(
                "kraken", RequestKind.BOOK_SNAPSHOT, other.id(), null, false, "unknown pair", now));
    assertThat(f.kraken.calls("Ticker")).isEmpty();
    assertThat(f.kraken.calls("Depth")).isEmpty();
  }
}
