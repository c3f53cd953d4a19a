package io.tradeserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.RejectCode;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What metrics cost the engine thread: the hooks allocate nothing once their meters exist. */
class MetricsCostTest {

  @Test
  void theEngineThreadHooksDoNotAllocateOnceWarm() {
    MicrometerMetrics m =
        MicrometerMetrics.bind(new SimpleMeterRegistry(), List.of("a"), Map.of(), () -> 0, () -> 0);
    InstrumentId id = InstrumentId.of("a", "BTC-USDT");
    int perBurst = 10_000;
    Runnable burst =
        () -> {
          for (int i = 0; i < perBurst; i++) {
            m.orderSubmitted("a", (i & 1) == 0, 1_000 + i);
            m.orderAcknowledged("a", 50_000 + i);
            m.fill(id);
            m.reject(RejectCode.NO_ROUTE);
            m.alert("a", AlertKind.BOOK_RESYNC);
            m.connection("a", Channel.MARKET_STREAM, ConnectionState.RECONNECTED);
            m.arbitrageOpportunity("BTC-USDT");
          }
        };
    for (int i = 0; i < 30; i++) {
      burst.run(); // warm up: register lazily created meters, let the JIT compile
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    burst.run();
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    double perCall = allocated / (7.0 * perBurst);
    System.out.println("metrics hooks: " + allocated + " bytes for " + 7 * perBurst + " calls");
    assertThat(perCall).as("bytes allocated per hook call (%d in all)", allocated).isLessThan(0.5);
  }

  @Test
  void withoutARegistryTheHooksAreTheNoOpRecorder() {
    MetricsRecorder none = MetricsRecorder.NONE;
    none.orderSubmitted("a", true, 1); // does nothing, throws nothing
    none.reject(RejectCode.NO_ROUTE);
    assertThat(none).isSameAs(MetricsRecorder.NONE);
  }
}
