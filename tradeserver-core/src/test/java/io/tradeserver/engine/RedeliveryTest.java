package io.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.order.ClientOrderIds;
import io.tradeserver.risk.RiskConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A signal redelivered after a crash: an earlier instance may have sent its order and died before
 * acknowledging the signal. This instance never saw it, so it looks the order up at the venue under
 * the id every instance gives it, and sends it only when the venue does not have it.
 */
class RedeliveryTest {

  static Signal limit(String id) {
    return Signal.builder()
        .signalId(id)
        .strategy("mm")
        .symbol("BTC-USDT")
        .side(Side.BUY)
        .type(OrderType.LIMIT)
        .quantity("0.01")
        .price("63000.00")
        .exchange("sim")
        .build();
  }

  @Test
  void aSignalWhoseOrderAnEarlierInstanceSentIsTrackedNotSentAgain() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      String sentBefore = ClientOrderIds.forSignal("mm", "r1");
      String neverSent = ClientOrderIds.forSignal("mm", "r2");
      // What the instance that crashed had sent: r1's order, resting at the venue.
      Instrument btc =
          Instrument.builder(InstrumentId.of("sim", "BTC-USDT"), "BTCUSDT")
              .tickSize(Price.parse("0.01"))
              .stepSize(Quantity.parse("0.00001"))
              .build();
      h.sim.submit(
          OrderRequest.limit(
              sentBefore, btc, Side.BUY, Price.parse("63000.00"), Quantity.parse("0.01")));
      h.pump(Duration.ofMillis(10), 3);
      h.venue.commands.clear();

      assertThat(h.ts.offerRedelivery(limit("r1"))).isEqualTo(OfferResult.ACCEPTED);
      assertThat(h.ts.offerRedelivery(limit("r2"))).isEqualTo(OfferResult.ACCEPTED);
      h.pump(Duration.ofMillis(10), 10);

      assertThat(h.venue.commands).containsExactly("submit " + neverSent);
      assertThat(h.rec.statuses(sentBefore)).containsExactly("PENDING_NEW", "ACCEPTED");
      assertThat(h.rec.statuses(neverSent)).containsExactly("PENDING_NEW", "SUBMITTED", "ACCEPTED");

      // Seen now: offered again, either way, it is a duplicate.
      h.offer(limit("r1"));
      assertThat(h.ts.offerRedelivery(limit("r2"))).isEqualTo(OfferResult.ACCEPTED);
      h.settle();
      assertThat(h.lines())
          .filteredOn(l -> l.startsWith("SIGNAL_REJECTED"))
          .containsExactly(
              "SIGNAL_REJECTED r1 DUPLICATE_SIGNAL signalId r1 seen before",
              "SIGNAL_REJECTED r2 DUPLICATE_SIGNAL signalId r2 seen before");
      assertThat(h.venue.commands).containsExactly("submit " + neverSent);
    }
  }

  @Test
  void aSignalDeliveredOnceIsSentAtOnceUnderItsOwnId() {
    try (RiskHarness h = new RiskHarness(RiskConfig.defaults())) {
      h.offer(limit("f1"));
      h.settle();
      assertThat(h.venue.commands)
          .containsExactly("submit " + ClientOrderIds.forSignal("mm", "f1"));
    }
  }
}
