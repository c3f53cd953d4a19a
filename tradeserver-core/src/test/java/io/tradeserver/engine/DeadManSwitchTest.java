package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.paper.SimExchangeClient;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine keeps a venue's dead-man switch armed (Kraken's CancelAllOrdersAfter). */
class DeadManSwitchTest {
  final TestClock clock = new TestClock();

  /** The sim venue plus a recorded dead-man switch. */
  static final class DmsVenue implements ExchangeClient, EngineDriven {
    final SimExchangeClient sim;
    final List<String> arms = new ArrayList<>();
    final TestClock clock;

    DmsVenue(SimExchangeClient sim, TestClock clock) {
      this.sim = sim;
      this.clock = clock;
    }

    @Override
    public void armDeadManSwitch(Duration timeout) {
      arms.add(Duration.ofNanos(clock.nanos()).toSeconds() % 1000 + "s:" + timeout.toSeconds());
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> c = EnumSet.copyOf(sim.capabilities());
      c.add(Capability.DEAD_MAN_SWITCH);
      return c;
    }

    @Override
    public String venue() {
      return sim.venue();
    }

    @Override
    public void start() {
      sim.start();
    }

    @Override
    public void submit(OrderRequest order) {
      sim.submit(order);
    }

    @Override
    public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
      sim.cancel(instrument, clientOrderId, exchangeOrderId);
    }

    @Override
    public void cancelAll(Instrument instrument) {
      sim.cancelAll(instrument);
    }

    @Override
    public void queryOrder(Instrument instrument, String clientOrderId) {
      sim.queryOrder(instrument, clientOrderId);
    }

    @Override
    public void requestOpenOrders(Instrument instrument) {
      sim.requestOpenOrders(instrument);
    }

    @Override
    public void requestBalances() {
      sim.requestBalances();
    }

    @Override
    public void subscribeBook(Instrument instrument, int depth) {
      sim.subscribeBook(instrument, depth);
    }

    @Override
    public int doWork(long nowNanos) {
      return sim.doWork(nowNanos);
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  @Test
  void theSwitchIsArmedOnceTheVenueIsUpAndReArmedEveryQuarterOfItsTimeout() {
    VenueConfig cfg =
        VenueConfig.builder("sim").venue("k").deadManSwitch(Duration.ofSeconds(60)).build();
    TradeServerBuilder b = TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock));
    DmsVenue venue =
        new DmsVenue(
            new SimExchangeClient(
                SimConfig.builder("k").build(),
                b.venueContext(cfg),
                new SimulatedMarket(1, Duration.ofMillis(100))),
            clock);
    long start = Duration.ofNanos(clock.nanos()).toSeconds() % 1000;
    try (TradeServer ts = b.venue(venue, cfg).build()) {
      ts.connect();
      for (int i = 0; i < 46; i++) { // 45 s in one-second steps
        ts.doWork();
        clock.advance(Duration.ofSeconds(1));
      }
      assertThat(venue.arms)
          .containsExactly(
              start + "s:60", (start + 15) + "s:60", (start + 30) + "s:60", (start + 45) + "s:60");
    }
  }

  @Test
  void aVenueWithoutADeadManSwitchIsRefusedWhenOneIsConfigured() {
    assertThatThrownBy(
            () ->
                TradeServer.builder()
                    .venue(VenueConfig.builder("sim").deadManSwitch(Duration.ofSeconds(60)).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venue sim: deadManSwitch is set but sim has no dead-man switch");
  }
}
