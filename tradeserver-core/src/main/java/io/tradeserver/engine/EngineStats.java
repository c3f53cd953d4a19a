package io.tradeserver.engine;

import io.tradeserver.metrics.MetricsRecorder;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters and latency histograms, written on the engine thread, and the one place that forwards
 * them to {@link MetricsRecorder} hooks ({@link MetricsRecorder#NONE} unless a registry was given).
 */
final class EngineStats {
  private static final RejectCode[] CODES = RejectCode.values();
  long signals;
  long signalsRejected;
  long orders;
  long ordersSent;
  long fills;
  long arbitrageOpportunities;
  private final Map<String, long[]> arbitragePairs = new LinkedHashMap<>();
  private final long[] rejects = new long[CODES.length];
  private final Map<String, long[]> routedByVenue = new LinkedHashMap<>();
  final LatencyHistogram signalToSubmit = new LatencyHistogram();
  final LatencyHistogram submitToAck = new LatencyHistogram();

  /** Arrival time of the signal being processed in this duty cycle; 0 outside one. */
  long signalNanos;

  MetricsRecorder metrics = MetricsRecorder.NONE;

  void reject(RejectCode code) {
    rejects[code.ordinal()]++;
    metrics.reject(code);
  }

  /** An order was handed to its venue client at {@code now}. */
  void submitted(String venue, boolean routed, long now) {
    if (routed) {
      routedByVenue.computeIfAbsent(venue, k -> new long[1])[0]++;
    }
    metrics.orderSubmitted(venue, routed, signalNanos > 0 ? now - signalNanos : -1);
  }

  void acknowledged(String venue, long latencyNanos) {
    submitToAck.record(latencyNanos);
    metrics.orderAcknowledged(venue, latencyNanos);
  }

  void fill(InstrumentId instrument) {
    fills++;
    metrics.fill(instrument);
  }

  void arbitrageOpportunity(String symbol) {
    arbitrageOpportunities++;
    metrics.arbitrageOpportunity(symbol);
  }

  void arbitragePair(ArbitrageOutcome.Result result) {
    arbitragePairs.computeIfAbsent(result.name(), k -> new long[1])[0]++;
    metrics.arbitragePair(result.name());
  }

  /** Paired arbitrage executions by result. */
  Map<String, Long> arbitragePairs() {
    Map<String, Long> out = new TreeMap<>();
    arbitragePairs.forEach((r, n) -> out.put(r, n[0]));
    return out;
  }

  Map<String, Long> rejectsByReason() {
    Map<String, Long> out = new TreeMap<>();
    for (int i = 0; i < CODES.length; i++) {
      if (rejects[i] != 0) {
        out.put(CODES[i].name(), rejects[i]);
      }
    }
    return out;
  }

  /** Orders the router placed, per venue, in the order venues were first chosen. */
  Map<String, Long> routedByVenue() {
    Map<String, Long> out = new LinkedHashMap<>();
    routedByVenue.forEach((v, n) -> out.put(v, n[0]));
    return out;
  }
}
