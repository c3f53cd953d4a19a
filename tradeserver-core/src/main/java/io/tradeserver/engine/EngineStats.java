package io.tradeserver.engine;

import io.tradeserver.model.RejectCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters and latency histograms, written on the engine thread. */
final class EngineStats {
  long signals;
  long signalsRejected;
  long orders;
  long ordersSent;
  long fills;
  final EnumMap<RejectCode, Long> rejects = new EnumMap<>(RejectCode.class);
  final LatencyHistogram signalToSubmit = new LatencyHistogram();
  final LatencyHistogram submitToAck = new LatencyHistogram();

  void reject(RejectCode code) {
    rejects.merge(code, 1L, Long::sum);
  }

  Map<String, Long> rejectsByReason() {
    Map<String, Long> out = new TreeMap<>();
    rejects.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }
}
