package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.kucoin.MockKucoin.WsServer;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.testing.Await;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The level-2 book over the public stream: increments are cached until the subscription is
 * acknowledged and the signed full snapshot arrives, replayed by sequence (older ones discarded),
 * then applied live; a sequence gap raises BOOK_RESYNC and takes a new snapshot.
 */
class BookStreamTest extends KucoinTestBase {

  private static String snapshot(long sequence, String bids, String asks) {
    return "{\"code\":\"200000\",\"data\":{\"time\":1729176273859,\"sequence\":\""
        + sequence
        + "\",\"bids\":["
        + bids
        + "],\"asks\":["
        + asks
        + "]}}";
  }

  private void ack(String subscribeFrame) {
    venue.publicWs.push(
        "{\"id\":\"" + WsServer.field(subscribeFrame, "id") + "\",\"type\":\"ack\"}");
  }

  @Test
  void snapshotPlusCachedIncrementsThenGapResync() {
    venue.publicWs.ack = false;
    venue.once(
        "GET",
        "/api/v3/market/orderbook/level2",
        r ->
            json(
                snapshot(
                    100,
                    "[\"66976.4\",\"0.5\"],[\"66976.3\",\"0.1\"]",
                    "[\"66976.5\",\"0.05\"],[\"66976.8\",\"0.0005\"]")));
    client.subscribeBook(btc, 5);
    Await.until(() -> venue.publicWs.frames("subscribe").size() == 1, "level2 subscription");
    String sub = venue.publicWs.frames("subscribe").get(0);
    assertThat(WsServer.field(sub, "topic")).isEqualTo("/market/level2:BTC-USDT");
    assertThat(sub).contains("\"privateChannel\":false,\"response\":true");
    assertUnsigned(venue.requests("POST", "/api/v1/bullet-public").get(0));

    // Before the ack: cached, no snapshot requested yet.
    venue.publicWs.push(Frames.l2(95, 99, "[\"66977\",\"9\",\"99\"]", ""));
    venue.publicWs.push(
        Frames.l2(100, 101, "[\"66976.5\",\"0\",\"101\"]", "[\"66976.3\",\"0.2\",\"100\"]"));
    venue.publicWs.push(Frames.l2(102, 102, "", "[\"66976.2\",\"1\",\"102\"]"));
    assertThat(venue.requests("GET", "/api/v3/market/orderbook/level2")).isEmpty();
    ack(sub);

    BookUpdate first = events.await(BookUpdate.class);
    RecordedRequest snap = venue.await("GET", "/api/v3/market/orderbook/level2", 1);
    assertThat(snap.getTarget()).isEqualTo("/api/v3/market/orderbook/level2?symbol=BTC-USDT");
    assertThat(snap.getHeaders().get("KC-API-SIGN")).isEqualTo(MockKucoin.expectedSignature(snap));
    // 95..99 is older than the snapshot and dropped; at 100 the bid 66976.3 change (seq 100) is
    // already in the snapshot and ignored; the ask 66976.5 (seq 101) is removed; 102 adds a bid.
    assertBook(
        first.book(),
        102,
        new long[] {669764, 669763, 669762},
        new long[] {50000000, 10000000, 100000000},
        new long[] {669768},
        new long[] {50000});

    venue.publicWs.push(Frames.l2(103, 104, "[\"66976.9\",\"2\",\"104\"]", ""));
    BookUpdate second = events.await(BookUpdate.class, u -> u.book().sequence() == 104);
    assertThat(second.book().askPrices()).containsExactly(669768, 669769);

    venue.once(
        "GET",
        "/api/v3/market/orderbook/level2",
        r -> json(snapshot(115, "[\"67000.1\",\"1\"]", "[\"67000.2\",\"3\"]")));
    venue.publicWs.push(Frames.l2(110, 111, "[\"67000.5\",\"1\",\"111\"]", ""));
    VenueAlert resync = events.await(VenueAlert.class);
    assertThat(resync.kind()).isEqualTo(AlertKind.BOOK_RESYNC);
    BookUpdate third = events.await(BookUpdate.class, u -> u.book().sequence() == 115);
    assertBook(
        third.book(),
        115,
        new long[] {670001},
        new long[] {100000000},
        new long[] {670002},
        new long[] {300000000});
    venue.publicWs.push(Frames.l2(116, 116, "[\"67000.3\",\"1\",\"116\"]", ""));
    events.await(BookUpdate.class, u -> u.book().sequence() == 116);

    List<VenueEvent> seq = only(BookUpdate.class, VenueAlert.class);
    assertThat(seq)
        .extracting(e -> e instanceof BookUpdate u ? "book@" + u.book().sequence() : "resync")
        .containsExactly("book@102", "book@104", "resync", "book@115", "book@116");
    assertThat(venue.requests("GET", "/api/v3/market/orderbook/level2")).hasSize(2);
  }

  @Test
  void aReconnectOfThePublicStreamResyncsEveryBook() {
    venue.once(
        "GET", "/api/v3/market/orderbook/level2", r -> json(snapshot(10, "[\"1.0\",\"1\"]", "")));
    client.subscribeBook(btc, 5);
    events.await(BookUpdate.class);
    venue.once(
        "GET", "/api/v3/market/orderbook/level2", r -> json(snapshot(50, "[\"2.0\",\"1\"]", "")));
    venue.publicWs.latest().close(1001, "going away");
    events.await(
        ConnectionEvent.class,
        e -> e.channel() == Channel.MARKET_STREAM && e.state() == ConnectionState.DISCONNECTED);
    advanceUntil(
        () -> venue.requests("POST", "/api/v1/bullet-public").size() == 2, "a new public token");
    BookUpdate after = events.await(BookUpdate.class, u -> u.book().sequence() == 50);
    assertThat(after.book().bidPrices()).containsExactly(20);
    assertThat(venue.requests("POST", "/api/v1/bullet-public")).hasSize(2);
    assertThat(only(BookUpdate.class, VenueAlert.class))
        .extracting(e -> e instanceof BookUpdate u ? "book@" + u.book().sequence() : "resync")
        .containsExactly("book@10", "resync", "book@50");
  }

  private static void assertBook(
      BookSnapshot b, long seq, long[] bidP, long[] bidQ, long[] askP, long[] askQ) {
    assertThat(b.sequence()).isEqualTo(seq);
    assertThat(b.priceScale()).isEqualTo(1);
    assertThat(b.quantityScale()).isEqualTo(8);
    assertThat(b.bidPrices()).containsExactly(bidP);
    assertThat(b.bidQuantities()).containsExactly(bidQ);
    assertThat(b.askPrices()).containsExactly(askP);
    assertThat(b.askQuantities()).containsExactly(askQ);
  }

  private static void assertUnsigned(RecordedRequest r) {
    assertThat(r.getHeaders().names()).noneMatch(h -> h.startsWith("KC-API"));
  }
}
