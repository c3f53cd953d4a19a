package io.tradeserver.kucoin.internal;

import io.tradeserver.event.Balances;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Quantity;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the private stream into events. {@code /spotMarket/tradeOrdersV2}
 * (https://www.kucoin.com/docs-new/3470073w0): {@code open} → OrderAccepted; {@code match} →
 * FillReport with the trade id, cumulative {@code filledSize} and a fee estimated from the
 * account's rates ({@link TradeFees}: the stream carries none); {@code canceled}, and {@code
 * update} with status {@code done} (remainder canceled, self-trade prevention) → OrderCanceled;
 * {@code received} and {@code filled} add nothing (the ack and the fills already tell). {@code
 * /account/balance} → Balances(complete=false) for the trade account only. After every connection
 * that follows a gap (and the first), {@code reconcile} runs so missed changes are recovered.
 */
final class PrivateStream implements KucoinSocket.Sink {
  private static final Logger log = LoggerFactory.getLogger(PrivateStream.class);
  static final String ORDERS = "/spotMarket/tradeOrdersV2";
  static final String BALANCE = "/account/balance";

  private final Emitter out;
  private final Instruments instruments;
  private final TradeFees fees;
  private final Runnable reconcile;

  PrivateStream(Emitter out, Instruments instruments, TradeFees fees, Runnable reconcile) {
    this.out = out;
    this.instruments = instruments;
    this.fees = fees;
    this.reconcile = reconcile;
  }

  @Override
  public void onReady(KucoinSocket.Start start) {
    if (start != KucoinSocket.Start.ROTATION) {
      reconcile.run();
    }
  }

  @Override
  public void onMessage(StreamParse.Header h, String text) {
    try {
      if (ORDERS.equals(h.topic())) {
        onOrderChange(StreamParse.orderChange(text, instruments));
      } else if (BALANCE.equals(h.topic())) {
        Balance b = StreamParse.tradeBalance(text);
        if (b != null) {
          out.emit(new Balances(out.venue, List.of(b), false, out.now()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // A lost private frame may hide a fill: reconcile as after a gap.
      log.error(
          "{} unreadable private frame on {}, reconciling: {}", out.venue, h.topic(), text, e);
      reconcile.run();
    }
  }

  private void onOrderChange(StreamParse.OrderChange c) throws IOException {
    InstrumentId id = instruments.id(c.symbol());
    String clientOid = c.clientOid() == null || c.clientOid().isEmpty() ? null : c.clientOid();
    switch (c.type()) {
      case "open" -> out.emit(new OrderAccepted(out.venue, id, clientOid, c.orderId(), out.now()));
      case "match" -> out.emit(fill(id, clientOid, c));
      case "canceled" ->
          out.emit(new OrderCanceled(out.venue, id, clientOid, c.orderId(), out.now()));
      case "update" -> {
        if ("done".equals(c.status())) {
          out.emit(new OrderCanceled(out.venue, id, clientOid, c.orderId(), out.now()));
        }
      }
      default -> {} // received, filled
    }
  }

  private FillReport fill(InstrumentId id, String clientOid, StreamParse.OrderChange c)
      throws IOException {
    if (c.tradeId() == null || c.matchPrice() == null || c.matchSize() == null) {
      throw new IOException("match without tradeId, matchPrice or matchSize");
    }
    Liquidity liquidity = OrderParse.liquidity(c.liquidity());
    Quantity fee = fees.fee(c.symbol(), c.matchPrice(), c.matchSize(), liquidity);
    Fill f =
        new Fill(
            id,
            clientOid,
            c.orderId(),
            c.tradeId(),
            OrderParse.side(c.side()),
            c.matchPrice(),
            c.matchSize(),
            fee,
            fee.isZero() ? null : id.quote(),
            liquidity,
            c.tsNanos());
    return new FillReport(out.venue, f, c.filledSize(), out.now());
  }
}
