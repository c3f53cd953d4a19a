package io.tradeserver.paper;

import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import java.time.Duration;

/**
 * Drives a {@link SimExchangeClient} from tests and demos: one-shot faults, forced fills, prices,
 * balances and stream drops. Calls are queued and take effect on the venue's next duty cycle, in
 * order with its other commands.
 */
public final class SimControl {
  private final SimExchangeClient sim;

  SimControl(SimExchangeClient sim) {
    this.sim = sim;
  }

  /** The next submit is refused with {@code code}. */
  public void rejectNext(RejectCode code) {
    sim.command(() -> sim.faults().rejectNext(code));
  }

  /** The next submit's answer is lost: {@code SubmitUnknown}; the venue keeps the order. */
  public void loseNextAnswer() {
    sim.command(() -> sim.faults().loseNextAnswer());
  }

  /** The next query is answered with this state instead of the venue's own. */
  public void answerNextQuery(
      Instrument instrument,
      String clientOrderId,
      OrderStatus status,
      Quantity filled,
      Price averagePrice) {
    sim.command(
        () -> {
          SimOrder o = sim.orders().order(clientOrderId);
          sim.faults()
              .answerNextQuery(
                  new OrderStatusReport(
                      sim.venue(),
                      instrument.id(),
                      clientOrderId,
                      o == null ? null : o.exchangeOrderId,
                      status,
                      o == null ? null : o.request.side(),
                      o == null ? null : o.request.type(),
                      o == null ? null : o.request.price(),
                      o == null ? null : o.request.quantity(),
                      filled,
                      averagePrice,
                      sim.outbox().now()));
        });
  }

  /** Fills a working order now, whatever the market, with a given trade id. */
  public void fill(String clientOrderId, String tradeId, Price price, Quantity quantity) {
    sim.command(
        () -> {
          SimOrder o = sim.orders().order(clientOrderId);
          if (o == null || !o.open()) {
            throw new IllegalStateException("no open simulated order " + clientOrderId);
          }
          Instrument in = o.request.instrument();
          long q = quantity.unitsAt(in.quantityScale());
          sim.orders().forceFill(o, price.unitsAt(in.priceScale()), q, Liquidity.MAKER, tradeId);
        });
  }

  /** Sets an asset's total balance. */
  public void setBalance(String asset, String amount) {
    sim.command(() -> sim.account().set(asset, Quantity.parse(amount)));
  }

  /** Drops the private stream for {@code d}: stream events are lost, then it reconnects. */
  public void dropPrivateStream(Duration d) {
    sim.command(() -> sim.outbox().dropPrivate(sim.outbox().now() + d.toNanos()));
  }

  /** Moves the shared market's mid for a symbol (all venues on this market see it). */
  public void setMid(String symbol, Price mid) {
    sim.command(() -> sim.market().setMid(symbol, mid));
  }

  /** Stops or restarts a symbol's random walk. */
  public void freeze(String symbol, boolean frozen) {
    sim.command(() -> sim.market().freeze(symbol, frozen));
  }

  /** Stops rebuilding books (they keep their last content and age). */
  public void freezeBooks(boolean frozen) {
    sim.command(() -> sim.faults().freezeBooks(frozen));
  }

  /** Submits received for a client order id. */
  public int submissions(String clientOrderId) {
    return sim.orders().submissions(clientOrderId);
  }
}
