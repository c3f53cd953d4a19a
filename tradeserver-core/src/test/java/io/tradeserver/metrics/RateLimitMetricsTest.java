package io.tradeserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.paper.SimConfig;
import io.tradeserver.paper.SimExchangeClient;
import io.tradeserver.paper.SimulatedMarket;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.RateLimitAware;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import io.tradeserver.venue.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client that paces itself with a {@link RateLimiter} shows its headroom as gauges. */
class RateLimitMetricsTest {
  final TestClock clock = new TestClock();

  @Test
  void headroomOfEveryDeclaredLimitIsAGaugeEvenWhenDeclaredAfterStart() {
    MeterRegistry registry = new SimpleMeterRegistry();
    RateLimiter limiter = new RateLimiter("lim", clock);
    RateLimiter.Limit orders = limiter.limit("ORDERS_10s", 50, Duration.ofSeconds(10));
    TradeServerBuilder b =
        TradeServer.builder()
            .clock(clock)
            .scheduler(new ManualScheduler(clock))
            .meterRegistry(registry);
    VenueConfig vc = VenueConfig.builder("sim").venue("lim").build();
    SimExchangeClient sim =
        new SimExchangeClient(
            SimConfig.builder("lim").build(),
            b.venueContext(vc),
            new SimulatedMarket(1, Duration.ofMillis(100)));
    try (TradeServer ts = b.venue(new Limited(sim, limiter), vc).build()) {
      ts.connect();
      limiter.tryAcquire(limiter.cost().add(orders, 5).build());
      limiter.limit("WEIGHT_1m", 6000, Duration.ofMinutes(1)); // declared late (exchange info)
      for (int i = 0; i < 3; i++) {
        ts.doWork();
        clock.advance(Duration.ofMillis(300));
      }
      ts.doWork();

      assertThat(gauge(registry, MetricNames.RATE_LIMIT_AVAILABLE, "ORDERS_10s")).isEqualTo(45);
      assertThat(gauge(registry, MetricNames.RATE_LIMIT_CAPACITY, "ORDERS_10s")).isEqualTo(50);
      assertThat(gauge(registry, MetricNames.RATE_LIMIT_AVAILABLE, "WEIGHT_1m")).isEqualTo(6000);
      limiter.tryAcquire(limiter.cost().add(orders, 10).build());
      assertThat(gauge(registry, MetricNames.RATE_LIMIT_AVAILABLE, "ORDERS_10s"))
          .as("read at scrape time")
          .isEqualTo(35);
    }
  }

  private static double gauge(MeterRegistry r, String name, String limit) {
    return r.get(name).tags("venue", "lim", "limit", limit).gauge().value();
  }

  /** The sim, plus a rate limiter it reports (the sim itself has none). */
  private record Limited(SimExchangeClient sim, RateLimiter limiter)
      implements ExchangeClient, EngineDriven, RateLimitAware {
    @Override
    public List<RateLimiter.Headroom> rateLimitHeadroom() {
      return limiter.headroom();
    }

    @Override
    public int doWork(long nowNanos) {
      return sim.doWork(nowNanos);
    }

    @Override
    public String venue() {
      return sim.venue();
    }

    @Override
    public Set<Capability> capabilities() {
      return sim.capabilities();
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
    public void close() {
      sim.close();
    }
  }
}
