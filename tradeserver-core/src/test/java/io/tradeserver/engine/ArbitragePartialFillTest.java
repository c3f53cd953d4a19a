package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.engine.ArbitrageOutcome.Result;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.model.Order;
import io.tradeserver.model.Side;
import io.tradeserver.paper.PaperExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.testing.ScriptedVenue;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A leg that fills only partly: two paper venues on scripted live books, so the test can take
 * liquidity away between detection and execution, as a faster trader would. The buy venue's ask
 * shrinks to 0.03 BTC before the 0.1 BTC buy leg arrives; the sell leg has already sold 0.1, so
 * 0.07 is bought back on the sell venue.
 */
class ArbitragePartialFillTest {
  final TestClock clock = new TestClock();
  final RecordingListener rec = new RecordingListener();
  final ScriptedVenue.Provider pa =
      new ScriptedVenue.Provider(List.of(ScriptedVenue.btcUsdt("pa")));
  final ScriptedVenue.Provider pb =
      new ScriptedVenue.Provider(List.of(ScriptedVenue.btcUsdt("pb")));
  TradeServer ts;

  @BeforeEach
  void start() {
    TradeServerBuilder b =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .listener(rec)
            .arbitrage(
                ArbitrageConfig.builder()
                    .thresholdBps("5")
                    .autoExecute(true)
                    .maxNotional("6400.00")
                    .build());
    for (ScriptedVenue.Provider p : List.of(pa, pb)) {
      VenueConfig cfg =
          VenueConfig.builder("scripted").venue(p == pa ? "pa" : "pb").paper(true).build();
      b.venue(PaperExchangeClient.create(p, b.venueContext(cfg)), cfg);
    }
    ts = b.build();
    ts.connect();
    step(2);
    pa.created().book("BTC-USDT", levels("63990.00", "1"), levels("64000.00", "1"));
    pb.created().book("BTC-USDT", levels("63990.00", "1"), levels("64010.00", "1"));
    step(2);
  }

  @AfterEach
  void close() {
    ts.close();
  }

  @Test
  void thePartlyFilledLegsExcessIsBoughtBackOnTheOtherVenue() {
    pb.created().book("BTC-USDT", levels("64300.00", "0.2"), levels("64310.00", "1"));
    ts.doWork(); // detected; the sell leg fills at once on pb, the buy leg waits for pa's next
    // cycle
    pa.created().book("BTC-USDT", levels("63990.00", "1"), levels("64000.00", "0.03"));
    step(2);

    ArbitrageOpportunity o = rec.of(ArbitrageOpportunity.class).get(0);
    assertThat(o.buyVenue() + ">" + o.sellVenue()).isEqualTo("pa>pb");
    ArbitrageOutcome out = rec.of(ArbitrageOutcome.class).get(0);
    assertThat(out.result()).isEqualTo(Result.UNWOUND);
    assertThat(out.planned()).isEqualByComparingTo("0.1");
    assertThat(out.bought()).isEqualByComparingTo("0.03");
    assertThat(out.sold()).isEqualByComparingTo("0.1");
    assertThat(out.unwound()).isEqualByComparingTo("0.07");
    assertThat(out.residual()).isZero();
    assertThat(out.detail()).contains("buy pa EXPIRED");
    assertThat(rec.statuses(out.buyOrderId()))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "EXPIRED");
    Order unwind =
        rec.of(Order.class).stream()
            .filter(x -> x.clientOrderId().equals(out.unwindOrderId()))
            .reduce((x, y) -> y)
            .orElseThrow();
    assertThat(unwind.instrumentId().exchange()).isEqualTo("pb");
    assertThat(unwind.side()).isEqualTo(Side.BUY);
    assertThat(unwind.filledQuantity().toBigDecimal()).isEqualByComparingTo("0.07");
    // 0.1 sold at 64300, 0.03 bought at 64000 and 0.07 bought back at 64310, 10 bps fee on each:
    // 6430 - 6.43 - 1920 - 1.92 - 4501.70 - 4.5017
    assertThat(out.realizedPnl()).isEqualByComparingTo("-4.5517");
    assertThat(rec.of(ArbitrageOutcome.class)).hasSize(1);
  }

  @Test
  void aRequestedSnapshotReachesListenersButMovesNeitherTheBookNorArbitrage() {
    pb.created().requestedBook("BTC-USDT", levels("64300.00", "0.2"), levels("64310.00", "1"));
    step(2);
    assertThat(rec.of(BookUpdate.class)).anyMatch(BookUpdate::requested);
    assertThat(rec.of(ArbitrageOpportunity.class)).isEmpty();
    // The same book from the subscription crosses pa's ask: the detector does see that one.
    pb.created().book("BTC-USDT", levels("64300.00", "0.2"), levels("64310.00", "1"));
    step(2);
    assertThat(rec.of(ArbitrageOpportunity.class)).hasSize(1);
  }

  private static String[][] levels(String price, String qty) {
    return new String[][] {{price, qty}};
  }

  private void step(int n) {
    for (int i = 0; i < n; i++) {
      ts.doWork();
      clock.advance(Duration.ofMillis(1));
      ts.doWork();
    }
  }
}
