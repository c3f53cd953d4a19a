package io.tradeserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.testing.SimRig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer meters follow a deterministic run: two simulated venues on a test clock, {@code a}
 * answering after 3 ms and {@code b} 10 bps cheaper so routed buys go there.
 */
class MetricsTest {
  final SimRig rig = new SimRig();
  final MeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    rig.sim("a", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))).latency(Duration.ofMillis(3)));
    rig.sim("b", b -> b.instruments(List.of(SimRig.btc(20, "0.25"))).priceOffsetBps(-10));
    rig.builder().meterRegistry(registry);
    rig.start();
    rig.btcMid("64000.00");
    rig.step(Duration.ofMillis(100), 2);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void ordersFillsRejectsLatenciesAndGaugesFollowTheRun() {
    rig.ts().offer(market("direct", "a", "0.01"));
    rig.ts().offer(market("routed", null, "0.02"));
    rig.ts()
        .offer(
            Signal.builder()
                .signalId("unknown")
                .symbol("DOGE-USDT")
                .side(Side.BUY)
                .type(OrderType.MARKET)
                .quantity("1")
                .exchange("a")
                .build());
    rig.clock.advance(Duration.ofMillis(2)); // the signals wait 2 ms in the inbox
    rig.settle();
    rig.venue("a").control().rejectNext(RejectCode.VENUE_INSUFFICIENT_BALANCE);
    rig.ts().offer(market("refused", "a", "0.01"));
    rig.settle();
    rig.step(Duration.ofMillis(100), 4); // past the status interval: gauges see the positions

    assertThat(count(MetricNames.ORDERS_SUBMITTED, "venue", "a", "routed", "false")).isEqualTo(2);
    assertThat(count(MetricNames.ORDERS_SUBMITTED, "venue", "b", "routed", "true")).isEqualTo(1);
    assertThat(count(MetricNames.ORDERS_SUBMITTED, "venue", "b", "routed", "false")).isZero();
    assertThat(count(MetricNames.FILLS, "venue", "a", "symbol", "BTC-USDT")).isEqualTo(1);
    assertThat(count(MetricNames.FILLS, "venue", "b", "symbol", "BTC-USDT")).isEqualTo(1);
    assertThat(count(MetricNames.REJECTS, "reason", "UNKNOWN_SYMBOL")).isEqualTo(1);
    assertThat(count(MetricNames.REJECTS, "reason", "VENUE_INSUFFICIENT_BALANCE")).isEqualTo(1);
    assertThat(registry.get(MetricNames.SIGNALS).functionCounter().count()).isEqualTo(4);
    assertThat(registry.get(MetricNames.SIGNALS_REJECTED).functionCounter().count()).isEqualTo(1);

    Timer toSubmitA = registry.get(MetricNames.SIGNAL_TO_SUBMIT).tag("venue", "a").timer();
    assertThat(toSubmitA.count()).isEqualTo(2);
    assertThat(toSubmitA.max(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
    Timer ackA = registry.get(MetricNames.SUBMIT_TO_ACK).tag("venue", "a").timer();
    assertThat(ackA.count()).isEqualTo(1); // the refused one was never acknowledged
    // the sim takes the order on its next duty cycle (1 ms later) and answers 3 ms after that
    assertThat(ackA.max(TimeUnit.MILLISECONDS)).isEqualTo(4.0);
    assertThat(ackA.takeSnapshot().histogramCounts())
        .as("fixed buckets are kept by every registry, cumulative")
        .anySatisfy(b -> assertThat(b.bucket(TimeUnit.MILLISECONDS)).isEqualTo(2.5))
        .allSatisfy(
            b -> assertThat(b.count()).isEqualTo(b.bucket(TimeUnit.MILLISECONDS) < 4 ? 0 : 1));
    assertThat(ackA.takeSnapshot().percentileValues())
        .extracting(v -> v.percentile())
        .containsExactly(0.5, 0.9, 0.99, 0.999);
    assertThat(
            registry
                .get(MetricNames.SUBMIT_TO_ACK)
                .tag("venue", "b")
                .timer()
                .max(TimeUnit.MILLISECONDS))
        .isEqualTo(1.0); // no configured latency: just the next duty cycle

    assertThat(gauge(MetricNames.POSITION_QUANTITY, "venue", "a", "symbol", "BTC-USDT"))
        .isEqualTo(0.01);
    assertThat(gauge(MetricNames.POSITION_QUANTITY, "venue", "b", "symbol", "BTC-USDT"))
        .isEqualTo(0.02);
    System.gc(); // gauges keep their state weakly: they must survive a collection
    StatusSnapshot s = rig.fresh();
    assertThat(registry.get(MetricNames.PNL_NET).tag("quote", "USDT").gauge().value())
        .isCloseTo(s.netPnlByQuote().get("USDT").doubleValue(), within(1e-6))
        .isNegative(); // fees and the spread
    assertThat(gauge(MetricNames.ORDERS_OPEN, "venue", "a")).isZero();
    assertThat(gauge(MetricNames.INBOX_DEPTH, "inbox", "signals")).isZero();
    assertThat(gauge(MetricNames.TRADING_STATE)).isZero();
    assertThat(s.routedOrdersByVenue()).isEqualTo(Map.of("b", 1L));
  }

  @Test
  void reconnectsResyncsAlertsAndPausesAreCounted() {
    rig.venue("a").control().dropPrivateStream(Duration.ofMillis(500));
    rig.step(Duration.ofMillis(100), 8);
    long until = rig.clock.nanos() + Duration.ofSeconds(10).toNanos();
    rig.builder().sink().onEvent(alert(AlertKind.BOOK_RESYNC, 0));
    rig.builder().sink().onEvent(alert(AlertKind.RATE_LIMITED, until));
    rig.step(Duration.ofMillis(250), 1);

    assertThat(count(MetricNames.RECONNECTS, "venue", "a", "channel", "PRIVATE_STREAM"))
        .isEqualTo(1);
    assertThat(registry.find(MetricNames.RECONNECTS).tag("venue", "b").counter()).isNull();
    assertThat(count(MetricNames.BOOK_RESYNCS, "venue", "a")).isEqualTo(1);
    assertThat(count(MetricNames.BOOK_RESYNCS, "venue", "b")).isZero();
    assertThat(count(MetricNames.ALERTS, "venue", "a", "kind", "RATE_LIMITED")).isEqualTo(1);
    assertThat(gauge(MetricNames.RATE_LIMIT_PAUSED, "venue", "a")).isCloseTo(9.75, within(0.26));
    assertThat(gauge(MetricNames.RATE_LIMIT_PAUSED, "venue", "b")).isZero();
  }

  private VenueAlert alert(AlertKind kind, long until) {
    return new VenueAlert("a", kind, "test", until, rig.clock.nanos());
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  static Signal market(String id, String venue, String qty) {
    return Signal.builder()
        .signalId(id)
        .symbol("BTC-USDT")
        .side(Side.BUY)
        .type(OrderType.MARKET)
        .quantity(qty)
        .exchange(venue)
        .build();
  }
}
