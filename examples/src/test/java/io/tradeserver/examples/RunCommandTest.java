package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.tradeserver.nats.NatsServerProcess;
import io.tradeserver.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tradeserver run --config FILE} against a real nats-server: signals in, events out, hot
 * reload.
 */
class RunCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static String config(String natsUrl, String maxNotional, int metricsPort) {
    return """
        {
          "venues": { "sim": { "provider": "sim", "symbols": ["BTC-USDT"] } },
          "risk": { "global": { "maxOrderNotional": "%s" } },
          "nats": { "enabled": true, "url": "%s" },
          "metrics": { "enabled": true, "prometheusHost": "127.0.0.1", "prometheusPort": %d }
        }
        """
        .formatted(maxNotional, natsUrl, metricsPort);
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static byte[] signal(String id, String qty) {
    return ("{\"signalId\":\""
            + id
            + "\",\"symbol\":\"BTC-USDT\",\"side\":\"BUY\",\"type\":\"MARKET\","
            + "\"quantity\":\""
            + qty
            + "\",\"exchange\":\"sim\",\"maxSlippageBps\":50}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theServiceTradesSignalsFromNatsAndAppliesAConfigChangeWhileRunning(@TempDir Path dir)
      throws Exception {
    try (NatsServerProcess nats = new NatsServerProcess();
        Connection client = Nats.connect(nats.url())) {
      Path file = dir.resolve("tradeserver.json");
      int metricsPort = freePort();
      Files.writeString(file, config(nats.url(), "100000", metricsPort));
      List<JsonNode> orders = new CopyOnWriteArrayList<>();
      List<JsonNode> rejected = new CopyOnWriteArrayList<>();
      Dispatcher d =
          client.createDispatcher(
              m -> {
                try {
                  (m.getSubject().endsWith("rejected") ? rejected : orders)
                      .add(JSON.readTree(m.getData()));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      d.subscribe("tradeserver.events.order.>");
      d.subscribe("tradeserver.signals.rejected");
      client.flush(Duration.ofSeconds(2));

      Path report = dir.resolve("run-report.html");
      RunCommand run = new RunCommand(file, report);
      AtomicInteger exit = new AtomicInteger(-1);
      Thread service =
          new Thread(
              () -> {
                try {
                  exit.set(run.run());
                } catch (Exception e) {
                  exit.set(99);
                }
              });
      service.start();
      Await.until(
          Duration.ofSeconds(30),
          () -> run.server() != null && run.server().status().venues().get(0).ready(),
          () -> "service did not become ready");
      Await.until(
          Duration.ofSeconds(10),
          () -> {
            client.publish("tradeserver.signals.momentum", signal("r-1", "0.01"));
            return orders.stream()
                .anyMatch(
                    o ->
                        o.get("signalId").asText().equals("r-1")
                            && o.get("status").asText().equals("FILLED"));
          },
          () -> "no FILLED order event on NATS; saw " + orders);
      client.publish("tradeserver.signals.momentum", "{not json".getBytes(StandardCharsets.UTF_8));
      Await.until(
          () -> rejected.stream().anyMatch(r -> r.get("raw").asText().equals("{not json")),
          "dead letter for malformed JSON");
      assertThat(rejected)
          .filteredOn(r -> r.get("raw").asText().equals("{not json"))
          .extracting(r -> r.get("reason").asText())
          .containsExactly("MALFORMED_SIGNAL");
      assertThat(rejected)
          .filteredOn(r -> "r-1".equals(r.path("signalId").asText()))
          .allMatch(r -> r.get("reason").asText().equals("DUPLICATE_SIGNAL")); // our retries of r-1

      Files.writeString(
          file, config(nats.url(), "10", metricsPort)); // tighten the cap while running
      Await.until(
          Duration.ofSeconds(20),
          () -> {
            client.publish(
                "tradeserver.signals.momentum", signal("r-" + System.nanoTime(), "0.01"));
            return orders.stream()
                .anyMatch(o -> "NOTIONAL_ABOVE_LIMIT".equals(o.path("reason").asText()));
          },
          () -> "the reloaded limit never applied; saw " + orders);

      String scrape =
          new String(
              java.net
                  .URI
                  .create("http://127.0.0.1:" + metricsPort + "/metrics")
                  .toURL()
                  .openStream()
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(scrape).contains("tradeserver_");

      run.stop();
      service.join(Duration.ofSeconds(20).toMillis());
      assertThat(exit.get()).isZero();
      assertThat(Files.readString(report))
          .as("the service writes its run report on shutdown")
          .contains("<svg");
    }
  }

  @Test
  void runRefusesAConfigurationWithoutNats(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("no-nats.json");
    Files.writeString(file, "{ \"venues\": { \"sim\": { \"provider\": \"sim\" } } }");
    assertThatThrownBy(() -> new RunCommand(file, null).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nats.enabled must be true");
  }
}
