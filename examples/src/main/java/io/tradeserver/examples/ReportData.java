package io.tradeserver.examples;

import io.tradeserver.engine.ArbitrageOpportunity;
import io.tradeserver.engine.ArbitrageOutcome;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.metrics.MetricNames;
import io.tradeserver.model.Fill;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the run report shows, gathered once the run is over.
 *
 * @param title page title
 * @param generatedAt when the report was written
 * @param seconds run duration
 * @param status the final status (positions, counts, rejects by reason, routed orders)
 * @param samples P&L over time
 * @param fills the latest fills (at most {@link ReportRecorder#KEEP})
 * @param fillCount all fills
 * @param opportunities the latest arbitrage opportunities
 * @param opportunityCount all opportunities
 * @param outcomes the latest paired executions
 * @param signalToSubmitUs histogram over all venues: bucket upper bound (µs) → count
 * @param submitToAckUs histogram over all venues
 * @param ackP50Us submit→ack median per venue (µs)
 * @param ackP99Us submit→ack 99th percentile per venue (µs)
 */
record ReportData(
    String title,
    Instant generatedAt,
    double seconds,
    StatusSnapshot status,
    List<ReportRecorder.Sample> samples,
    List<Fill> fills,
    long fillCount,
    List<ArbitrageOpportunity> opportunities,
    long opportunityCount,
    List<ArbitrageOutcome> outcomes,
    Map<Double, Long> signalToSubmitUs,
    Map<Double, Long> submitToAckUs,
    Map<String, Double> ackP50Us,
    Map<String, Double> ackP99Us) {

  static ReportData of(
      String title, double seconds, StatusSnapshot status, ReportRecorder rec, MetricsView m) {
    return new ReportData(
        title,
        Instant.now(),
        seconds,
        status,
        rec.samples(),
        rec.fills(),
        rec.fillCount(),
        rec.opportunities(),
        rec.opportunityCount(),
        rec.outcomes(),
        m.histogramUs(MetricNames.SIGNAL_TO_SUBMIT),
        m.histogramUs(MetricNames.SUBMIT_TO_ACK),
        m.percentileUs(MetricNames.SUBMIT_TO_ACK, 0.5),
        m.percentileUs(MetricNames.SUBMIT_TO_ACK, 0.99));
  }
}
