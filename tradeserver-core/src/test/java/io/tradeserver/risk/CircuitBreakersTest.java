package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Price;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each breaker at its threshold (just inside, just outside), its target state and its latch. */
class CircuitBreakersTest {
  private RiskFixture f;
  private CircuitBreakers breakers;
  private final List<String> halts = new ArrayList<>();

  private void with(BreakerConfig.Builder b) {
    f = new RiskFixture(RiskConfig.defaults().withBreakers(b.build())).rich();
    breakers = new CircuitBreakers(f.risk, f.positions);
    breakers.onHalt((cause, at) -> halts.add(cause + " @" + (at - f.clock.nanos())));
  }

  private static BreakerConfig.Builder none() {
    return BreakerConfig.builder().noneEnabled();
  }

  private List<String> trips() {
    return f.events.stream()
        .filter(e -> e.kind() == RiskEvent.Kind.BREAKER_TRIP)
        .map(e -> e.from() + "->" + e.to() + " " + e.detail())
        .toList();
  }

  private void timer() {
    f.clock.advance(CircuitBreakers.PNL_INTERVAL);
    breakers.onTimer(f.clock.nanos(), v -> true);
  }

  private void mark(String price) {
    f.positions.mark(f.btc.id(), f.btc.price(price), f.clock.nanos());
  }

  @Test
  void dailyLossCountsRealizedAndUnrealized() {
    with(none().dailyLoss("USDT", "100", TradingState.HALTED));
    f.position(f.btc, Side.BUY, "1", "1000");
    mark("1000.00");
    timer(); // today's baseline: 0
    f.position(f.btc, Side.SELL, "0.5", "900"); // realized −50
    mark("900.00"); // unrealized −50 on the remaining 0.5
    timer();
    assertThat(trips()).isEmpty();
    mark("899.98"); // −100.01
    timer();
    assertThat(trips())
        .containsExactly("ACTIVE->HALTED breaker daily-loss: daily USDT P&L -100.01 below -100");
    assertThat(halts).containsExactly("breaker daily-loss: daily USDT P&L -100.01 below -100 @0");
    assertThat(f.risk.state()).isEqualTo(TradingState.HALTED);
  }

  @Test
  void dailyLossStartsAgainAtMidnightUtc() {
    with(none().dailyLoss("USDT", "100", TradingState.REDUCING));
    Instant at = Instant.parse("2025-11-24T23:59:59.700Z");
    f.clock.set(at.getEpochSecond() * 1_000_000_000L + at.getNano());
    f.position(f.btc, Side.BUY, "1", "1000");
    mark("1000.00");
    breakers.onTimer(f.clock.nanos(), v -> true); // baseline 0 on the 24th
    mark("920.00"); // −80 on the 24th
    timer(); // 23:59:59.800
    timer(); // 23:59:59.900
    assertThat(trips()).isEmpty();
    timer(); // 00:00:00.000 on the 25th: baseline −80
    mark("890.00"); // −110 since the start, −30 today
    timer();
    assertThat(trips()).isEmpty();
    mark("819.99"); // −100.01 today
    timer();
    assertThat(trips())
        .containsExactly("ACTIVE->REDUCING breaker daily-loss: daily USDT P&L -100.01 below -100");
    assertThat(halts).isEmpty(); // REDUCING pulls nothing
  }

  @Test
  void drawdownFromPeakAndRebaseOnResume() {
    with(none().drawdown("USDT", "50", TradingState.REDUCING));
    f.position(f.btc, Side.BUY, "1", "1000");
    mark("1000.00");
    timer();
    mark("1100.00"); // peak +100
    timer();
    mark("1050.00"); // 50 below the peak
    timer();
    assertThat(trips()).isEmpty();
    mark("1049.99");
    timer();
    assertThat(trips())
        .containsExactly(
            "ACTIVE->REDUCING breaker drawdown: USDT drawdown 50.01 from peak 100 exceeds 50");
    // Latched: no second trip while it stays below.
    mark("1000.00");
    timer();
    assertThat(trips()).hasSize(1);
    // Resume re-arms and re-bases the peak to +0: a further 50 is allowed, not more.
    breakers.reset();
    f.risk.setState(TradingState.ACTIVE, "resume");
    mark("950.00");
    timer();
    assertThat(trips()).hasSize(1);
    mark("949.99");
    timer();
    assertThat(trips()).hasSize(2);
  }

  @Test
  void consecutiveVenueErrors() {
    with(none().consecutiveVenueErrors(3, TradingState.REDUCING));
    breakers.onVenueError("sim", "a");
    breakers.onVenueError("sim", "b");
    breakers.onVenueSuccess("sim"); // the run ends
    breakers.onVenueError("sim", "c");
    breakers.onVenueError("sim", "d");
    breakers.onVenueError("simb", "other venue");
    assertThat(trips()).isEmpty();
    breakers.onVenueError("sim", "e");
    assertThat(trips())
        .containsExactly(
            "ACTIVE->REDUCING breaker venue-errors: sim: 3 consecutive venue errors (limit 3),"
                + " last: e");
  }

  @Test
  void rejectRateOverTheWindow() {
    with(none().rejectRate(50, Duration.ofSeconds(60), 10));
    long now = f.clock.nanos();
    for (int i = 0; i < 10; i++) {
      breakers.onOrderSent("sim", now);
    }
    for (int i = 0; i < 5; i++) {
      breakers.onVenueRejection("sim", "r", now);
    }
    assertThat(trips()).isEmpty(); // 50 % is not more than 50 %
    breakers.onVenueRejection("sim", "r", now);
    assertThat(trips())
        .containsExactly(
            "ACTIVE->HALTED breaker reject-rate: sim rejected 6 of 10 orders within 60s (limit"
                + " 50%)");
  }

  @Test
  void postOnlyAndRateLimitRejectionsAreNotVenueProblems() {
    with(
        none()
            .consecutiveVenueErrors(2, TradingState.HALTED)
            .rejectRate(50, Duration.ofSeconds(60), 2));
    long now = f.clock.nanos();
    for (int i = 0; i < 4; i++) {
      breakers.onOrderSent("sim", now);
      breakers.onVenueRejection("sim", RejectCode.POST_ONLY_WOULD_TAKE, "would take", now);
      breakers.onVenueRejection("sim", RejectCode.RATE_LIMITED, "local:TRADING_COUNTER", now);
    }
    assertThat(trips()).isEmpty();
    breakers.onVenueRejection("sim", RejectCode.VENUE_REJECTED, "r1", now);
    assertThat(trips()).isEmpty(); // 1 of 4: 25 %, one error
    breakers.onVenueRejection("sim", RejectCode.VENUE_INSUFFICIENT_BALANCE, "r2", now);
    assertThat(trips())
        .containsExactly(
            "ACTIVE->HALTED breaker venue-errors: sim: 2 consecutive venue errors (limit 2),"
                + " last: r2");
  }

  @Test
  void rejectRateNeedsEnoughOrdersAndForgetsOldOnes() {
    with(none().rejectRate(50, Duration.ofSeconds(60), 10));
    long t0 = f.clock.nanos();
    for (int i = 0; i < 9; i++) {
      breakers.onOrderSent("sim", t0);
      breakers.onVenueRejection("sim", "r", t0);
    }
    assertThat(trips()).isEmpty(); // 9 orders: too few to judge
    long later = t0 + Duration.ofSeconds(61).toNanos();
    breakers.onOrderSent("sim", later);
    breakers.onVenueRejection("sim", "r", later);
    assertThat(trips()).isEmpty(); // the first nine left the window
  }

  @Test
  void ackLatencyP99() {
    with(none().ackLatency(Duration.ofSeconds(2), Duration.ofSeconds(60), TradingState.REDUCING));
    long now = f.clock.nanos();
    long fast = Duration.ofMillis(5).toNanos();
    long limit = Duration.ofSeconds(2).toNanos();
    for (int i = 0; i < 97; i++) {
      breakers.onAckLatency("sim", fast, now);
    }
    breakers.onAckLatency("sim", limit, now); // exactly the limit is not slower
    breakers.onAckLatency("sim", fast, now);
    breakers.onAckLatency("sim", fast, now);
    // p99 by nearest rank is the ceil(0.99 n)-th fastest: of 101 acks the 100th.
    breakers.onAckLatency("sim", limit + 1, now); // 1 of 101 slower: p99 is 2 s
    assertThat(trips()).isEmpty();
    breakers.onAckLatency("sim", limit + 1, now); // 2 of 102: the 101st is slower
    assertThat(trips())
        .containsExactly(
            "ACTIVE->REDUCING breaker ack-latency: sim ack p99 above 2000ms: 2 of 102 acks"
                + " slower within 60s");
  }

  @Test
  void ackLatencyNeedsTwentySamples() {
    with(none().ackLatency(Duration.ofSeconds(2), Duration.ofSeconds(60), TradingState.REDUCING));
    long slow = Duration.ofSeconds(3).toNanos();
    for (int i = 0; i < BreakerConfig.ACK_LATENCY_MIN_SAMPLES - 1; i++) {
      breakers.onAckLatency("sim", slow, f.clock.nanos());
    }
    assertThat(trips()).isEmpty();
    breakers.onAckLatency("sim", slow, f.clock.nanos());
    assertThat(trips()).hasSize(1);
  }

  @Test
  void staleMarketDataOnAnInstrumentWithOpenOrders() {
    with(none().staleMarketData(Duration.ofSeconds(30), TradingState.REDUCING));
    f.book(f.btc, "99.99", "100.01");
    f.book(f.eth, "99.99", "100.01");
    breakers.onMid(f.btc.id(), Price.parse("100.00", 3), f.clock.nanos());
    breakers.onMid(f.eth.id(), Price.parse("100.00", 3), f.clock.nanos());
    f.clock.advance(Duration.ofSeconds(10));
    breakers.onMid(f.eth.id(), Price.parse("100.00", 3), f.clock.nanos());
    f.open(f.limit(f.eth, Side.BUY, "99.00", "1"));
    f.clock.advance(Duration.ofSeconds(20)); // btc 30 s old but nothing open on it
    breakers.onTimer(f.clock.nanos(), v -> true);
    assertThat(trips()).isEmpty();
    f.open(f.limit(f.btc, Side.BUY, "99.00", "1"));
    breakers.onTimer(f.clock.nanos(), v -> true); // exactly 30 s
    assertThat(trips()).isEmpty();
    f.clock.advanceNanos(1);
    breakers.onTimer(f.clock.nanos(), v -> true);
    assertThat(trips())
        .containsExactly(
            "ACTIVE->REDUCING breaker stale: sim:BTC-USDT market data 30000.000001ms old with"
                + " open orders (limit 30000ms)");
  }

  @Test
  void volatilityMoveWithinTheWindow() {
    with(none().volatility("10", Duration.ofSeconds(60), TradingState.HALTED));
    long t0 = f.clock.nanos();
    breakers.onMid(f.btc.id(), Price.parse("100.000", 3), t0);
    breakers.onMid(f.btc.id(), Price.parse("110.000", 3), t0 + 1); // exactly 10 %
    assertThat(trips()).isEmpty();
    breakers.onMid(f.btc.id(), Price.parse("110.010", 3), t0 + Duration.ofSeconds(60).toNanos());
    assertThat(trips())
        .containsExactly(
            "ACTIVE->HALTED breaker volatility: sim:BTC-USDT moved 10.01 (100.00 to 110.01) within"
                + " 60s (limit 10%)");
    assertThat(halts).hasSize(1);
  }

  @Test
  void volatilityForgetsPricesOlderThanTheWindow() {
    with(none().volatility("10", Duration.ofSeconds(60), TradingState.HALTED));
    long t0 = f.clock.nanos();
    breakers.onMid(f.btc.id(), Price.parse("100.000", 3), t0);
    breakers.onMid(f.btc.id(), Price.parse("105.000", 3), t0 + 1);
    breakers.onMid(
        f.btc.id(), Price.parse("110.010", 3), t0 + Duration.ofSeconds(60).toNanos() + 1);
    assertThat(trips()).isEmpty(); // 100 is older than 60 s; 105 → 110.01 is 4.77 %
    breakers.onMid(f.eth.id(), Price.parse("100.000", 3), t0);
    breakers.onMid(f.eth.id(), Price.parse("89.990", 3), t0 + 2); // a fall counts too
    assertThat(trips()).hasSize(1);
  }

  @Test
  void venueBanDisablesTheVenueAndTrips() {
    with(none().venueBanTarget(TradingState.REDUCING));
    f.book(f.btc, "99.99", "100.01");
    breakers.onVenueBanned("sim", "HTTP 418 until 12:00");
    assertThat(f.events)
        .extracting(e -> e.kind() + " " + e.venue() + " " + e.to() + " " + e.detail())
        .containsExactly(
            "VENUE_DISABLED sim null banned: HTTP 418 until 12:00",
            "BREAKER_TRIP null REDUCING breaker ban: sim banned us: HTTP 418 until 12:00");
    f.position(f.btc, Side.BUY, "1", "100");
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.5")))
        .isEqualTo("VENUE_UNAVAILABLE venue sim disabled: banned: HTTP 418 until 12:00");
    // Other venues trade on, within the state the ban set.
    f.book(f.btcB, "99.99", "100.01");
    f.position(f.btcB, Side.BUY, "1", "100");
    f.pass(f.limit(f.btcB, Side.SELL, "100.00", "0.5"));
  }

  @Test
  void aTrippedBreakerLatchesUntilResetAndThenReArms() {
    with(none().consecutiveVenueErrors(1, TradingState.HALTED));
    breakers.onVenueError("sim", "a");
    breakers.onVenueError("sim", "b");
    assertThat(trips()).hasSize(1);
    assertThat(breakers.tripped()).containsExactly("venue-errors:sim");
    breakers.reset();
    f.risk.setState(TradingState.ACTIVE, "resume");
    assertThat(breakers.tripped()).isEmpty();
    breakers.onVenueError("sim", "c");
    assertThat(trips()).hasSize(2);
    assertThat(halts).hasSize(2);
  }
}
