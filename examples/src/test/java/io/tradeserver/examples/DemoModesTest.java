package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.tradeserver.nats.NatsServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's other two modes: signals through a real NATS server, and venues from a config file.
 */
class DemoModesTest {

  static int demo(Path summary, String... extra) throws Exception {
    String[] base = {
      "demo",
      "--duration",
      "2s",
      "--signals-per-second",
      "100",
      "--summary-json",
      summary.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new DemoCommand(
            Options.parse(args), new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  void signalsGoThroughNatsAndEventsComeBack(@TempDir Path dir) throws Exception {
    try (NatsServerProcess nats = new NatsServerProcess();
        Connection watcher = Nats.connect(nats.url())) {
      Subscription orders = watcher.subscribe("tradeserver.events.order.>");
      watcher.flush(Duration.ofSeconds(2));
      Path summary = dir.resolve("s.json");
      assertThat(demo(summary, "--nats", nats.url())).isZero();
      JsonNode s = new ObjectMapper().readTree(summary.toFile());
      assertThat(s.get("signals").asLong())
          .as("every generated signal reached the engine through NATS")
          .isEqualTo(s.get("signalsGenerated").asLong());
      assertThat(s.get("fills").asLong()).isPositive();
      assertThat(orders.nextMessage(Duration.ofSeconds(5)))
          .as("order events were published")
          .isNotNull();
      assertThat(s.get("positionsMatchFills").asBoolean()).isTrue();
    }
  }

  @Test
  void venuesAndLimitsCanComeFromTheSampleDemoConfig(@TempDir Path dir) throws Exception {
    Path summary = dir.resolve("s.json");
    assertThat(demo(summary, "--config", "../config/demo.json")).isZero();
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    assertThat(s.get("fills").asLong()).isPositive();
    assertThat(s.get("positions").toString()).contains("sim-a").contains("sim-b").contains("sim-c");
  }
}
