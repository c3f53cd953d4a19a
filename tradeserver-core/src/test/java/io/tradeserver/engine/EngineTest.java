package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Position;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.paper.SimExchangeProvider;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.testing.ScriptedVenue;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
  final TestClock clock = new TestClock();
  final RecordingListener rec = new RecordingListener();
  TradeServer ts;

  @AfterEach
  void close() {
    if (ts != null) {
      ts.close();
    }
  }

  TradeServer hostDriven(EngineConfig config, VenueConfig... venues) {
    TradeServerBuilder b =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .engineConfig(config)
            .listener(rec);
    for (VenueConfig v : venues) {
      b.venue(v);
    }
    ts = b.build();
    ts.connect();
    step(Duration.ofMillis(100), 3); // instruments, balances, first books
    return ts;
  }

  void step(Duration d, int times) {
    for (int i = 0; i < times; i++) {
      ts.doWork();
      clock.advance(d);
      ts.doWork();
    }
  }

  /** A status from the engine thread, which in host-driven mode runs only when we call doWork. */
  StatusSnapshot fresh() {
    var f = ts.freshStatus();
    ts.doWork();
    return f.join();
  }

  static Signal market(String id, Side side, String qty) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(side)
        .type(OrderType.MARKET)
        .quantity(qty)
        .exchange("sim")
        .build();
  }

  @Test
  void serviceLoaderFindsTheSimProviderInTheCoreJar() {
    List<String> ids =
        StreamSupport.stream(ServiceLoader.load(ExchangeClientProvider.class).spliterator(), false)
            .map(ExchangeClientProvider::id)
            .toList();
    assertThat(ids).contains("sim");
    assertThat(new SimExchangeProvider().id()).isEqualTo("sim");
  }

  @Test
  void signalToSubmitLatencyRunsFromReceiptOrFromTheBridgesStamp() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    ts.offer(market("late", Side.BUY, "0.01")); // received now, handled 250 µs later
    clock.advanceNanos(250_000);
    ts.doWork();
    LatencySummary one = fresh().signalToSubmit();
    assertThat(one.count()).isEqualTo(1);
    assertThat(one.maxUs()).isCloseTo(250, org.assertj.core.data.Percentage.withPercentage(4));

    Signal stamped = // the NATS bridge stamps when the message arrived, before the engine sees it
        Signal.builder()
            .signalId("stamped")
            .symbol("BTC-USDT")
            .side(Side.SELL)
            .type(OrderType.MARKET)
            .quantity("0.01")
            .exchange("sim")
            .receivedNanos(clock.nanos() - TimeUnit.MILLISECONDS.toNanos(2))
            .build();
    ts.offer(stamped);
    ts.doWork();
    LatencySummary two = fresh().signalToSubmit();
    assertThat(two.count()).isEqualTo(2);
    assertThat(two.maxUs()).isCloseTo(2_000, org.assertj.core.data.Percentage.withPercentage(4));
  }

  @Test
  void refusedInputsAreDeadLetteredInTheirTurnAmongTheSignals() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    rec.clear();
    ts.offer(market("first", Side.BUY, "0.01"));
    assertThat(ts.reportRejectedSignal(RejectCode.MALFORMED_SIGNAL, "not JSON", "{oops", null))
        .isEqualTo(OfferResult.ACCEPTED);
    ts.offer(market("third", Side.SELL, "0.01"));
    ts.doWork();
    List<String> sequence =
        rec.all().stream()
            .map(
                e ->
                    e instanceof Order o
                        ? o.signalId()
                        : e instanceof SignalRejected r ? "dead letter: " + r.detail() : null)
            .filter(x -> x != null)
            .distinct()
            .toList();
    assertThat(sequence).containsExactly("first", "dead letter: not JSON", "third");
    StatusSnapshot st = fresh();
    assertThat(st.signals()).isEqualTo(3);
    assertThat(st.signalsRejected()).isEqualTo(1);
    assertThat(st.rejectsByReason()).containsEntry("MALFORMED_SIGNAL", 1L);
  }

  @Test
  void aSignalTravelsThroughRiskToAFillAndAPosition() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    assertThat(ts.offer(market("s1", Side.BUY, "0.01"))).isEqualTo(OfferResult.ACCEPTED);
    step(Duration.ofMillis(1), 2);
    List<Order> updates = rec.of(Order.class);
    String cid = updates.get(0).clientOrderId();
    assertThat(rec.statuses(cid)).containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED", "FILLED");
    Order filled = updates.get(updates.size() - 1);
    assertThat(filled.signalId()).isEqualTo("s1");
    assertThat(filled.filledQuantity()).isEqualTo(Quantity.parse("0.01"));
    assertThat(filled.reasonDetail()).startsWith("protection ");
    Position p = rec.of(Position.class).get(0);
    assertThat(p.quantity()).isEqualTo(Quantity.parse("0.01"));
    assertThat(fresh().fills()).isEqualTo(rec.of(io.tradeserver.model.Fill.class).size());
  }

  @Test
  void aRepeatedSignalIdIsNotTradedAgain() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    ts.offer(market("s1", Side.BUY, "0.01"));
    ts.offer(market("s1", Side.BUY, "0.01"));
    step(Duration.ofMillis(1), 2);
    assertThat(rec.of(SignalRejected.class))
        .extracting(SignalRejected::reason)
        .containsExactly(RejectCode.DUPLICATE_SIGNAL);
    assertThat(rec.of(Order.class).stream().map(Order::clientOrderId).distinct()).hasSize(1);
  }

  @Test
  void unknownVenueAndSymbolAreDeadLetteredWithReasons() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    ts.offer(
        Signal.builder()
            .signalId("a")
            .symbol("BTC-USDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity("0.01")
            .exchange("nope")
            .build());
    ts.offer(
        Signal.builder()
            .signalId("b")
            .symbol("DOGE-USDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity("1")
            .exchange("sim")
            .build());
    ts.offer(
        Signal.builder()
            .signalId("c")
            .symbol("DOGE-USDT")
            .side(Side.BUY)
            .type(OrderType.MARKET)
            .quantity("1")
            .build());
    step(Duration.ofMillis(1), 1);
    assertThat(rec.of(SignalRejected.class))
        .extracting(SignalRejected::reason)
        .containsExactly(
            RejectCode.UNKNOWN_EXCHANGE, RejectCode.UNKNOWN_SYMBOL, RejectCode.UNKNOWN_SYMBOL);
    assertThat(rec.of(Order.class)).isEmpty();
  }

  @Test
  void anOffStepQuantityIsACleanRejectionAndTheEngineGoesOn() {
    hostDriven(EngineConfig.defaults(), VenueConfig.builder("sim").build());
    ts.offer(market("bad", Side.BUY, "0.014446")); // 6 decimals, the step has 5
    ts.offer(market("good", Side.BUY, "0.01"));
    step(Duration.ofMillis(1), 2);
    assertThat(rec.of(Order.class))
        .filteredOn(o -> o.signalId().equals("bad"))
        .extracting(o -> o.status() + " " + o.reason())
        .containsExactly("REJECTED QUANTITY_NOT_ON_STEP");
    assertThat(rec.of(SignalRejected.class)).isEmpty();
    assertThat(rec.of(Order.class))
        .filteredOn(o -> o.signalId().equals("good"))
        .extracting(Order::status)
        .last()
        .isEqualTo(OrderStatus.FILLED);
    assertThat(fresh().anomalies()).isZero();
  }

  @Test
  void aThrowingListenerDoesNotStopTheEngine() {
    ts =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .venue(VenueConfig.builder("sim").build())
            .listener(
                new TradeServerListener() {
                  @Override
                  public void onOrder(Order order) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .listener(rec)
            .build();
    ts.connect();
    step(Duration.ofMillis(100), 3);
    ts.offer(market("s1", Side.BUY, "0.01"));
    step(Duration.ofMillis(1), 2);
    assertThat(rec.of(Order.class)).extracting(Order::status).last().isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void aFullInboxAnswersBackPressureAndQueuesNothing() {
    hostDriven(
        EngineConfig.defaults().withSignalInboxCapacity(4), VenueConfig.builder("sim").build());
    int accepted = 0;
    OfferResult last = null;
    for (int i = 0; i < 10; i++) {
      last = ts.offer(market("s" + i, Side.BUY, "0.001"));
      accepted += last == OfferResult.ACCEPTED ? 1 : 0;
    }
    assertThat(accepted).isEqualTo(4);
    assertThat(last).isEqualTo(OfferResult.BACK_PRESSURED);
    step(Duration.ofMillis(1), 2);
    assertThat(fresh().signals()).isEqualTo(4);
    assertThat(ts.offer(market("later", Side.BUY, "0.001"))).isEqualTo(OfferResult.ACCEPTED);
  }

  @Test
  void aLostAnswerIsResolvedByQueryAndTheOrderIsNotSentTwice() {
    hostDriven(
        EngineConfig.defaults(),
        VenueConfig.builder("sim").option("timeoutPpm", "1000000").build());
    ts.offer(
        Signal.builder()
            .signalId("s1")
            .symbol("BTC-USDT")
            .side(Side.BUY)
            .type(OrderType.LIMIT)
            .quantity("0.01")
            .price(priceBelowMarket())
            .exchange("sim")
            .build());
    step(Duration.ofMillis(1), 3);
    String cid = rec.of(Order.class).get(0).clientOrderId();
    assertThat(rec.statuses(cid))
        .containsExactly("PENDING_NEW", "SUBMITTED", "UNKNOWN", "ACCEPTED");
  }

  @Test
  void aPrivateStreamGapIsReconciled() {
    hostDriven(
        EngineConfig.defaults(),
        VenueConfig.builder("sim").option("disconnectPpm", "1000000").build());
    ts.offer(market("s1", Side.BUY, "0.01")); // the fill is lost with the stream
    step(Duration.ofMillis(1), 2);
    String cid = rec.of(Order.class).get(0).clientOrderId();
    assertThat(rec.statuses(cid)).doesNotContain("FILLED");
    step(Duration.ofSeconds(1), 4); // stream back -> open orders, then the order is queried
    assertThat(rec.of(io.tradeserver.event.ConnectionEvent.class))
        .extracting(e -> e.channel() + " " + e.state())
        .contains(
            Channel.PRIVATE_STREAM + " " + ConnectionState.DISCONNECTED,
            Channel.PRIVATE_STREAM + " " + ConnectionState.RECONNECTED);
    assertThat(rec.statuses(cid)).endsWith("FILLED");
    assertThat(rec.of(Position.class))
        .last()
        .extracting(Position::quantity)
        .isEqualTo(Quantity.parse("0.01"));
  }

  @Test
  void itsOwnThreadTradesInRealTime() throws Exception {
    ts = TradeServer.builder().venue(VenueConfig.builder("sim").build()).listener(rec).build();
    ts.start();
    Await.until(() -> ts.status().venues().get(0).instruments() > 0, "instruments loaded");
    Await.until(
        Duration.ofSeconds(5),
        () -> {
          ts.offer(market("rt-" + System.nanoTime(), Side.BUY, "0.001"));
          return rec.of(Order.class).stream().anyMatch(o -> o.status() == OrderStatus.FILLED);
        },
        () -> "no fill; events " + rec.all());
    assertThat(ts.freshStatus().get(5, TimeUnit.SECONDS).fills()).isPositive();
  }

  @Test
  void aVenueWithoutProviderIsRefusedAtBuildNamingIt() {
    assertThatThrownBy(
            () -> TradeServer.builder().venue(VenueConfig.builder("nosuch").build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venue nosuch: no provider 'nosuch'");
  }

  private static String priceBelowMarket() {
    return "62500.00"; // inside the default 500 bps collar, below the ask
  }

  @Test
  void aVenueEventTheHostDeliversBetweenStepsIsAppliedInTheNextStep() {
    // A venue that is not engine-driven: nothing else happens on the next step.
    ScriptedVenue.Provider p = new ScriptedVenue.Provider(List.of(ScriptedVenue.btcUsdt("sv")));
    TradeServerBuilder b =
        TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)).listener(rec);
    VenueConfig cfg = VenueConfig.builder("scripted").venue("sv").build();
    b.venue(p.create(b.venueContext(cfg)), cfg);
    TradeServerBuilder.Sink sink = b.sink();
    ts = b.build();
    ts.connect();
    for (int i = 0; i < 3; i++) {
      ts.doWork(); // the host's thread is the engine thread from now on
    }
    sink.onEvent(
        new io.tradeserver.event.VenueAlert(
            "sv", io.tradeserver.event.AlertKind.BOOK_RESYNC, "from the host", 0, clock.nanos()));
    ts.doWork();
    assertThat(fresh().venues().get(0).lastAlert()).contains("from the host");
  }

  @Test
  void signalsWaitForTheVenuesToListTheirInstrumentsAtMostThirtySeconds() {
    ScriptedVenue.Provider p = new ScriptedVenue.Provider(List.of(ScriptedVenue.btcUsdt("sv")));
    TradeServerBuilder b =
        TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)).listener(rec);
    VenueConfig cfg = VenueConfig.builder("scripted").venue("sv").build();
    b.venue(p.create(b.venueContext(cfg)), cfg);
    ts = b.build();
    ts.offer(limitOn("sv", "early-1"));
    for (int i = 0; i < 3; i++) {
      ts.doWork(); // the venue has not listed anything yet: the signal waits
    }
    assertThat(rec.of(SignalRejected.class)).isEmpty();
    ts.connect(); // instruments listed
    ts.doWork();
    ts.doWork();
    assertThat(rec.of(SignalRejected.class)).isEmpty();
    assertThat(rec.of(Order.class)).anyMatch(o -> "early-1".equals(o.signalId()));

    // A venue that never lists: after 30 s signals are decided anyway.
    TradeServerBuilder b2 =
        TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)).listener(rec);
    b2.venue(p.create(b2.venueContext(cfg)), cfg);
    try (TradeServer quiet = b2.build()) {
      quiet.offer(limitOn("sv", "early-2"));
      quiet.doWork();
      clock.advance(Duration.ofSeconds(29));
      quiet.doWork();
      assertThat(rec.of(SignalRejected.class)).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      quiet.doWork();
      assertThat(rec.of(SignalRejected.class))
          .extracting(SignalRejected::reason)
          .containsExactly(RejectCode.UNKNOWN_SYMBOL);
    }
  }

  static Signal limitOn(String venue, String id) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(Side.BUY)
        .type(OrderType.LIMIT)
        .quantity("0.01")
        .price("64000.00")
        .exchange(venue)
        .build();
  }
}
