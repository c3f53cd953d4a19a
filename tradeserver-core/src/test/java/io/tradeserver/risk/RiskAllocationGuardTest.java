package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Side;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark: once warmed up, checking a passing limit order allocates nothing, with
 * every check enabled (exposure, open orders, balance, throttle) and positions and open orders on
 * several instruments. Uses the JVM's per-thread allocation counter; JMH with {@code -prof gc}
 * (benchmarks module) is the measurement.
 */
class RiskAllocationGuardTest {

  @Test
  void acceptPathOfALimitOrderDoesNotAllocate() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    RiskConfig config =
        RiskConfig.defaults()
            .withGlobal(
                Limits.builder()
                    .maxOrderNotional("1000000")
                    .maxOrderQuantity("1000")
                    .maxPosition("1000")
                    .maxOpenOrders(100)
                    .build())
            .withVenue(
                "sim",
                Limits.builder()
                    .maxGrossExposure("10000000")
                    .maxNetExposure("10000000")
                    .ordersPerSecond(1_000_000)
                    .build())
            .withTotals(
                Map.of("USDT", new BigDecimal("10000000")),
                Map.of("USDT", new BigDecimal("9000000")))
            .withStrategyRate("*", 1_000_000);
    RiskFixture f = new RiskFixture(config).rich();
    f.book(f.btc, "99.99", "100.01");
    f.book(f.eth, "99.99", "100.01");
    f.book(f.btcB, "99.99", "100.01");
    f.position(f.btc, Side.BUY, "1", "100");
    f.position(f.btcB, Side.SELL, "1", "100");
    f.open(f.pass(f.limit(f.btc, Side.BUY, "99.00", "1")));
    f.open(f.pass(f.limit(f.eth, Side.SELL, "101.00", "1")));
    f.open(f.pass(f.limit(f.btcB, Side.BUY, "99.00", "1")));
    OrderRequest o = f.limit(f.btc, Side.BUY, "100.00", "0.5");

    long tid = Thread.currentThread().getId();
    for (int i = 0; i < 300_000; i++) {
      f.clock.advanceNanos(1_000);
      if (!f.risk.check(o, "alpha", -1).accepted()) {
        throw new AssertionError(f.risk.check(o, "alpha", -1).denial());
      }
    }
    long before = threads.getThreadAllocatedBytes(tid);
    int accepted = 0;
    for (int i = 0; i < 10_000; i++) {
      f.clock.advanceNanos(1_000);
      accepted += f.risk.check(o, "alpha", -1).accepted() ? 1 : 0;
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    assertThat(accepted).isEqualTo(10_000);
    assertThat(allocated).as("bytes allocated by 10,000 checks").isLessThan(1_024);
  }
}
