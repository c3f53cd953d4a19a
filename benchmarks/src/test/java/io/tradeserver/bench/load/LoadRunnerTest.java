package io.tradeserver.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short real runs against the embedded mock: the harness works end to end (not a benchmark). */
class LoadRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode run(String... args) throws Exception {
    String line = new LoadRunner(LoadOptions.parse(args)).run();
    assertThat(line).doesNotContain("\n");
    return JSON.readTree(line);
  }

  /**
   * 300 measured orders after 100 warm-up ones, 3 in flight, one round, plus {@code args} (a flag
   * given again in {@code args} wins).
   */
  private static JsonNode shortRun(String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--orders",
                "300",
                "--warmup",
                "100",
                "--warmup-seconds",
                "0",
                "--concurrency",
                "3",
                "--rounds",
                "1"));
    all.addAll(List.of(args));
    return run(all.toArray(new String[0]));
  }

  @Test
  void krakenAdapterWithTheRawBaselineInOneJsonLine() throws Exception {
    JsonNode r =
        run(
            "--exchange",
            "kraken",
            "--orders",
            "400",
            "--warmup",
            "200",
            "--warmup-seconds",
            "0",
            "--concurrency",
            "4",
            "--rounds",
            "2",
            "--pairs",
            "16");
    assertThat(r.path("client").asText()).isEqualTo("tradeserver-adapter");
    assertThat(r.path("orders").asLong()).isEqualTo(400);
    assertThat(r.path("errors").asLong()).isZero();
    for (String f :
        new String[] {
          "ordersPerSec",
          "p50Us",
          "p90Us",
          "p99Us",
          "p999Us",
          "maxUs",
          "cpuUsPerOrder",
          "bytesAllocatedPerOrder"
        }) {
      assertThat(r.path(f).asDouble()).as(f).isPositive();
    }
    assertThat(r.path("p50Us").asDouble()).isLessThanOrEqualTo(r.path("p99Us").asDouble());
    JsonNode raw = r.path("comparedWith").path("raw-socket");
    assertThat(raw.path("orders").asLong()).isEqualTo(400);
    assertThat(raw.path("errors").asLong()).isZero();
    assertThat(r.path("ratios").path("raw-socket").path("p50").asDouble()).isPositive();
    // every measured and warm-up order, plus the adapter's start-up calls, reached the venue
    assertThat(r.path("venue").path("requests").asLong()).isGreaterThanOrEqualTo(2 * (400 + 1000));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "binance, adapter, rest",
    "binance, adapter, websocket",
    "binance, engine, rest",
    "kucoin, adapter, rest",
    "kucoin, engine, rest"
  })
  void everyVenueAndModeRunsWithoutErrors(String exchange, String mode, String entry)
      throws Exception {
    JsonNode r = shortRun("--exchange", exchange, "--mode", mode, "--order-entry", entry);
    assertThat(r.path("errors").asLong()).as(r.path("errorReasons").toString()).isZero();
    assertThat(r.path("comparedWith").path("raw-socket").path("errors").asLong()).isZero();
    assertThat(r.path("orderEntry").asText()).isEqualTo(entry);
  }

  @Test
  void binancePeersRunSideBySideWithTheAdapter() throws Exception {
    JsonNode r =
        shortRun(
            "--exchange", "binance", "--concurrency", "2", "--peer", "xchange,binance-connector");
    for (String peer : new String[] {"raw-socket", "xchange", "binance-connector"}) {
      JsonNode p = r.path("comparedWith").path(peer);
      assertThat(p.path("orders").asLong()).as(peer).isEqualTo(300);
      assertThat(p.path("errors").asLong()).as(peer + " " + p.path("errorReasons")).isZero();
      assertThat(p.path("bytesAllocatedPerOrder").asDouble()).as(peer).isGreaterThan(100);
      assertThat(r.path("ratios").path(peer).path("ordersPerSec").asDouble()).isPositive();
    }
  }

  @Test
  void krakenWebSocketOrderEntrySendsOrdersAsAddOrderFrames() throws Exception {
    JsonNode r =
        shortRun(
            "--exchange",
            "kraken",
            "--order-entry",
            "websocket",
            "--pairs",
            "16",
            "--raw",
            "false");
    assertThat(r.path("errors").asLong()).as(r.path("errorReasons").toString()).isZero();
    assertThat(r.path("orderEntry").asText()).isEqualTo("websocket");
    assertThat(r.path("orders").asLong()).isEqualTo(300);
    // Only the adapter's start-up calls were HTTP: the 400 orders went over the WebSocket.
    assertThat(r.path("venue").path("requests").asLong()).isLessThan(100);
  }

  @Test
  void krakenThroughTheEngine() throws Exception {
    JsonNode r =
        shortRun(
            "--exchange",
            "kraken",
            "--mode",
            "engine",
            "--concurrency",
            "2",
            "--pairs",
            "16",
            "--raw",
            "false");
    assertThat(r.path("client").asText()).isEqualTo("tradeserver-engine");
    assertThat(r.path("errors").asLong()).as(r.path("errorReasons").toString()).isZero();
    assertThat(r.path("ordersPerSec").asDouble()).isPositive();
    assertThat(r.path("fills").asBoolean()).isTrue();
    assertThat(r.path("comparedWith").size()).isZero();
  }
}
