package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.testing.Await;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Prometheus example serves TradeServer's meters over HTTP; a scrape shows them. */
class PrometheusExampleTest {

  private static String scrape(HttpClient http, HttpRequest get) {
    try {
      return http.send(get, HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aScrapeShowsOrdersFillsLatencyHistogramsAndGauges() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (TradeServer ts = PrometheusExample.build(registry);
        PrometheusEndpoint endpoint =
            PrometheusEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0))) {
      ts.start();
      assertThat(ts.awaitReady(Duration.ofSeconds(10))).isTrue();
      ts.offer(
          Signal.builder()
              .signalId("p1")
              .symbol("BTC-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.01")
              .exchange("sim")
              .build());
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest get =
          HttpRequest.newBuilder(endpoint.uri()).timeout(Duration.ofSeconds(5)).build();
      String[] body = new String[1];
      Await.until(
          Duration.ofSeconds(10),
          () -> {
            body[0] = scrape(http, get);
            return body[0].contains(
                "tradeserver_position_quantity{symbol=\"BTC-USDT\",venue=\"sim\"} 0.01");
          },
          () -> "no position gauge in scrape:\n" + body[0]);

      HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(r.body())
          .contains("tradeserver_orders_submitted_total{routed=\"false\",venue=\"sim\"} 1.0")
          .contains("tradeserver_fills_total{symbol=\"BTC-USDT\",venue=\"sim\"} 1.0")
          .contains("tradeserver_signals_total 1.0")
          .contains("tradeserver_latency_submit_ack_seconds_count{venue=\"sim\"} 1")
          // Prometheus takes percentiles from the buckets (histogram_quantile), across venues too
          .contains("tradeserver_latency_submit_ack_seconds_bucket{venue=\"sim\",le=\"+Inf\"} 1")
          .contains("tradeserver_latency_submit_ack_seconds_max{venue=\"sim\"}")
          .contains("tradeserver_latency_signal_submit_seconds_bucket{venue=\"sim\",le=\"0.001\"}")
          .contains("tradeserver_orders_open{venue=\"sim\"} 0.0")
          .contains("tradeserver_engine_inbox_depth{inbox=\"signals\"}")
          .contains("tradeserver_pnl_net{quote=\"USDT\"}")
          .contains("tradeserver_trading_state 0.0");
    }
  }
}
