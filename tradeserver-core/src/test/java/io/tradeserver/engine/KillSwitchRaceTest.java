package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.risk.RiskConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kill switch cancels an order the venue is about to reject: the rejection must end it (it was
 * once dropped as an illegal transition, and the order stayed open forever).
 */
class KillSwitchRaceTest {

  @Test
  void anOrderRejectedWhileItsCancelIsPendingEndsRejected() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.sim.control().rejectNext(RejectCode.VENUE_REJECTED);
      h.offer(KillSwitchTest.limit("r", Side.BUY, "0.01", "63000.00"));
      h.ts.doWork(); // SUBMITTED; the venue will reject it
      h.run(h.ts.killSwitch("race"));
      h.pump(Duration.ofSeconds(1), 3);
      assertThat(h.lines())
          .containsExactly(
              "ORDER r PENDING_NEW",
              "ORDER r SUBMITTED",
              "RISK KILL_SWITCH ACTIVE->HALTED kill switch: race",
              "ORDER r PENDING_CANCEL",
              "ORDER r REJECTED VENUE_REJECTED simulated rejection");
      assertThat(h.run(h.ts.freshStatus()).openOrders()).isZero();
    }
  }
}
