package io.tradeserver.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order manager scenarios; each asserts the whole sequence of what the manager reported and asked.
 */
class OrderManagerTest {
  static final Instrument BTC =
      Instrument.builder(InstrumentId.of("v", "BTC-USDT"), "BTCUSDT")
          .tickSize(Price.parse("0.01"))
          .stepSize(Quantity.parse("0.00001"))
          .build();

  final TestClock clock = new TestClock();
  final List<String> events = new ArrayList<>(); // what the manager reported, in order
  final List<String> calls = new ArrayList<>(); // what it asked the venue, in order

  /** Ack and cancel timeouts 5 s, queries 1 s apart, 3 lookups, grace 2 s, 1,000 retained. */
  static final OrderManagerConfig CONFIG =
      new OrderManagerConfig(
          Duration.ofSeconds(5),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1),
          3,
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          1000,
          1000);

  final OrderManagerConfig config = CONFIG;
  OrderManager om;
  boolean failSubmit;

  @BeforeEach
  void setUp() {
    om = manager(config);
  }

  OrderManager manager(OrderManagerConfig c) {
    OrderGateway gateway =
        new OrderGateway() {
          @Override
          public void submit(ManagedOrder o) {
            calls.add("submit " + o.clientOrderId());
            if (failSubmit) {
              throw new IllegalStateException("socket closed");
            }
          }

          @Override
          public void cancel(ManagedOrder o) {
            calls.add("cancel " + o.clientOrderId());
          }

          @Override
          public void query(ManagedOrder o) {
            calls.add("query " + o.clientOrderId());
          }

          @Override
          public void requestOpenOrders(String venue) {
            calls.add("openOrders " + venue);
          }
        };
    OrderListener listener =
        new OrderListener() {
          @Override
          public void onOrderChanged(ManagedOrder o, OrderStatus previous) {
            events.add(
                o.clientOrderId()
                    + " "
                    + o.status()
                    + (o.reason() == null ? "" : " " + o.reason()));
          }

          @Override
          public void onFill(ManagedOrder o, Fill f, boolean reconciled) {
            events.add(
                (o == null ? "orphan" : o.clientOrderId())
                    + " fill "
                    + f.tradeId()
                    + " "
                    + f.quantity()
                    + (reconciled ? " reconciled" : ""));
          }
        };
    return new OrderManager(clock, c, gateway, listener, id -> id.equals(BTC.id()) ? BTC : null);
  }

  static OrderRequest buy(String cid, String qty) {
    return OrderRequest.limit(cid, BTC, Side.BUY, Price.parse("64000.00"), Quantity.parse(qty));
  }

  OrderAccepted ack(String cid) {
    return new OrderAccepted("v", BTC.id(), cid, "X-" + cid, clock.nanos());
  }

  FillReport fill(String cid, String tradeId, String qty) {
    return new FillReport(
        "v",
        new Fill(
            BTC.id(),
            cid,
            "X-" + cid,
            tradeId,
            Side.BUY,
            Price.parse("64000.00"),
            Quantity.parse(qty),
            Quantity.parse("0.01"),
            "USDT",
            Liquidity.MAKER,
            clock.nanos()),
        null,
        clock.nanos());
  }

  OrderStatusReport report(String cid, OrderStatus status, String filled) {
    return new OrderStatusReport(
        "v",
        BTC.id(),
        cid,
        "X-" + cid,
        status,
        Side.BUY,
        OrderType.LIMIT,
        Price.parse("64000.00"),
        Quantity.parse("0.01000"),
        Quantity.parse(filled),
        Price.parse("64000.00"),
        clock.nanos());
  }

  @Test
  void acceptedThenPartiallyThenFullyFilled() {
    om.submit(buy("a", "0.01000"));
    assertThat(om.exposure().of(BTC.id()).orders()).isEqualTo(1);
    om.onOrderAccepted(ack("a"));
    om.onFillReport(fill("a", "t1", "0.004"));
    om.onFillReport(fill("a", "t2", "0.006"));
    assertThat(events)
        .containsExactly(
            "a PENDING_NEW",
            "a SUBMITTED",
            "a ACCEPTED",
            "a fill t1 0.004",
            "a PARTIALLY_FILLED",
            "a fill t2 0.006",
            "a FILLED");
    assertThat(calls).containsExactly("submit a");
    assertThat(om.get("a").averagePrice()).isEqualTo(Price.parse("64000"));
    assertThat(om.exposure().of(BTC.id()).orders()).isZero();
    assertThat(om.exposure().of(BTC.id()).buyUnits()).isZero();
  }

  @Test
  void aFillBeforeTheAckIsAppliedAndTheLateAckChangesNothing() {
    om.submit(buy("a", "0.01"));
    om.onFillReport(fill("a", "t1", "0.01"));
    om.onOrderAccepted(ack("a"));
    assertThat(events)
        .containsExactly("a PENDING_NEW", "a SUBMITTED", "a fill t1 0.01", "a FILLED");
    assertThat(om.get("a").exchangeOrderId()).isEqualTo("X-a");
  }

  @Test
  void aTradeIsAppliedOnce() {
    om.submit(buy("a", "0.01"));
    om.onOrderAccepted(ack("a"));
    om.onFillReport(fill("a", "t1", "0.004"));
    om.onFillReport(fill("a", "t1", "0.004"));
    assertThat(events).filteredOn(e -> e.contains("fill")).containsExactly("a fill t1 0.004");
    assertThat(om.duplicateFills()).isEqualTo(1);
    assertThat(om.get("a").filledUnits()).isEqualTo(400);
  }

  @Test
  void aFillAfterTheCancelReportIsStillAppliedAndCanCompleteTheOrder() {
    om.submit(buy("a", "0.01"));
    om.onOrderAccepted(ack("a"));
    assertThat(om.cancel("a")).isTrue();
    om.onOrderCanceled(new OrderCanceled("v", BTC.id(), "a", "X-a", clock.nanos()));
    om.onFillReport(fill("a", "t1", "0.004"));
    om.onFillReport(fill("a", "t2", "0.006"));
    assertThat(events)
        .containsExactly(
            "a PENDING_NEW",
            "a SUBMITTED",
            "a ACCEPTED",
            "a PENDING_CANCEL",
            "a CANCELED",
            "a fill t1 0.004",
            "a fill t2 0.006",
            "a FILLED");
    assertThat(calls).containsExactly("submit a", "cancel a");
    assertThat(om.cancel("a")).as("nothing left to cancel").isFalse();
  }

  @Test
  void silenceAfterSendBecomesUnknownAndIsResolvedByQueryNeverByResending() {
    om.submit(buy("a", "0.01"));
    clock.advance(Duration.ofSeconds(4));
    om.onTimer(clock.nanos());
    assertThat(om.get("a").status()).isEqualTo(OrderStatus.SUBMITTED);
    clock.advance(Duration.ofSeconds(1));
    om.onTimer(clock.nanos());
    om.onOrderStatusReport(report("a", OrderStatus.ACCEPTED, "0"));
    assertThat(events).containsExactly("a PENDING_NEW", "a SUBMITTED", "a UNKNOWN", "a ACCEPTED");
    assertThat(calls).containsExactly("submit a", "query a");
  }

  @Test
  void anUnknownOrderTheVenueNeverHadIsRejectedAfterRepeatedQueriesAndRevivedIfItAppears() {
    om.submit(buy("a", "0.01"));
    om.onSubmitUnknown(new SubmitUnknown("v", BTC.id(), "a", "timeout", clock.nanos()));
    for (int i = 0; i < 2; i++) { // answers to queries 1 and 2: not yet conclusive
      om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos()));
      clock.advance(Duration.ofSeconds(1));
      om.onTimer(clock.nanos());
      assertThat(om.get("a").status()).isEqualTo(OrderStatus.UNKNOWN);
    }
    om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos())); // third: conclusive
    assertThat(om.get("a").status()).isEqualTo(OrderStatus.REJECTED);
    om.onOrderAccepted(ack("a")); // the venue had it after all
    assertThat(events)
        .containsExactly(
            "a PENDING_NEW",
            "a SUBMITTED",
            "a UNKNOWN",
            "a REJECTED NOT_FOUND_AT_VENUE",
            "a ACCEPTED NOT_FOUND_AT_VENUE");
    assertThat(calls).containsExactly("submit a", "query a", "query a", "query a");
    assertThat(om.exposure().of(BTC.id()).orders()).as("revived order counts as open").isEqualTo(1);
  }

  @Test
  void aRefusedCancelOfAnOrderTheVenueNoLongerKnowsTriggersAQuery() {
    om.submit(buy("a", "0.01"));
    om.onOrderAccepted(ack("a"));
    om.onFillReport(fill("a", "t1", "0.004"));
    om.cancel("a");
    om.onCancelRejected(
        new CancelRejected(
            "v", BTC.id(), "a", RejectCode.UNKNOWN_ORDER, "-2011", "Unknown order", clock.nanos()));
    assertThat(events).endsWith("a PENDING_CANCEL", "a PARTIALLY_FILLED");
    assertThat(calls).containsExactly("submit a", "cancel a", "query a");
  }

  @Test
  void aGatewayFailureMeansNotSent() {
    failSubmit = true;
    om.submit(buy("a", "0.01"));
    assertThat(events).containsExactly("a PENDING_NEW", "a SUBMITTED", "a REJECTED VENUE_REJECTED");
    assertThat(om.get("a").reasonDetail()).contains("not sent").contains("socket closed");
  }

  @Test
  void venueFillsWithoutTradesAreReconciledAfterTheGraceUnlessTheTradesArrive() {
    om.submit(buy("a", "0.01"));
    om.submit(buy("b", "0.01"));
    om.onOrderStatusReport(report("a", OrderStatus.FILLED, "0.01"));
    om.onOrderStatusReport(report("b", OrderStatus.FILLED, "0.01"));
    om.onFillReport(fill("b", "tb", "0.01")); // b's trade arrives within the grace
    clock.advance(Duration.ofSeconds(2));
    om.onTimer(clock.nanos());
    om.onFillReport(fill("a", "ta", "0.01")); // a's real trade after its reconciliation: not twice
    assertThat(events)
        .filteredOn(e -> e.contains("fill"))
        .containsExactly("b fill tb 0.01", "a fill reconciled-a-1000 0.01000 reconciled");
    assertThat(om.get("a").filledUnits()).isEqualTo(1000);
  }

  @Test
  void openOrdersReconcileMissingOnesAndAdoptUnknownOnes() {
    om.submit(buy("a", "0.01"));
    om.onOrderAccepted(ack("a"));
    OrderStatusReport foreign =
        new OrderStatusReport(
            "v",
            BTC.id(),
            "zz",
            "X-zz",
            OrderStatus.PARTIALLY_FILLED,
            Side.SELL,
            OrderType.LIMIT,
            Price.parse("65000.00"),
            Quantity.parse("0.02"),
            Quantity.parse("0.005"),
            Price.parse("65000.00"),
            clock.nanos());
    om.onOpenOrders(new OpenOrders("v", null, List.of(foreign), clock.nanos()));
    assertThat(calls).containsExactly("submit a", "query a");
    ManagedOrder adopted = om.get("zz");
    assertThat(adopted.adopted()).isTrue();
    assertThat(adopted.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(adopted.filledUnits())
        .as("fills from before we knew it are a baseline")
        .isEqualTo(500);
    assertThat(events).noneMatch(e -> e.startsWith("zz fill"));
    assertThat(om.exposure().of(BTC.id()).sellUnits()).isEqualTo(1500);
    assertThat(om.exposure().openOrders("v")).isEqualTo(2);
  }

  @Test
  void terminalOrdersLeaveMemoryAfterRetentionButTheirTradesAreStillRecognized() {
    om.submit(buy("a", "0.01"));
    om.onFillReport(fill("a", "t1", "0.01"));
    clock.advance(Duration.ofSeconds(61));
    om.onTimer(clock.nanos());
    assertThat(om.get("a")).isNull();
    om.onFillReport(fill("a", "t1", "0.01")); // duplicate of a forgotten trade
    om.onFillReport(fill("a", "t9", "0.001")); // a genuinely new, late trade
    assertThat(events)
        .filteredOn(e -> e.contains("fill"))
        .containsExactly("a fill t1 0.01", "orphan fill t9 0.001");
    assertThat(om.duplicateFills()).isEqualTo(1);
  }

  @Test
  void retentionIsAlsoBoundedByCount() {
    om = manager(config.withRetention(Duration.ofHours(1), 10));
    for (int i = 0; i < 50; i++) {
      String cid = "o" + i;
      om.submit(buy(cid, "0.01"));
      om.onFillReport(fill(cid, "t" + i, "0.01"));
    }
    om.onTimer(clock.nanos());
    assertThat(om.orders()).hasSize(10);
    assertThat(om.get("o49")).isNotNull();
    assertThat(om.get("o0")).isNull();
  }

  @Test
  void theOpenInstrumentListHoldsExactlyTheInstrumentsWithOpenOrders() {
    Instrument eth =
        Instrument.builder(InstrumentId.of("v", "ETH-USDT"), "ETHUSDT")
            .tickSize(Price.parse("0.01"))
            .stepSize(Quantity.parse("0.001"))
            .build();
    om.submit(buy("a", "0.01"));
    om.submit(OrderRequest.limit("e", eth, Side.SELL, Price.parse("3000.00"), Quantity.parse("1")));
    om.submit(buy("b", "0.02"));
    assertThat(openInstruments()).containsExactlyInAnyOrder(BTC.id(), eth.id());
    om.onOrderCanceled(new OrderCanceled("v", BTC.id(), "a", "X-a", clock.nanos()));
    assertThat(openInstruments()).as("b still works").containsExactlyInAnyOrder(BTC.id(), eth.id());
    om.onOrderCanceled(new OrderCanceled("v", BTC.id(), "b", "X-b", clock.nanos()));
    assertThat(openInstruments()).containsExactly(eth.id());
    assertThat(om.exposure().openAt(0).sellUnits()).isEqualTo(1000);
    om.onOrderCanceled(new OrderCanceled("v", eth.id(), "e", "X-e", clock.nanos()));
    assertThat(openInstruments()).isEmpty();
    om.submit(buy("c", "0.01"));
    assertThat(openInstruments()).containsExactly(BTC.id());
  }

  private List<InstrumentId> openInstruments() {
    List<InstrumentId> ids = new ArrayList<>();
    for (int i = 0; i < om.exposure().openInstruments(); i++) {
      ids.add(om.exposure().openAt(i).instrument().id());
    }
    return ids;
  }

  // ---- a redelivered order is looked up before it is sent ----------------------------------

  @Test
  void aCheckedOrderTheVenueNeverHadIsSentOnce() {
    om.submitAfterCheck(buy("a", "0.01"), null, null);
    assertThat(calls).containsExactly("query a");
    assertThat(om.get("a").status()).isEqualTo(OrderStatus.PENDING_NEW);
    assertThat(om.exposure().of(BTC.id()).orders()).as("reserves while checked").isEqualTo(1);
    om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos()));
    om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos())); // a late duplicate
    om.onOrderAccepted(ack("a"));
    assertThat(calls).containsExactly("query a", "submit a");
    assertThat(events).containsExactly("a PENDING_NEW", "a SUBMITTED", "a ACCEPTED");
    assertThat(om.get("a").reasonDetail()).contains("not found at the venue, sent");
  }

  @Test
  void aCheckedOrderTheVenueHasIsTrackedAsItStandsAndNeverSent() {
    om.submitAfterCheck(buy("a", "0.01"), null, null);
    om.submitAfterCheck(buy("b", "0.01"), null, null);
    om.onOrderStatusReport(report("a", OrderStatus.ACCEPTED, "0"));
    om.onOrderStatusReport(report("b", OrderStatus.FILLED, "0.01"));
    clock.advance(Duration.ofSeconds(10));
    om.onTimer(clock.nanos()); // no more lookups; b's fill is reconciled after the grace
    assertThat(calls).containsExactly("query a", "query b");
    assertThat(events)
        .containsExactly(
            "a PENDING_NEW",
            "b PENDING_NEW",
            "a ACCEPTED",
            "b FILLED",
            "b fill reconciled-b-1000 0.01000 reconciled");
    assertThat(om.exposure().of(BTC.id()).orders()).isEqualTo(1);
  }

  @Test
  void aCheckedOrderWithoutAnswersIsRejectedNotSentBlindly() {
    om.submitAfterCheck(buy("a", "0.01"), null, null);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      om.onTimer(clock.nanos());
    }
    assertThat(calls).containsExactly("query a", "query a", "query a");
    assertThat(events).containsExactly("a PENDING_NEW", "a REJECTED VENUE_UNAVAILABLE");
    om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos())); // too late
    assertThat(calls).doesNotContain("submit a");
  }

  @Test
  void aCancelWhileCheckingReachesTheVenueAndTheOrderIsNeverSent() {
    om.submitAfterCheck(buy("a", "0.01"), null, null);
    assertThat(om.cancel("a")).isTrue();
    om.onOrderNotFound(new OrderNotFound("v", BTC.id(), "a", clock.nanos()));
    clock.advance(Duration.ofSeconds(10));
    om.onTimer(clock.nanos());
    assertThat(calls).containsExactly("query a", "cancel a");
    assertThat(events).containsExactly("a PENDING_NEW", "a CANCELED");
  }
}
