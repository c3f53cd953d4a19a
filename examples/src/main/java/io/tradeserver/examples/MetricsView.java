package io.tradeserver.examples;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.tradeserver.metrics.MetricNames;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads TradeServer's Micrometer meters back (the demo's status line and run report use them, as a
 * dashboard would). Thread-safe: meters may be read from any thread.
 */
final class MetricsView {
  private final MeterRegistry registry;

  MetricsView(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  long signals() {
    return functionCount(MetricNames.SIGNALS);
  }

  long orders() {
    return functionCount(MetricNames.ORDERS);
  }

  long fills() {
    return counterSum(MetricNames.FILLS);
  }

  long rejects() {
    return counterSum(MetricNames.REJECTS);
  }

  long arbitrageOpportunities() {
    return counterSum(MetricNames.ARBITRAGE_OPPORTUNITIES);
  }

  long openOrders() {
    return Math.round(
        registry.find(MetricNames.ORDERS_OPEN).gauges().stream().mapToDouble(Gauge::value).sum());
  }

  /** Orders handed to each venue by the router. */
  Map<String, Long> routedByVenue() {
    Map<String, Long> out = new TreeMap<>();
    for (Counter c : registry.find(MetricNames.ORDERS_SUBMITTED).tag("routed", "true").counters()) {
      if (c.count() > 0) {
        out.put(c.getId().getTag("venue"), (long) c.count());
      }
    }
    return out;
  }

  /** Rejects by reason code. */
  Map<String, Long> rejectsByReason() {
    Map<String, Long> out = new TreeMap<>();
    for (Counter c : registry.find(MetricNames.REJECTS).counters()) {
      out.put(c.getId().getTag("reason"), (long) c.count());
    }
    return out;
  }

  /** Net P&L per quote currency. */
  Map<String, Double> netPnl() {
    Map<String, Double> out = new TreeMap<>();
    for (Gauge g : registry.find(MetricNames.PNL_NET).gauges()) {
      out.put(g.getId().getTag("quote"), g.value());
    }
    return out;
  }

  /** A latency timer's percentile {@code p} (0.5, 0.99...) per venue, in microseconds. */
  Map<String, Double> percentileUs(String timer, double p) {
    Map<String, Double> out = new TreeMap<>();
    for (Timer t : registry.find(timer).timers()) {
      if (t.count() == 0) {
        continue;
      }
      for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
        if (v.percentile() == p) {
          out.put(t.getId().getTag("venue"), v.value(TimeUnit.MICROSECONDS));
        }
      }
    }
    return out;
  }

  /**
   * A latency timer's histogram over all venues: bucket upper bound in microseconds → samples in
   * that bucket (not cumulative), empty buckets at both ends dropped.
   */
  Map<Double, Long> histogramUs(String timer) {
    TreeMap<Double, Long> cumulative = new TreeMap<>();
    for (Timer t : registry.find(timer).timers()) {
      HistogramSnapshot s = t.takeSnapshot();
      for (CountAtBucket b : s.histogramCounts()) {
        cumulative.merge(b.bucket(TimeUnit.MICROSECONDS), (long) b.count(), Long::sum);
      }
    }
    TreeMap<Double, Long> out = new TreeMap<>();
    long previous = 0;
    for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
      out.put(e.getKey(), e.getValue() - previous);
      previous = e.getValue();
    }
    while (!out.isEmpty() && out.firstEntry().getValue() == 0) {
      out.pollFirstEntry();
    }
    while (!out.isEmpty() && out.lastEntry().getValue() == 0) {
      out.pollLastEntry();
    }
    return out;
  }

  private long functionCount(String name) {
    FunctionCounter c = registry.find(name).functionCounter();
    return c == null ? 0 : Math.round(c.count());
  }

  private long counterSum(String name) {
    return Math.round(registry.find(name).counters().stream().mapToDouble(Counter::count).sum());
  }
}
