package io.tradeserver.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Serves a {@link PrometheusMeterRegistry} at {@code GET /metrics} in the Prometheus text format,
 * on the JDK's built-in HTTP server (one daemon thread; scrapes read meters, never the engine).
 */
public final class PrometheusEndpoint implements AutoCloseable {
  private final HttpServer server;

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts serving; port 0 picks a free one (see {@link #uri()}). */
  public static PrometheusEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress at)
      throws IOException {
    HttpServer server = HttpServer.create(at, 0);
    server.createContext("/metrics", exchange -> serve(registry, exchange));
    server.setExecutor(null); // the server's own dispatcher thread
    server.start();
    return new PrometheusEndpoint(server);
  }

  private static void serve(PrometheusMeterRegistry registry, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Where to scrape, e.g. {@code http://127.0.0.1:9464/metrics}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/metrics");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
