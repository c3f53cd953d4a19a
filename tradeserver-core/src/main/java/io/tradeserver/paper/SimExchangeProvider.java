package io.tradeserver.paper;

import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider id {@code sim}: a simulated venue in the core jar, so TradeServer runs with no keys and
 * no network. Options (all optional): {@code seed}, {@code priceOffsetBps}, {@code latencyMillis},
 * {@code marketStepMillis}, {@code rejectPpm}, {@code timeoutPpm}, {@code disconnectPpm}. Venues
 * created by one provider instance share one {@link SimulatedMarket} per seed group ({@code
 * marketSeed}, default 1), so their prices move together.
 */
public final class SimExchangeProvider implements ExchangeClientProvider {
  private final ConcurrentHashMap<Long, SimulatedMarket> markets = new ConcurrentHashMap<>();

  @Override
  public String id() {
    return "sim";
  }

  @Override
  public ExchangeClient create(ExchangeContext context) {
    VenueConfig v = context.config();
    long marketStep = v.longOption("marketStepMillis", 100, 1, 60_000);
    long marketSeed = v.longOption("marketSeed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    SimConfig config =
        SimConfig.builder(v.venue())
            .seed(v.longOption("seed", v.venue().hashCode(), Long.MIN_VALUE, Long.MAX_VALUE))
            .priceOffsetBps((int) v.longOption("priceOffsetBps", 0, -1000, 1000))
            .latency(Duration.ofMillis(v.longOption("latencyMillis", 0, 0, 60_000)))
            .marketStep(Duration.ofMillis(marketStep))
            .rejectPpm((int) v.longOption("rejectPpm", 0, 0, 1_000_000))
            .timeoutPpm((int) v.longOption("timeoutPpm", 0, 0, 1_000_000))
            .disconnectPpm((int) v.longOption("disconnectPpm", 0, 0, 1_000_000))
            .takerFeeBps(v.takerFeeBps())
            .makerFeeBps(v.makerFeeBps())
            .build();
    SimulatedMarket market =
        markets.computeIfAbsent(
            marketSeed, s -> new SimulatedMarket(s, Duration.ofMillis(marketStep)));
    return new SimExchangeClient(config, context, market);
  }
}
