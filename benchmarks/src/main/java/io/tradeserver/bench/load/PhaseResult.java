package io.tradeserver.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What one client did over one or more measured rounds. */
final class PhaseResult {
  final Histogram latencyNanos = new Histogram(3);
  long orders;
  long errors;
  long elapsedNanos;
  ResourceMeter.Usage usage = ResourceMeter.Usage.ZERO;
  final Map<String, Long> errorReasons = new TreeMap<>();

  void add(PhaseResult r) {
    latencyNanos.add(r.latencyNanos);
    orders += r.orders;
    errors += r.errors;
    elapsedNanos += r.elapsedNanos;
    usage = usage.plus(r.usage);
    r.errorReasons.forEach((k, v) -> errorReasons.merge(k, v, Long::sum));
  }

  double ordersPerSec() {
    return elapsedNanos == 0 ? 0 : orders * 1e9 / elapsedNanos;
  }

  double percentileUs(double p) {
    return latencyNanos.getValueAtPercentile(p) / 1000.0;
  }

  double maxUs() {
    return latencyNanos.getMaxValue() / 1000.0;
  }

  double cpuUsPerOrder() {
    return orders == 0 ? 0 : usage.cpuNanos() / 1000.0 / orders;
  }

  double bytesPerOrder() {
    return orders == 0 ? 0 : (double) usage.allocatedBytes() / orders;
  }

  double contextSwitchesPerOrder() {
    return orders == 0 ? 0 : (double) usage.contextSwitches() / orders;
  }

  double venueCpuUsPerOrder() {
    return orders == 0 ? 0 : usage.venueCpuNanos() / 1000.0 / orders;
  }
}
