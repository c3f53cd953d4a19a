package io.tradeserver.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ACTIVE lets checked orders through, REDUCING only position-reducing ones, HALTED none. */
class TradingStateTest {
  private RiskFixture f;

  @BeforeEach
  void setUp() {
    f = new RiskFixture().rich();
    f.book(f.btc, "99.99", "100.01");
  }

  @Test
  void activePassesBothSides() {
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "1"));
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "1"));
    assertThat(f.events).isEmpty();
  }

  @Test
  void haltedDeniesEverythingWithTheCause() {
    f.risk.setState(TradingState.HALTED, "ops: exchange incident");
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "1")))
        .isEqualTo("TRADING_HALTED state=HALTED cause=ops: exchange incident");
    f.position(f.btc, Side.BUY, "1", "100");
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.5"))).startsWith("TRADING_HALTED ");
  }

  @Test
  void reducingLetsOnlyReducingOrdersPassCountingOpenOrders() {
    f.position(f.btc, Side.BUY, "1", "100");
    f.open(f.limit(f.btc, Side.SELL, "100.01", "0.4"));
    f.risk.setState(TradingState.REDUCING, "test");
    // 0.4 working + 0.6 = the whole long position: just inside.
    f.pass(f.limit(f.btc, Side.SELL, "100.00", "0.6"));
    // One step more would turn the position short once everything fills.
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.60001")))
        .isEqualTo(
            "REDUCE_ONLY state=REDUCING position=1.00000 openBuy=0.00000 openSell=0.40000"
                + " order=SELL 0.60001");
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0.0001")))
        .isEqualTo(
            "REDUCE_ONLY state=REDUCING position=1.00000 openBuy=0.00000 openSell=0.40000"
                + " order=BUY 0.00010");
  }

  @Test
  void reducingAShortPosition() {
    f.position(f.btc, Side.SELL, "0.5", "100");
    f.risk.setState(TradingState.REDUCING, "test");
    f.pass(f.limit(f.btc, Side.BUY, "100.00", "0.5"));
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0.50001"))).startsWith("REDUCE_ONLY ");
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.1"))).startsWith("REDUCE_ONLY ");
  }

  @Test
  void reducingWithoutAPositionDeniesBothSides() {
    f.risk.setState(TradingState.REDUCING, "test");
    assertThat(f.deny(f.limit(f.btc, Side.BUY, "100.00", "0.1"))).startsWith("REDUCE_ONLY ");
    assertThat(f.deny(f.limit(f.btc, Side.SELL, "100.00", "0.1"))).startsWith("REDUCE_ONLY ");
  }

  @Test
  void everyDenialIsPublishedWithCodeAndOrderIdentity() {
    f.risk.setState(TradingState.HALTED, "ops");
    f.events.clear();
    OrderRequest o = f.limit(f.btc, Side.BUY, "100.00", "1");
    f.check(o);
    assertThat(f.events)
        .containsExactly(
            new RiskEvent(
                RiskEvent.Kind.DENIAL,
                RejectCode.TRADING_HALTED,
                "state=HALTED cause=ops",
                null,
                null,
                "sim",
                f.btc.id(),
                o.clientOrderId(),
                null,
                "default",
                f.clock.nanos()));
    assertThat(f.risk.denials()).isEqualTo(1);
  }

  @Test
  void probeNeitherPublishesNorCounts() {
    f.risk.setState(TradingState.HALTED, "ops");
    f.events.clear();
    assertThat(f.risk.probe(f.limit(f.btc, Side.BUY, "100.00", "1"), "s", -1).accepted()).isFalse();
    assertThat(f.events).isEmpty();
    assertThat(f.risk.denials()).isZero();
  }

  @Test
  void stateChangesArePublishedWithTheirCauseAndBreakerTripsLatch() {
    f.risk.setState(TradingState.REDUCING, "ops: reduce");
    f.risk.trip(TradingState.HALTED, "breaker x: y");
    f.risk.trip(TradingState.REDUCING, "breaker z: w");
    f.risk.setState(TradingState.ACTIVE, "ops: resume");
    assertThat(f.events)
        .extracting(e -> e.kind() + " " + e.from() + "->" + e.to() + " " + e.detail())
        .containsExactly(
            "STATE_CHANGE ACTIVE->REDUCING ops: reduce",
            "BREAKER_TRIP REDUCING->HALTED breaker x: y",
            "BREAKER_TRIP HALTED->HALTED breaker z: w",
            "STATE_CHANGE HALTED->ACTIVE ops: resume");
    assertThat(f.risk.latched()).isNull();
  }

  @Test
  void latchRemembersTheMostRestrictiveTripUntilActive() {
    f.risk.trip(TradingState.REDUCING, "breaker a: 1");
    assertThat(f.risk.latched()).isEqualTo(TradingState.REDUCING);
    f.risk.setState(TradingState.HALTED, "ops");
    f.risk.trip(TradingState.HALTED, "breaker b: 2");
    assertThat(f.risk.latched()).isEqualTo(TradingState.HALTED);
    f.risk.setState(TradingState.ACTIVE, "resume");
    assertThat(f.risk.latched()).isNull();
  }
}
