package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @Test
  void aShortDemoTradesPrintsStatusAndItsPositionsEqualItsFills(@TempDir Path dir)
      throws Exception {
    Path summary = dir.resolve("out.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Options o =
        Options.parse(
            "demo",
            "--duration",
            "3s",
            "--signals-per-second",
            "300",
            "--summary-json",
            summary.toString());
    int code = new DemoCommand(o, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(code).as(out).isZero();
    assertThat(out.lines().filter(l -> l.startsWith("[")).count())
        .as("a status line per second")
        .isGreaterThanOrEqualTo(2);
    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    assertThat(s.get("signals").asLong()).isPositive();
    assertThat(s.get("fills").asLong()).isPositive();
    assertThat(s.get("routedOrders").asLong()).isPositive();
    assertThat(s.get("rejectsByReason").has("UNKNOWN_SYMBOL")).isTrue();
    assertThat(s.get("openOrders").asInt()).isZero();
    // Independently of the demo's own check: every position equals the net of its fills.
    Map<String, BigDecimal> net = new HashMap<>();
    s.get("netFillQuantity")
        .fields()
        .forEachRemaining(e -> net.put(e.getKey(), new BigDecimal(e.getValue().asText())));
    assertThat(s.get("positions")).isNotEmpty();
    for (JsonNode p : s.get("positions")) {
      BigDecimal expected = net.getOrDefault(p.get("instrument").asText(), BigDecimal.ZERO);
      assertThat(new BigDecimal(p.get("quantity").asText()))
          .as(p.toString())
          .isEqualByComparingTo(expected);
    }
    assertThat(s.get("positionsMatchFills").asBoolean()).isTrue();
    assertThat(s.at("/latency/signalToSubmitUs/count").asLong()).isPositive();
  }

  @Test
  void badOptionsAreAllReportedTogether() {
    assertThatThrownBy(
            () ->
                Options.parse(
                    "demo", "--duration", "soon", "--signals-per-second", "0", "--bogus", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--duration: not a duration")
        .hasMessageContaining("--signals-per-second must be 1..1000000")
        .hasMessageContaining("unknown option --bogus")
        .hasMessageContaining("usage:");
    assertThat(Options.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Options.duration("2m")).isEqualTo(Duration.ofMinutes(2));
  }
}
