package io.tradeserver.examples;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.spi.VenueConfig;
import java.net.InetSocketAddress;

/**
 * Exposing TradeServer's metrics to Prometheus: give the builder a {@link PrometheusMeterRegistry}
 * and serve its scrape output over HTTP. Run it and point Prometheus (or curl) at the printed URL:
 *
 * <pre>{@code
 * java -cp examples/target/tradeserver-examples-*-all.jar \
 *     io.tradeserver.examples.PrometheusExample 9464
 * curl -s localhost:9464/metrics | grep tradeserver_
 * }</pre>
 *
 * <p>The venue is the simulated one so it runs anywhere; with real venues only the {@code
 * VenueConfig}s change.
 */
public final class PrometheusExample {
  private PrometheusExample() {}

  /** Builds a TradeServer reporting to {@code registry} (the part to copy into an application). */
  public static TradeServer build(PrometheusMeterRegistry registry) {
    return TradeServer.builder()
        .venue(VenueConfig.builder("sim").build())
        .meterRegistry(registry)
        .build();
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9464;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (TradeServer ts = build(registry);
        PrometheusEndpoint endpoint =
            PrometheusEndpoint.start(registry, new InetSocketAddress("127.0.0.1", port))) {
      ts.start();
      System.out.println("metrics at " + endpoint.uri() + " (Ctrl-C to stop)");
      Thread.currentThread().join();
    }
  }
}
