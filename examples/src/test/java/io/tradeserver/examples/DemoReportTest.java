package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with several simulated venues routes orders and finds arbitrage opportunities, shows
 * both in its status line, summary and run report, and the report renders in a real browser.
 */
class DemoReportTest {
  static final Pattern CHART =
      Pattern.compile(
          "<svg class=\"chart\" id=\"([a-z-]+)\" data-points=\"(\\d+)\"[^>]*"
              + "data-rendered-size=\"(\\d+)x(\\d+)\" data-rendered-points=\"(\\d+)\"");

  @Test
  void theDemoShowsRoutedOrdersAndOpportunitiesAndItsReportRendersInChromium(@TempDir Path dir)
      throws Exception {
    Path summary = dir.resolve("summary.json");
    Path report = dir.resolve("report.html");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Options o =
        Options.parse(
            "demo",
            "--duration",
            "3s",
            "--signals-per-second",
            "200",
            "--summary-json",
            summary.toString(),
            "--report",
            report.toString());
    int code = new DemoCommand(o, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("routed={sim-").contains("report written to " + report);

    JsonNode s = new ObjectMapper().readTree(summary.toFile());
    assertThat(s.get("routedOrdersByVenue").size()).as(s.toString()).isPositive();
    assertThat(s.at("/arbitrage/opportunities").asLong()).as(s.toString()).isPositive();
    assertThat(s.at("/arbitrage/best/buy").asText()).startsWith("sim-c@");
    assertThat(s.at("/arbitrage/best/sell").asText()).startsWith("sim-b@");
    assertThat(s.at("/arbitrage/pairsByResult").size()).isPositive();

    String html = Files.readString(report);
    assertThat(html)
        .as("self-contained: nothing fetched from anywhere")
        .doesNotContain("<link", " src=", "@import", "url(")
        .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");

    String dom = Chromium.dumpDom(report, dir);
    assertThat(dom).contains("data-charts-rendered=\"");
    Matcher m = CHART.matcher(dom);
    int charts = 0;
    java.util.Set<String> ids = new java.util.HashSet<>();
    while (m.find()) {
      charts++;
      ids.add(m.group(1));
      int points = Integer.parseInt(m.group(2));
      assertThat(Integer.parseInt(m.group(3))).as(m.group(1) + " width").isPositive();
      assertThat(Integer.parseInt(m.group(4))).as(m.group(1) + " height").isPositive();
      assertThat(Integer.parseInt(m.group(5))).as(m.group(1) + " points drawn").isEqualTo(points);
    }
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "pnl-chart",
            "routed-chart",
            "rejects-chart",
            "signal-submit-chart",
            "submit-ack-chart");
    assertThat(dom).contains("data-charts-rendered=\"" + charts + "\"");
    assertThat(pointsOf(dom, "pnl-chart")).as("P&L samples, 4 a second").isGreaterThan(10);
    assertThat(dom).contains("id=\"opportunities-table\"").contains("<td>sim-c @ ");
    assertThat(dom).contains("id=\"fills-table\"").contains("id=\"positions-table\"");
  }

  private static int pointsOf(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\" data-points=\"(\\d+)\"").matcher(dom);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
