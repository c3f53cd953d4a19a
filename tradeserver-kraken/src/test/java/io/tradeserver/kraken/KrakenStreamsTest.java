package io.tradeserver.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Balances;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Price;
import io.tradeserver.testing.Await;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket v2: book maintenance with checksum and resync; executions reconnect and reconcile. */
class KrakenStreamsTest {
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

  private int bookUpdates() {
    return f.events().events(BookUpdate.class).size();
  }

  private BookUpdate awaitBookUpdate(int n) {
    Await.until(() -> bookUpdates() >= n, "book update #" + n);
    return f.events().events(BookUpdate.class).get(n - 1);
  }

  private static void assertSame(BookSnapshot s, BookModel m) {
    List<Long> bidPrices = new ArrayList<>();
    m.bids.keySet().forEach(p -> bidPrices.add(p.movePointRight(1).longValueExact()));
    List<Long> askPrices = new ArrayList<>();
    m.asks.keySet().forEach(p -> askPrices.add(p.movePointRight(1).longValueExact()));
    assertThat(s.bidPrices())
        .containsExactly(bidPrices.stream().mapToLong(Long::longValue).toArray());
    assertThat(s.askPrices())
        .containsExactly(askPrices.stream().mapToLong(Long::longValue).toArray());
    long[] bidQty =
        m.bids.values().stream().mapToLong(q -> q.movePointRight(8).longValueExact()).toArray();
    assertThat(s.bidQuantities()).containsExactly(bidQty);
  }

  @Test
  void bookFromSnapshotAndUpdatesVerifiesChecksumsAndResyncsOnAMismatch() {
    f.client.subscribeBook(btc, 10);
    Await.until(() -> f.kraken.market.subscriptions == 1, "book subscription");
    assertThat(f.kraken.market.received.get(0))
        .isEqualTo(
            "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],"
                + "\"depth\":10,\"snapshot\":true},\"req_id\":1}");

    BookModel m = new BookModel(10, 1, 8);
    StringBuilder bids = new StringBuilder();
    StringBuilder asks = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      String bid =
          new BigDecimal("45285.0").subtract(BigDecimal.valueOf(i * 2L, 1)).toPlainString();
      String ask = new BigDecimal("45285.2").add(BigDecimal.valueOf(i * 2L, 1)).toPlainString();
      String qty = new BigDecimal("0.001").add(BigDecimal.valueOf(i, 4)).toPlainString();
      m.bid(bid, qty);
      m.ask(ask, qty);
      bids.append(i > 0 ? "," : "").append(BookModel.level(bid, qty));
      asks.append(i > 0 ? "," : "").append(BookModel.level(ask, qty));
    }
    f.kraken.market.send(
        BookModel.message("snapshot", "BTC/USD", bids.toString(), asks.toString(), m.checksum()));
    BookUpdate first = awaitBookUpdate(1);
    assertThat(first.book().bestBid()).isEqualTo(Price.parse("45285.0"));
    assertThat(first.book().bestAsk()).isEqualTo(Price.parse("45285.2"));
    assertSame(first.book(), m);

    // An insert inside the bids pushes the 11th level out (no delete is sent for it), an ask
    // level is removed and another one changed, all in one message.
    m.bid("45284.9", "1.5");
    m.ask("45285.4", "0");
    m.ask("45285.2", "0.25");
    f.kraken.market.send(
        BookModel.message(
            "update",
            "BTC/USD",
            BookModel.level("45284.9", "1.5"),
            BookModel.level("45285.4", "0") + "," + BookModel.level("45285.2", "0.25"),
            m.checksum()));
    BookUpdate second = awaitBookUpdate(2);
    assertThat(second.book().bidDepth()).isEqualTo(10);
    assertThat(second.book().askDepth()).isEqualTo(9);
    assertSame(second.book(), m);

    // A message whose checksum does not match: alert, no update, resubscribe for a snapshot.
    f.kraken.market.send(
        BookModel.message("update", "BTC/USD", BookModel.level("45284.8", "2"), "", 12345L));
    VenueAlert alert = f.events().await(VenueAlert.class, a -> a.kind() == AlertKind.BOOK_RESYNC);
    assertThat(alert.detail()).contains("BTC/USD").contains("12345");
    Await.until(() -> f.kraken.market.subscriptions == 2, "resubscribed");
    assertThat(f.kraken.market.received)
        .filteredOn(s -> s.contains("\"unsubscribe\""))
        .singleElement()
        .asString()
        .contains("\"symbol\":[\"BTC/USD\"]");

    // Updates before the new snapshot are ignored; the snapshot rebuilds the book.
    f.kraken.market.send(
        BookModel.message("update", "BTC/USD", BookModel.level("1.0", "1"), "", 0));
    BookModel fresh = new BookModel(10, 1, 8);
    fresh.bid("45000.0", "3");
    fresh.ask("45001.0", "4");
    f.kraken.market.send(
        BookModel.message(
            "snapshot",
            "BTC/USD",
            BookModel.level("45000.0", "3"),
            BookModel.level("45001.0", "4"),
            fresh.checksum()));
    BookUpdate third = awaitBookUpdate(3);
    assertSame(third.book(), fresh);
    assertThat(bookUpdates()).isEqualTo(3);
  }

  @Test
  void executionsReconnectWithAFreshTokenAndReconcile() {
    f.awaitExecutionsSubscribed();
    f.kraken.openOrdersScripted = true;
    f.reportBalances(java.util.Map.of("BTC", "1"));
    f.kraken.executions.send("{\"channel\":\"heartbeat\"}");
    f.kit.scheduler.advance(Duration.ofSeconds(10));
    Await.until(() -> !f.kraken.executions.receivedContaining("\"ping\"").isEmpty(), "ping sent");

    f.kraken.token = "second-token";
    f.kraken.executions.drop();
    f.events().await(ConnectionEvent.class, e -> e.state() == ConnectionState.DISCONNECTED);
    f.awaitExecutionsSubscriptions(2);
    f.events().await(ConnectionEvent.class, e -> e.state() == ConnectionState.RECONNECTED);
    f.events().await(OpenOrders.class);
    f.events().await(Balances.class, Balances::complete);
    assertThat(f.kraken.calls("GetWebSocketsToken")).hasSize(2);
    assertThat(f.kraken.executions.receivedContaining("second-token")).hasSize(1);
  }
}
