package io.tradeserver.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.FillReport;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A routed signal redelivered after a crash: the instance that died may have routed its order to
 * another venue than this one picks, so the order is looked up under its id on every venue it may
 * be on, sent only when none has it, and tracked where it is found.
 */
class RoutedRedeliveryTest {
  static final Instrument ON_V = instrument("v");
  static final Instrument ON_W = instrument("w");

  final TestClock clock = new TestClock();
  final List<String> calls = new ArrayList<>(); // "<call> <venue> <id>", in order
  final List<String> events = new ArrayList<>(); // "<id> <venue> <status>", in order
  final OrderManager om =
      new OrderManager(
          clock,
          OrderManagerTest.CONFIG,
          new OrderGateway() {
            @Override
            public void submit(ManagedOrder o) {
              calls.add("submit " + o.venue() + " " + o.clientOrderId());
            }

            @Override
            public void cancel(ManagedOrder o) {
              calls.add("cancel " + o.venue() + " " + o.clientOrderId());
            }

            @Override
            public void query(ManagedOrder o) {
              calls.add("query " + o.venue() + " " + o.clientOrderId());
            }

            @Override
            public void requestOpenOrders(String venue) {}
          },
          new OrderListener() {
            @Override
            public void onOrderChanged(ManagedOrder o, OrderStatus previous) {
              events.add(o.clientOrderId() + " " + o.venue() + " " + o.status());
            }

            @Override
            public void onFill(ManagedOrder o, Fill f, boolean reconciled) {
              events.add(o.clientOrderId() + " " + o.venue() + " fill " + f.quantity());
            }
          },
          id -> id.equals(ON_V.id()) ? ON_V : id.equals(ON_W.id()) ? ON_W : null);

  static Instrument instrument(String venue) {
    return Instrument.builder(InstrumentId.of(venue, "BTC-USDT"), "BTCUSDT")
        .tickSize(Price.parse("0.01"))
        .stepSize(Quantity.parse("0.00001"))
        .build();
  }

  static OrderRequest buy(Instrument in) {
    return OrderRequest.limit("a", in, Side.BUY, Price.parse("64000.00"), Quantity.parse("0.01"));
  }

  /** Routed to v this time; the crashed instance may have sent it to w. */
  ManagedOrder check() {
    return om.submitAfterCheck(buy(ON_V), null, "best of v, w", List.of(buy(ON_W)));
  }

  OrderNotFound notFound(Instrument in) {
    return new OrderNotFound(in.exchange(), in.id(), "a", clock.nanos());
  }

  OrderStatusReport accepted(Instrument in, String qty) {
    return new OrderStatusReport(
        in.exchange(),
        in.id(),
        "a",
        "X-a",
        OrderStatus.ACCEPTED,
        Side.BUY,
        OrderType.LIMIT,
        Price.parse("64000.00"),
        Quantity.parse(qty),
        Quantity.parse("0"),
        null,
        clock.nanos());
  }

  @Test
  void itIsLookedUpOnEveryVenueAndSentOnlyOnceNoneHasIt() {
    check();
    assertThat(calls).containsExactly("query v a", "query w a");

    om.onOrderNotFound(notFound(ON_V));
    assertThat(calls).as("w has not answered: it may be there").doesNotContain("submit v a");

    om.onOrderNotFound(notFound(ON_W));
    assertThat(calls).containsExactly("query v a", "query w a", "submit v a");
    assertThat(events).containsExactly("a v PENDING_NEW", "a v SUBMITTED");
    assertThat(om.get("a").reasonDetail()).contains("not found on any venue");
  }

  @Test
  void foundOnTheOtherVenueItIsTrackedThereAtTheReportedQuantityAndNeverSent() {
    check();
    assertThat(om.exposure().of(ON_V.id()).orders()).isEqualTo(1);

    om.onOrderNotFound(notFound(ON_V));
    om.onOrderStatusReport(accepted(ON_W, "0.02")); // the earlier instance sized it differently
    om.onFillReport(
        new FillReport(
            "w",
            new Fill(
                ON_W.id(),
                "a",
                "X-a",
                "t1",
                Side.BUY,
                Price.parse("64000.00"),
                Quantity.parse("0.02"),
                null,
                null,
                Liquidity.MAKER,
                clock.nanos()),
            null,
            clock.nanos()));
    clock.advance(Duration.ofSeconds(10));
    om.onTimer(clock.nanos());

    assertThat(calls).containsExactly("query v a", "query w a");
    assertThat(events)
        .containsExactly(
            "a v PENDING_NEW", "a w PENDING_NEW", "a w ACCEPTED", "a w fill 0.02", "a w FILLED");
    assertThat(om.get("a").venue()).isEqualTo("w");
    assertThat(om.get("a").reasonDetail()).contains("found on w");
    assertThat(om.exposure().of(ON_V.id()).orders()).as("no longer reserved on v").isZero();
  }

  @Test
  void withoutAnAnswerFromEveryVenueItIsRejectedNotSent() {
    check();
    om.onOrderNotFound(notFound(ON_V));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      om.onTimer(clock.nanos());
    }
    assertThat(calls)
        .as("only the venue that has not answered is asked again")
        .containsExactly("query v a", "query w a", "query w a", "query w a");
    assertThat(events).containsExactly("a v PENDING_NEW", "a v REJECTED");
    assertThat(om.get("a").reasonDetail()).contains("every venue it may be on");
  }

  @Test
  void aCancelWhileCheckingGoesToEveryVenueItMayBeOn() {
    check();
    assertThat(om.cancel("a")).isTrue();
    assertThat(calls).containsExactly("query v a", "query w a", "cancel w a", "cancel v a");
  }

  @Test
  void listedAmongTheOtherVenuesOpenOrdersItIsTrackedThere() {
    check();
    om.onOpenOrders(new OpenOrders("w", null, List.of(accepted(ON_W, "0.01")), clock.nanos()));
    assertThat(events).containsExactly("a v PENDING_NEW", "a w PENDING_NEW", "a w ACCEPTED");
    assertThat(om.exposure().of(ON_W.id()).orders()).isEqualTo(1);
    assertThat(om.exposure().of(ON_V.id()).orders()).isZero();
  }
}
