package io.tradeserver.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradeserver.metrics.MetricsRecorder;
import io.tradeserver.metrics.MicrometerMetrics;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.RateLimitAware;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds an engine to a Micrometer registry. Kept apart from {@link TradeServer} so that Micrometer
 * classes load only when a registry is given (the dependency is optional).
 */
final class Metrics {
  private Metrics() {}

  static MetricsRecorder bind(MeterRegistry registry, Engine engine, List<ExchangeClient> clients) {
    Map<String, RateLimitAware> limits = new HashMap<>();
    for (ExchangeClient c : clients) {
      if (c instanceof RateLimitAware r) {
        limits.put(c.venue(), r);
      }
    }
    return MicrometerMetrics.bind(
        registry,
        new ArrayList<>(engine.venues.keySet()),
        limits,
        engine::signalBacklog,
        engine::venueBacklog);
  }
}
