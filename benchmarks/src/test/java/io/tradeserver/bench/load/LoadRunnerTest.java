package io.tradeserver.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Short real runs against the embedded mock: the harness works end to end (not a benchmark). */
class LoadRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode run(String... args) throws Exception {
    String line = new LoadRunner(LoadOptions.parse(args)).run();
    assertThat(line).doesNotContain("\n");
    return JSON.readTree(line);
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

  @Test
  void krakenThroughTheEngine() throws Exception {
    JsonNode r =
        run(
            "--exchange",
            "kraken",
            "--mode",
            "engine",
            "--orders",
            "300",
            "--warmup",
            "100",
            "--warmup-seconds",
            "0",
            "--concurrency",
            "2",
            "--rounds",
            "1",
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
