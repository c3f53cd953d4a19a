package io.tradeserver.paper;

import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;

/** A default {@code sim} venue on a test kit, driven by the kit's listener pump. */
final class SimKit {
  private SimKit() {}

  /** The sim venue with default settings, its duty cycle run whenever the kit's listener waits. */
  static SimExchangeClient pumped(TestContexts kit) {
    SimExchangeClient sim =
        new SimExchangeClient(
            SimConfig.builder("sim").build(),
            kit.context(VenueConfig.builder("sim").build()),
            new SimulatedMarket(1, Duration.ofMillis(100)));
    kit.listener.pump(() -> sim.doWork(kit.clock.nanos()));
    return sim;
  }
}
