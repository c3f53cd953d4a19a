package io.tradeserver.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** The sim's per-id submission counts stay bounded and answer for every order it keeps. */
class SimSubmissionsTest {

  @Test
  void refusedIdsAreForgottenBeyondTheKeptOrdersAndKeptOnesAreNot() {
    TestContexts kit = new TestContexts();
    SimExchangeClient sim = SimKit.pumped(kit);
    SimControl control = sim.control();
    sim.start();
    Instrument btc = kit.listener.await(InstrumentsLoaded.class).instruments().get(0);
    // Far below the market, so it rests (and is kept) while the refusals pass.
    OrderRequest kept =
        OrderRequest.limit(
            "kept",
            btc,
            Side.BUY,
            Price.of(btc.tickSize().unitsAt(btc.priceScale()) * 1000, btc.priceScale()),
            Quantity.of(btc.minQuantity().unitsAt(btc.quantityScale()) * 2, btc.quantityScale()));
    sim.submit(kept);
    kit.listener.await(OrderAccepted.class, a -> a.clientOrderId().equals("kept"));

    int refusals = SimOrders.MAX_KEPT_ORDERS + 10;
    for (int i = 0; i < refusals; i++) {
      control.rejectNext(RejectCode.VENUE_REJECTED);
      sim.submit(OrderRequest.limit("r" + i, btc, Side.BUY, kept.price(), kept.quantity()));
      if (i % 1024 == 0) {
        sim.doWork(kit.clock.nanos());
      }
    }
    while (sim.doWork(kit.clock.nanos()) > 0) {
      // drain
    }

    assertThat(control.submissions("r0")).as("oldest refusals forgotten").isZero();
    assertThat(control.submissions("r9")).isZero();
    assertThat(control.submissions("r10")).as("the newest MAX_KEPT_ORDERS remembered").isEqualTo(1);
    assertThat(control.submissions("r" + (refusals - 1))).isEqualTo(1);
    assertThat(control.submissions("kept")).as("a kept order's count stays").isEqualTo(1);
  }
}
