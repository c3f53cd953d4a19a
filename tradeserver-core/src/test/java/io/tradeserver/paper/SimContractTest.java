package io.tradeserver.paper;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientContractTest;
import io.tradeserver.testing.RecordingVenueListener;
import io.tradeserver.testing.TestContexts;
import java.util.List;
import java.util.Map;

/** The simulated venue honours the same contract as the real adapters. */
class SimContractTest extends ExchangeClientContractTest {

  @Override
  protected Fixture createFixture() {
    TestContexts kit = new TestContexts();
    SimExchangeClient sim = SimKit.pumped(kit);
    SimControl control = sim.control();
    return new Fixture() {
      @Override
      public ExchangeClient client() {
        return sim;
      }

      @Override
      public RecordingVenueListener events() {
        return kit.listener;
      }

      @Override
      public String symbol() {
        return "BTC-USDT";
      }

      @Override
      public void acceptNextOrder() {}

      @Override
      public void rejectNextOrderInsufficientBalance() {
        control.rejectNext(RejectCode.VENUE_INSUFFICIENT_BALANCE);
      }

      @Override
      public void failNextOrderAmbiguously() {
        control.loseNextAnswer();
      }

      @Override
      public void fill(
          OrderRequest order, String tradeId, Price price, Quantity quantity, Quantity cumulative) {
        control.fill(order.clientOrderId(), tradeId, price, quantity);
      }

      @Override
      public void acceptNextCancel(OrderRequest order) {}

      @Override
      public void reportNextQuery(
          OrderRequest order, OrderStatus status, Quantity filled, Price averagePrice) {
        control.answerNextQuery(
            order.instrument(), order.clientOrderId(), status, filled, averagePrice);
      }

      @Override
      public void reportOpenOrders(List<OrderRequest> orders) {} // the venue's own book of orders

      @Override
      public void reportNextQueryNotFound(String clientOrderId) {} // it knows what it never got

      @Override
      public void reportBalances(Map<String, String> free) {
        free.forEach(control::setBalance);
      }

      @Override
      public int submissionsOf(String clientOrderId) {
        return control.submissions(clientOrderId);
      }

      @Override
      public void close() {
        kit.assertNoErrors();
      }
    };
  }
}
