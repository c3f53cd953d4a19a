package io.tradeserver.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.engine.VenueStatus;
import io.tradeserver.event.Balances;
import io.tradeserver.event.FillReport;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.testing.ScriptedVenue;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paper trading on live data: the "live" venue is a {@link ScriptedVenue} whose book and trades the
 * test scripts; orders are filled by the paper simulator against them and never reach the venue.
 * Taker fee 10 bps, maker fee 2 bps, paper account 100,000 USDT and 1 BTC.
 */
class PaperTradingTest {
  static final String[][] BIDS = {{"63990.00", "1"}, {"63980.00", "2"}};
  static final String[][] ASKS = {{"64000.00", "0.5"}, {"64010.00", "1"}, {"64050.00", "2"}};
  final TestClock clock = new TestClock();
  final RecordingListener rec = new RecordingListener();
  final ScriptedVenue.Provider provider =
      new ScriptedVenue.Provider(List.of(ScriptedVenue.btcUsdt("live")));
  TradeServer ts;
  PaperExchangeClient paper;
  ScriptedVenue live;

  @BeforeEach
  void start() {
    VenueConfig cfg =
        VenueConfig.builder("scripted")
            .venue("live")
            .paper(true)
            .credentials(Credentials.of("real-key-id", "real-secret"))
            .takerFeeBps(BigDecimal.TEN)
            .makerFeeBps(new BigDecimal("2"))
            .option(PaperExchangeClient.BALANCES_OPTION, "USDT=100000,BTC=1")
            .build();
    TradeServerBuilder b =
        TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)).listener(rec);
    paper = PaperExchangeClient.create(provider, b.venueContext(cfg));
    ts = b.venue(paper, cfg).build();
    live = provider.created();
    ts.connect();
    step(3);
    live.book("BTC-USDT", BIDS, ASKS);
    step(2);
    rec.clear();
  }

  @AfterEach
  void close() {
    ts.close();
  }

  @Test
  void aMarketOrderWalksTheLiveBookAndNeverReachesTheVenue() {
    ts.offer(signal("m1", Side.BUY, OrderType.MARKET, "1", null, null));
    step(2);

    String cid = rec.of(Order.class).get(0).clientOrderId();
    assertThat(rec.statuses(cid))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "FILLED");
    assertThat(fills())
        .containsExactly(
            "P-live-1 BUY 0.50000@64000.00 fee 32.00000000 USDT TAKER",
            "P-live-2 BUY 0.50000@64010.00 fee 32.00500000 USDT TAKER");
    Position p = rec.of(Position.class).get(1);
    assertThat(p.quantity()).isEqualTo(Quantity.parse("1.00000"));
    assertThat(p.averagePrice().toBigDecimal()).isEqualByComparingTo("64005");
    assertThat(live.calls())
        .as("the live client only streamed data")
        .containsExactly("start", "subscribeBook BTC-USDT 20", "subscribeTrades BTC-USDT");
    assertThat(live.context().config().credentials())
        .as("the live client never had the keys")
        .isNull();
    assertThat(live.context().config().options())
        .as("nor the paper option, which real adapters would refuse")
        .doesNotContainKey(PaperExchangeClient.BALANCES_OPTION);
    assertThat(ts.isPaper("live")).isTrue();
    assertThat(fresh().venues()).extracting(VenueStatus::paper).containsExactly(true);

    paper.requestBalances(); // answered by the paper account, not the venue
    step(1);
    assertThat(paperBalance("USDT")).isEqualByComparingTo("35930.995"); // 100000 - 64005 - 64.005
    assertThat(paperBalance("BTC")).isEqualByComparingTo("2");
  }

  @Test
  void aRestingLimitFillsOnlyWhenLiveTradesOrTheBookGoThroughIt() {
    ts.offer(signal("l1", Side.BUY, OrderType.LIMIT, "0.3", "63985.00", TimeInForce.GTC));
    step(1);
    String cid = rec.of(Order.class).get(0).clientOrderId();
    assertThat(rec.statuses(cid)).containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED");

    live.trade("BTC-USDT", "t1", "63985.00", "1", Side.SELL); // at our price: queue unknown
    step(1);
    assertThat(fills()).isEmpty();

    live.trade("BTC-USDT", "t2", "63984.99", "0.1", Side.SELL); // through it: 0.1 of it is ours
    step(1);
    assertThat(rec.statuses(cid)).endsWith("ACCEPTED", "PARTIALLY_FILLED");

    live.book(
        "BTC-USDT",
        new String[][] {{"63983.00", "1"}},
        new String[][] {
          {"63984.00", "0.05"}, {"63985.00", "1"}
        }); // sellers came down through our bid
    step(1);
    assertThat(rec.statuses(cid)).endsWith("PARTIALLY_FILLED", "FILLED");
    assertThat(fills())
        .containsExactly(
            "P-live-1 BUY 0.10000@63985.00 fee 1.27970000 USDT MAKER",
            "P-live-2 BUY 0.20000@63985.00 fee 2.55940000 USDT MAKER");
    assertThat(live.calls()).noneMatch(c -> c.startsWith("submit"));
  }

  @Test
  void aCanceledOrderIsReleasedAndAnUnmarketableIocExpires() {
    ts.offer(signal("g1", Side.SELL, OrderType.LIMIT, "0.5", "64100.00", TimeInForce.GTC));
    step(1);
    String resting = rec.of(Order.class).get(0).clientOrderId();
    ts.cancel(resting);
    ts.offer(signal("i1", Side.BUY, OrderType.LIMIT, "0.1", "63900.00", TimeInForce.IOC));
    step(2);
    String ioc =
        rec.of(Order.class).stream()
            .map(Order::clientOrderId)
            .filter(c -> !c.equals(resting))
            .findFirst()
            .orElseThrow();
    assertThat(rec.statuses(resting))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "PENDING_CANCEL", "CANCELED");
    assertThat(rec.statuses(ioc))
        .containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "EXPIRED");
    assertThat(fills()).isEmpty();
    assertThat(live.calls()).noneMatch(c -> c.startsWith("submit") || c.startsWith("cancel"));
  }

  @Test
  void accountEventsFromTheLiveVenueNeverReachTheEngine() {
    live.emit(
        new Balances(
            "live",
            List.of(new Balance("USDT", Quantity.parse("5"), Quantity.parse("0"))),
            true,
            clock.nanos()));
    live.emit(
        new FillReport(
            "live",
            new Fill(
                InstrumentId.of("live", "BTC-USDT"),
                "real-order",
                "1",
                "live-trade-1",
                Side.BUY,
                Price.parse("64000"),
                Quantity.parse("0.1"),
                null,
                null,
                null,
                clock.nanos()),
            null,
            clock.nanos()));
    step(2);
    assertThat(rec.all()).noneMatch(e -> e instanceof Balances || e instanceof Fill);
    assertThat(fresh().fills()).isZero();
  }

  @Test
  void paperInTheVenueConfigWrapsTheProvidersClient() {
    TestClock c2 = new TestClock();
    RecordingListener r2 = new RecordingListener();
    try (TradeServer sim =
        TradeServer.builder()
            .clock(c2)
            .scheduler(new ManualScheduler(c2))
            .listener(r2)
            .venue(VenueConfig.builder("sim").paper(true).build())
            .build()) {
      sim.connect();
      for (int i = 0; i < 6; i++) {
        sim.doWork();
        c2.advance(Duration.ofMillis(100));
      }
      sim.offer(
          Signal.builder()
              .signalId("s1")
              .symbol("BTC-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.01")
              .exchange("sim")
              .build());
      for (int i = 0; i < 3; i++) {
        sim.doWork();
        c2.advance(Duration.ofMillis(1));
      }
      assertThat(sim.isPaper("sim")).isTrue();
      assertThat(r2.of(Fill.class))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.tradeId()).startsWith("P-sim-"));
    }
  }

  @Test
  void aKeyRotationNeverTurnsAPaperVenueLive() {
    TestClock c2 = new TestClock();
    RecordingListener r2 = new RecordingListener();
    try (TradeServer sim =
        TradeServer.builder()
            .clock(c2)
            .scheduler(new ManualScheduler(c2))
            .listener(r2)
            .venue(
                VenueConfig.builder("sim")
                    .paper(true)
                    .credentials(Credentials.of("key-1", "secret-1"))
                    .build())
            .build()) {
      sim.connect();
      var rotated = sim.rotateCredentials("sim", Credentials.of("key-2", "secret-2"));
      for (int i = 0; i < 6; i++) {
        sim.doWork();
        c2.advance(Duration.ofMillis(100));
      }
      assertThat(rotated.join().detail()).contains("trades on paper");
      sim.offer(
          Signal.builder()
              .signalId("r1")
              .symbol("BTC-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.01")
              .exchange("sim")
              .build());
      for (int i = 0; i < 3; i++) {
        sim.doWork();
        c2.advance(Duration.ofMillis(1));
      }
      assertThat(r2.of(Fill.class))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.tradeId()).startsWith("P-sim-"));
    }
  }

  @Test
  void badPaperBalancesAreRefusedAtBuildNamingEachEntry() {
    assertThatThrownBy(
            () ->
                TradeServer.builder()
                    .venue(
                        VenueConfig.builder("sim")
                            .paper(true)
                            .option(PaperExchangeClient.BALANCES_OPTION, "USDT=abc,BTC,ETH=1")
                            .build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venue sim: paperBalances")
        .hasMessageContaining("'USDT=abc', 'BTC'")
        .hasMessageNotContaining("ETH");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Signal signal(
      String id, Side side, OrderType type, String qty, String price, TimeInForce tif) {
    Signal.Builder b =
        Signal.builder()
            .signalId(id)
            .symbol("BTC-USDT")
            .side(side)
            .type(type)
            .quantity(qty)
            .exchange("live");
    if (price != null) {
      b.price(price).timeInForce(tif);
    }
    return b.build();
  }

  private List<String> fills() {
    return rec.of(Fill.class).stream()
        .map(
            f ->
                f.tradeId()
                    + " "
                    + f.side()
                    + " "
                    + f.quantity()
                    + "@"
                    + f.price()
                    + " fee "
                    + f.fee()
                    + " "
                    + f.feeAsset()
                    + " "
                    + f.liquidity())
        .collect(Collectors.toList());
  }

  private BigDecimal paperBalance(String asset) {
    List<Balances> all = rec.of(Balances.class);
    return all.get(all.size() - 1).balances().stream()
        .filter(b -> b.asset().equals(asset))
        .findFirst()
        .orElseThrow()
        .total()
        .toBigDecimal();
  }

  private StatusSnapshot fresh() {
    var f = ts.freshStatus();
    ts.doWork();
    return f.join();
  }

  private void step(int n) {
    for (int i = 0; i < n; i++) {
      ts.doWork();
      clock.advance(Duration.ofMillis(1));
      ts.doWork();
    }
  }
}
