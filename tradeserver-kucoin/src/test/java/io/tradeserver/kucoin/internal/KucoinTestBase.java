package io.tradeserver.kucoin.internal;

import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.RecordingVenueListener;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A started client against {@link MockKucoin}, with BTC-USDT loaded. */
abstract class KucoinTestBase {
  protected MockKucoin venue;
  protected KucoinExchangeClient client;
  protected RecordingVenueListener events;
  protected Instrument btc;

  /** Options for the client under test; none by default. */
  protected Map<String, String> options() {
    return Map.of();
  }

  /** The client's request timeout. */
  protected java.time.Duration requestTimeout() {
    return java.time.Duration.ofSeconds(10);
  }

  /** The rest of the venue config (symbols, fees), after the options and request timeout. */
  protected VenueConfig.Builder venueConfig(VenueConfig.Builder b) {
    return b;
  }

  /** Runs before the client starts (script the venue here). */
  protected void beforeStart() {}

  @BeforeEach
  void startClient() throws Exception {
    venue = new MockKucoin();
    events = venue.events();
    client =
        (KucoinExchangeClient)
            venue.client(b -> venueConfig(b.options(options()).requestTimeout(requestTimeout())));
    beforeStart();
    client.start();
    btc =
        events.await(InstrumentsLoaded.class).instruments().stream()
            .filter(i -> i.nativeSymbol().equals("BTC-USDT"))
            .findFirst()
            .orElseThrow();
  }

  @AfterEach
  void stopClient() {
    client.close();
    venue.close();
    venue.kit.assertNoErrors();
  }

  protected OrderRequest limitBuy(String clientOrderId, String price, String size) {
    return OrderRequest.limit(
        clientOrderId, btc, Side.BUY, Price.parse(price, 1), Quantity.parse(size, 8));
  }

  /**
   * Advances the manual scheduler in 250 ms steps (at most 10 s of venue time) until {@code done}
   * holds: timers such as the reconnect backoff are scheduled by network threads, so the test
   * cannot know the exact moment to advance. Steps are at least 25 ms of real time apart, so a busy
   * machine's network threads get to schedule their timers before the venue time runs out.
   */
  protected void advanceUntil(java.util.function.BooleanSupplier done, String what) {
    long[] steps = {0};
    long[] lastStep = {0};
    io.tradeserver.testing.Await.until(
        java.time.Duration.ofSeconds(10),
        () -> {
          if (done.getAsBoolean()) {
            return true;
          }
          long now = System.nanoTime();
          if (steps[0] < 40 && now - lastStep[0] >= 25_000_000L) {
            steps[0]++;
            lastStep[0] = now;
            venue.kit.scheduler.advance(java.time.Duration.ofMillis(250));
          }
          return false;
        },
        () -> what + "; events " + events.events());
  }

  /** Events of the given types, in order. */
  @SafeVarargs
  protected final List<VenueEvent> only(Class<? extends VenueEvent>... types) {
    Predicate<VenueEvent> any = e -> false;
    for (Class<? extends VenueEvent> t : types) {
      any = any.or(t::isInstance);
    }
    return events.events().stream().filter(any).toList();
  }
}
