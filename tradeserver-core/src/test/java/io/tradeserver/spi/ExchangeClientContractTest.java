package io.tradeserver.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.event.Balances;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.testing.RecordingVenueListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExchangeClient} must do, whatever the venue. An adapter's test extends this
 * class and provides a {@link Fixture}: the client under test wired to a scripted venue (a loopback
 * mock server for real venues, a controlled market for the simulator). Each test scripts the
 * venue's next answers, drives the client, and asserts the events it emits.
 */
public abstract class ExchangeClientContractTest {
  private static final AtomicLong IDS = new AtomicLong();

  /** A scripted venue and the client under test. */
  public interface Fixture extends AutoCloseable {
    /** The client under test, not yet started. */
    ExchangeClient client();

    /** Where the client's events are recorded. */
    RecordingVenueListener events();

    /** The canonical symbol ({@code BTC-USDT}) of an instrument the scripted venue lists. */
    String symbol();

    /** Scripts the next submit to be acknowledged and left working. */
    void acceptNextOrder();

    /** Scripts the next submit to be refused for insufficient balance. */
    void rejectNextOrderInsufficientBalance();

    /**
     * Scripts the next submit to fail ambiguously (timeout or 5xx): the venue may have it. The
     * venue does in fact keep it as ACCEPTED, so a later query finds it.
     */
    void failNextOrderAmbiguously();

    /**
     * Makes the venue report a fill of a working order (on its stream, or wherever the adapter
     * learns of fills) with the given trade id, price, quantity and cumulative filled quantity.
     */
    void fill(
        OrderRequest order, String tradeId, Price price, Quantity quantity, Quantity cumulative);

    /** Scripts the next cancel of {@code order} to succeed. */
    void acceptNextCancel(OrderRequest order);

    /** Scripts the next query of {@code order} to report this state. */
    void reportNextQuery(
        OrderRequest order, OrderStatus status, Quantity filled, Price averagePrice);

    /** Scripts the next open-orders request to list exactly these orders as working. */
    void reportOpenOrders(List<OrderRequest> orders);

    /**
     * Scripts the venue's documented answer to a query for an order it never received (a stateful
     * mock may already answer so: then nothing to do).
     */
    void reportNextQueryNotFound(String clientOrderId);

    /**
     * Scripts the next balance request; {@code free} maps asset to free amount (nothing locked).
     */
    void reportBalances(Map<String, String> free);

    /** How many times the venue received a new-order request with this client order id. */
    int submissionsOf(String clientOrderId);

    @Override
    void close();
  }

  /** Creates a fresh fixture for one test. */
  protected abstract Fixture createFixture() throws Exception;

  protected Fixture fixture;
  protected ExchangeClient client;
  protected RecordingVenueListener events;
  protected Instrument instrument;

  @BeforeEach
  void startClient() throws Exception {
    fixture = createFixture();
    client = fixture.client();
    events = fixture.events();
    client.start();
    InstrumentsLoaded loaded = events.await(InstrumentsLoaded.class);
    instrument =
        loaded.instruments().stream()
            .filter(i -> i.symbol().equals(fixture.symbol()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(fixture.symbol() + " not in " + loaded));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  /** A limit buy resting well below any market, at the instrument's tick and step. */
  protected OrderRequest restingBuy() {
    Price p =
        Price.of(
            instrument.tickSize().unitsAt(instrument.priceScale()) * 1000, instrument.priceScale());
    Quantity step = instrument.stepSize().withScale(instrument.quantityScale());
    Quantity min = instrument.minQuantity().withScale(instrument.quantityScale());
    Quantity q =
        Quantity.of(Math.max(step.units() * 10, min.units() * 2), instrument.quantityScale())
            .roundDownToStep(step);
    // Make sure the notional clears the venue minimum.
    while (p.times(q).compareTo(instrument.minNotional()) < 0) {
      q = q.plus(q);
    }
    return OrderRequest.limit(nextClientOrderId(), instrument, Side.BUY, p, q);
  }

  protected static String nextClientOrderId() {
    return "ct" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + IDS.incrementAndGet();
  }

  @Test
  void instrumentsLoadWithTheirRules() {
    assertThat(instrument.id().exchange()).isEqualTo(client.venue());
    assertThat(instrument.nativeSymbol()).isNotBlank();
    assertThat(instrument.tickSize().isPositive()).isTrue();
    assertThat(instrument.stepSize().isPositive()).isTrue();
    assertThat(instrument.tradable()).isTrue();
  }

  @Test
  void submitIsAcceptedThenPartiallyThenFullyFilled() {
    OrderRequest order = restingBuy();
    fixture.acceptNextOrder();
    client.submit(order);
    OrderAccepted ack =
        events.await(OrderAccepted.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    assertThat(ack.exchangeOrderId()).isNotBlank();
    assertThat(ack.instrumentId()).isEqualTo(instrument.id());

    long halfUnits = Math.max(1, order.quantity().units() / 2);
    Quantity half =
        Quantity.of(halfUnits, order.quantity().scale()).roundDownToStep(instrument.stepSize());
    Quantity rest = order.quantity().minus(half);
    fixture.fill(order, "t-1", order.price(), half, half);
    FillReport first = events.await(FillReport.class, e -> e.fill().tradeId().equals("t-1"));
    fixture.fill(order, "t-2", order.price(), rest, order.quantity());
    FillReport second = events.await(FillReport.class, e -> e.fill().tradeId().equals("t-2"));

    assertThat(first.fill().clientOrderId()).isEqualTo(order.clientOrderId());
    assertThat(first.fill().side()).isEqualTo(Side.BUY);
    assertThat(first.fill().price()).isEqualTo(order.price());
    assertThat(first.fill().quantity()).isEqualTo(half);
    assertThat(first.fill().instrumentId()).isEqualTo(instrument.id());
    assertThat(second.fill().quantity()).isEqualTo(rest);
    if (second.cumulativeQuantity() != null) {
      assertThat(second.cumulativeQuantity()).isEqualTo(order.quantity());
    }
    List<VenueEvent> sequence =
        orderEvents(order.clientOrderId(), OrderAccepted.class, FillReport.class);
    assertThat(sequence)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport", "FillReport");
  }

  @Test
  void venueRefusalIsARejectionWithTheVenueCode() {
    OrderRequest order = restingBuy();
    fixture.rejectNextOrderInsufficientBalance();
    client.submit(order);
    OrderRejected r =
        events.await(OrderRejected.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    assertThat(r.code()).isEqualTo(RejectCode.VENUE_INSUFFICIENT_BALANCE);
    assertThat(r.venueCode()).isNotBlank();
    assertThat(events.events(OrderAccepted.class))
        .noneMatch(a -> a.clientOrderId().equals(order.clientOrderId()));
  }

  @Test
  void cancelOfAWorkingOrder() {
    OrderRequest order = restingBuy();
    fixture.acceptNextOrder();
    client.submit(order);
    OrderAccepted ack =
        events.await(OrderAccepted.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    fixture.acceptNextCancel(order);
    client.cancel(instrument, order.clientOrderId(), ack.exchangeOrderId());
    OrderCanceled c =
        events.await(OrderCanceled.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    assertThat(c.instrumentId()).isEqualTo(instrument.id());
  }

  @Test
  void queryByClientOrderId() {
    OrderRequest order = restingBuy();
    fixture.acceptNextOrder();
    client.submit(order);
    events.await(OrderAccepted.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    Quantity filled = order.quantity().roundDownToStep(instrument.stepSize());
    filled =
        Quantity.of(Math.max(1, filled.units() / 2), filled.scale())
            .roundDownToStep(instrument.stepSize());
    fixture.reportNextQuery(order, OrderStatus.PARTIALLY_FILLED, filled, order.price());
    client.queryOrder(instrument, order.clientOrderId());
    OrderStatusReport r =
        events.await(OrderStatusReport.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(r.filledQuantity()).isEqualTo(filled);
    assertThat(r.side()).isEqualTo(Side.BUY);
  }

  @Test
  void openOrdersAreListed() {
    OrderRequest a = restingBuy();
    OrderRequest b = restingBuy();
    for (OrderRequest o : List.of(a, b)) {
      fixture.acceptNextOrder();
      client.submit(o);
      events.await(OrderAccepted.class, e -> e.clientOrderId().equals(o.clientOrderId()));
    }
    fixture.reportOpenOrders(List.of(a, b));
    client.requestOpenOrders(null);
    // The answer to this request (not a start-up listing): it names the orders just placed.
    OpenOrders open =
        events.await(
            OpenOrders.class,
            o -> o.orders().stream().anyMatch(r -> r.clientOrderId().equals(a.clientOrderId())));
    assertThat(open.orders())
        .extracting(OrderStatusReport::clientOrderId)
        .containsExactlyInAnyOrder(a.clientOrderId(), b.clientOrderId());
    assertThat(open.orders())
        .allMatch(
            o -> o.status() == OrderStatus.ACCEPTED || o.status() == OrderStatus.PARTIALLY_FILLED);
  }

  @Test
  void balancesAreReported() {
    String base = instrument.id().base();
    String quote = instrument.id().quote();
    fixture.reportBalances(Map.of(base, "1.5", quote, "25000"));
    client.requestBalances();
    // The answer to this request (not a start-up snapshot): it carries the scripted amount.
    Balances b =
        events.await(
            Balances.class,
            x ->
                x.complete()
                    && x.balances().stream()
                        .anyMatch(
                            bal ->
                                bal.asset().equals(base)
                                    && bal.free().equals(Quantity.parse("1.5"))));
    assertThat(b.balances())
        .anySatisfy(
            bal -> {
              assertThat(bal.asset()).isEqualTo(base);
              assertThat(bal.free()).isEqualTo(Quantity.parse("1.5"));
            });
    assertThat(b.balances()).extracting(Balance::asset).contains(quote);
  }

  @Test
  void ambiguousSubmitBecomesUnknownAndIsResolvedByQueryNeverResent() {
    OrderRequest order = restingBuy();
    fixture.failNextOrderAmbiguously();
    client.submit(order);
    SubmitUnknown unknown =
        events.await(
            SubmitUnknown.class,
            e -> e.clientOrderId().equals(order.clientOrderId()),
            Duration.ofSeconds(10));
    assertThat(unknown.cause()).isNotBlank();
    assertThat(events.events(OrderRejected.class))
        .noneMatch(r -> r.clientOrderId().equals(order.clientOrderId()));

    fixture.reportNextQuery(
        order, OrderStatus.ACCEPTED, Quantity.zero(instrument.quantityScale()), null);
    client.queryOrder(instrument, order.clientOrderId());
    OrderStatusReport r =
        events.await(OrderStatusReport.class, e -> e.clientOrderId().equals(order.clientOrderId()));
    assertThat(r.status()).isEqualTo(OrderStatus.ACCEPTED);
    assertThat(fixture.submissionsOf(order.clientOrderId()))
        .as("order sent exactly once")
        .isEqualTo(1);
  }

  @Test
  void queryingAnOrderTheVenueNeverHadAnswersNotFound() {
    // The engine relies on this to send a redelivered signal's order only when no earlier copy
    // exists (and to declare an UNKNOWN order never placed).
    String never = "neverSent" + System.nanoTime() % 1_000_000_000L;
    fixture.reportNextQueryNotFound(never);
    client.queryOrder(instrument, never);
    events.await(OrderNotFound.class, e -> e.clientOrderId().equals(never), Duration.ofSeconds(10));
    assertThat(events.events(OrderStatusReport.class))
        .noneMatch(r -> never.equals(r.clientOrderId()));
  }

  @Test
  void unsupportedCapabilitiesThrow() {
    Set<Capability> caps = client.capabilities();
    OrderRequest order = restingBuy();
    Map<Capability, Consumer<ExchangeClient>> optional =
        Map.of(
            Capability.AMEND_ORDER, c -> c.amend(instrument, order.clientOrderId(), order),
            Capability.DEAD_MAN_SWITCH, c -> c.armDeadManSwitch(Duration.ofSeconds(60)),
            Capability.TRADE_STREAM, c -> c.subscribeTrades(instrument),
            Capability.TICKER, c -> c.requestTicker(instrument),
            Capability.BOOK_SNAPSHOT, c -> c.requestBook(instrument, 5));
    int checked = 0;
    for (var e : optional.entrySet()) {
      if (!caps.contains(e.getKey())) {
        assertThatThrownBy(() -> e.getValue().accept(client))
            .as("%s is not in capabilities(), so it must throw", e.getKey())
            .isInstanceOf(UnsupportedOperationException.class);
        checked++;
      }
    }
    assertThat(caps)
        .as("core capabilities every venue has")
        .contains(
            Capability.LIMIT_ORDER,
            Capability.CANCEL,
            Capability.QUERY_ORDER,
            Capability.OPEN_ORDERS,
            Capability.BALANCES);
    assertThat(checked + caps.size()).isPositive();
  }

  @Test
  void aBookSnapshotOfNoLevelsIsRefusedBeforeAnythingIsSent() {
    boolean supported = client.capabilities().contains(Capability.BOOK_SNAPSHOT);
    assertThatThrownBy(() -> client.requestBook(instrument, 0))
        .isInstanceOf(
            supported ? IllegalArgumentException.class : UnsupportedOperationException.class);
  }

  @SafeVarargs
  private List<VenueEvent> orderEvents(String clientOrderId, Class<? extends VenueEvent>... types) {
    return events.events().stream()
        .filter(e -> List.of(types).stream().anyMatch(t -> t.isInstance(e)))
        .filter(e -> clientOrderId.equals(clientOrderIdOf(e)))
        .toList();
  }

  private static String clientOrderIdOf(VenueEvent e) {
    if (e instanceof OrderAccepted a) {
      return a.clientOrderId();
    }
    if (e instanceof FillReport f) {
      return f.fill().clientOrderId();
    }
    if (e instanceof OrderCanceled c) {
      return c.clientOrderId();
    }
    return null;
  }
}
