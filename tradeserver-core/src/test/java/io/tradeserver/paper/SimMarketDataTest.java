package io.tradeserver.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.Ticker;
import io.tradeserver.model.Instrument;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ticker and book-snapshot requests answer from the simulated book. */
class SimMarketDataTest {

  @Test
  void tickerAndSnapshotMatchTheBook() {
    TestContexts kit = new TestContexts();
    SimExchangeClient sim = SimKit.pumped(kit);
    sim.start();
    Instrument btc = kit.listener.await(InstrumentsLoaded.class).instruments().get(0);
    sim.subscribeBook(btc, 5);
    kit.clock.advance(Duration.ofMillis(100)); // the next market step publishes the book
    BookUpdate streamed = kit.listener.await(BookUpdate.class);
    sim.requestTicker(btc);
    sim.requestBook(btc, 3);
    Ticker t = kit.listener.await(Ticker.class);
    assertThat(t.instrumentId()).isEqualTo(btc.id());
    assertThat(t.bid()).isEqualTo(streamed.book().bestBid());
    assertThat(t.ask()).isEqualTo(streamed.book().bestAsk());
    assertThat(t.bid().isBelow(t.ask())).isTrue();
    BookUpdate snapshot = kit.listener.await(BookUpdate.class, b -> b.book().bidDepth() == 3);
    assertThat(snapshot.book().askDepth()).isEqualTo(3);
    assertThat(snapshot.requested()).isTrue();
    assertThat(streamed.requested()).isFalse();
    assertThat(snapshot.book().bestBid()).isEqualTo(t.bid());
  }
}
