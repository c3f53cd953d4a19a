package io.tradeserver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code metrics} section: Micrometer meters and their Prometheus exposure (read by the metrics
 * feature and the runner).
 *
 * @param enabled whether meters are recorded at all
 * @param prometheusHost interface the Prometheus scrape endpoint binds to
 * @param prometheusPort scrape endpoint port, or 0 for no endpoint
 * @param percentiles latency percentiles published, each in (0, 1)
 * @param tags common tags added to every meter (e.g. {@code instance}); never secrets
 */
public record MetricsSettings(
    boolean enabled,
    String prometheusHost,
    int prometheusPort,
    List<Double> percentiles,
    Map<String, String> tags) {

  public MetricsSettings {
    List<String> p = new ArrayList<>();
    if (prometheusHost == null || prometheusHost.isBlank()) {
      p.add("prometheusHost is required");
    }
    if (prometheusPort < 0 || prometheusPort > 65_535) {
      p.add("prometheusPort must be 0..65535, was " + prometheusPort);
    }
    percentiles = List.copyOf(percentiles == null ? List.of() : percentiles);
    for (double q : percentiles) {
      if (!(q > 0 && q < 1)) {
        p.add("percentiles must be in (0, 1), was " + q);
      }
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid metrics: " + String.join("; ", p));
    }
    tags = Map.copyOf(tags == null ? Map.of() : tags);
  }

  /** Enabled, no Prometheus endpoint, p50/p90/p99/p99.9, no tags. */
  public static MetricsSettings defaults() {
    return new MetricsSettings(true, "127.0.0.1", 0, List.of(0.5, 0.9, 0.99, 0.999), Map.of());
  }
}
