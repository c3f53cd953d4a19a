package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.engine.ArbitrageOutcome;
import io.tradeserver.engine.LatencySummary;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.risk.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The report page from known data: charts carry exactly their data, and text is escaped. */
class ReportHtmlTest {
  static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0);

  static StatusSnapshot status(Map<String, Long> rejects) {
    return new StatusSnapshot(
        0,
        TradingState.ACTIVE,
        "start",
        10,
        1,
        9,
        8,
        7,
        rejects,
        0,
        List.of(),
        List.of(),
        Map.of("USDT", new BigDecimal("-1.5")),
        NONE,
        NONE,
        0,
        0,
        Map.of("sim-b", 3L, "sim-c", 4L),
        2,
        Map.of("UNWOUND", 1L));
  }

  @Test
  void chartsHoldTheirDataPointsAndVenueTextIsEscaped() {
    List<ReportRecorder.Sample> samples =
        List.of(
            new ReportRecorder.Sample(0.25, Map.of("USDT", BigDecimal.ONE), Map.of()),
            new ReportRecorder.Sample(0.5, Map.of("USDT", new BigDecimal("-1.5")), Map.of()));
    ArbitrageOutcome evil =
        new ArbitrageOutcome(
            1,
            "BTC-USDT",
            "sim-c",
            "sim-b",
            ArbitrageOutcome.Result.UNWOUND,
            BigDecimal.ONE,
            BigDecimal.ONE,
            BigDecimal.ZERO,
            BigDecimal.ONE,
            BigDecimal.ZERO,
            new BigDecimal("-2"),
            "sell sim-b REJECTED <img src=x onerror=alert(1)>",
            "a",
            "b",
            "c",
            0);
    Map<Double, Long> hist = new TreeMap<>(Map.of(250.0, 3L, 500.0, 5L, 1000.0, 1L));
    String html =
        ReportHtml.render(
            new ReportData(
                "run <1>",
                Instant.EPOCH,
                1.0,
                status(Map.of("NO_ROUTE", 2L, "UNKNOWN_SYMBOL", 1L)),
                samples,
                List.of(),
                0,
                List.of(),
                0,
                List.of(evil),
                hist,
                Map.of(),
                Map.of(),
                Map.of()));

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<title>run &lt;1&gt;</title>");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    assertThat(html).contains("id=\"pnl-chart\" data-points=\"2\""); // net only: no realized data
    assertThat(html).contains("id=\"rejects-chart\" data-points=\"2\"");
    assertThat(html).contains("id=\"routed-chart\" data-points=\"2\"");
    assertThat(html).contains("id=\"signal-submit-chart\" data-points=\"3\"");
    assertThat(html).contains("<title>≤500µs: 5</title>");
    assertThat(html).contains("id=\"submit-ack-chart\" data-points=\"0\"").contains("no data");
    assertThat(html)
        .contains("<div class=\"v\">-1.50</div><div class=\"l\">net P&amp;L USDT</div>");
  }
}
