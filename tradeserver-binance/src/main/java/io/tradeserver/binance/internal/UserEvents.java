package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.event.Balances;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.OrderExpired;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps User Data Stream events (user-data-stream.md) to TradeServer events: {@code executionReport}
 * by execution type {@code x} (NEW, TRADE, CANCELED, EXPIRED, TRADE_PREVENTION, REJECTED) and
 * {@code outboundAccountPosition} as a partial {@link Balances}. Fills carry the venue trade id, so
 * a fill seen here and in a REST answer is applied once by the engine.
 */
final class UserEvents {
  private static final Logger log = LoggerFactory.getLogger(UserEvents.class);
  private final Instruments instruments;
  private final Emitter out;

  UserEvents(Instruments instruments, Emitter out) {
    this.instruments = instruments;
    this.out = out;
  }

  /** What to do after an event. */
  enum Next {
    CONTINUE,
    /** The subscription ended ({@code eventStreamTerminated}) or the server is going down. */
    RECONNECT
  }

  /** Handles the event object at the parser's START_OBJECT. */
  Next onEvent(JsonParser p) throws IOException {
    ExecutionReport r = new ExecutionReport();
    List<Balance> balances = null;
    String type = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      if ("e".equals(f)) {
        type = p.getText();
      } else if ("B".equals(f) && p.currentToken() == JsonToken.START_ARRAY) {
        balances = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
          balances.add(RestParse.balance(p, "a", "f", "l"));
        }
      } else {
        r.field(f, p);
      }
    }
    if (type == null) {
      return Next.CONTINUE;
    }
    switch (type) {
      case "executionReport" -> execution(r);
      case "outboundAccountPosition" -> {
        if (balances != null) {
          out.emit(new Balances(out.venue(), balances, false, out.now()));
        }
      }
      case "eventStreamTerminated", "serverShutdown" -> {
        log.info("{} user data stream: {}, reconnecting", out.venue(), type);
        return Next.RECONNECT;
      }
      default -> {} // balanceUpdate (deltas; outboundAccountPosition follows), listStatus, ...
    }
    return Next.CONTINUE;
  }

  private void execution(ExecutionReport r) {
    Instrument inst = instruments.bySymbol(r.s);
    if (inst == null || r.x == null) {
      log.debug("{} executionReport for unloaded symbol {} ignored", out.venue(), r.s);
      return;
    }
    String orderId = r.i >= 0 ? Long.toString(r.i) : null;
    switch (r.x) {
      case "NEW" -> out.emit(new OrderAccepted(out.venue(), inst.id(), r.c, orderId, out.now()));
      case "TRADE" -> fill(inst, r, orderId);
      // For a cancel, "c" is the cancel request's id and "C" the canceled order's own id.
      case "CANCELED" ->
          out.emit(
              new OrderCanceled(out.venue(), inst.id(), r.origClientOrderId(), orderId, out.now()));
      case "EXPIRED" -> out.emit(new OrderExpired(out.venue(), inst.id(), r.c, orderId, out.now()));
      case "TRADE_PREVENTION" -> {
        if ("EXPIRED_IN_MATCH".equals(r.X)) {
          out.emit(new OrderExpired(out.venue(), inst.id(), r.c, orderId, out.now()));
        }
      }
      case "REJECTED" ->
          out.emit(
              new OrderRejected(
                  out.venue(),
                  inst.id(),
                  r.c,
                  RejectCode.VENUE_REJECTED,
                  r.r,
                  "executionReport REJECTED " + r.r,
                  out.now()));
      default -> {} // REPLACED / AMENDMENT: TradeServer does not amend orders
    }
  }

  private void fill(Instrument inst, ExecutionReport r, String orderId) {
    Quantity qty = Quantity.parse(r.l, inst.quantityScale());
    if (!qty.isPositive() || r.t == null) {
      return;
    }
    Fill fill =
        new Fill(
            inst.id(),
            r.c,
            orderId,
            r.t,
            "SELL".equals(r.side) ? Side.SELL : Side.BUY,
            Price.parse(r.lastPrice, inst.priceScale()),
            qty,
            Json.natural(r.n),
            r.N,
            r.m ? Liquidity.MAKER : Liquidity.TAKER,
            r.T * 1_000_000L);
    Quantity cumulative = r.z == null ? null : Quantity.parse(r.z, inst.quantityScale());
    out.emit(new FillReport(out.venue(), fill, cumulative, out.now()));
  }

  /** The executionReport fields used (names as on the wire; JSON keys are case-sensitive). */
  private static final class ExecutionReport {
    String s;
    String c;
    String origClientOrderId;
    String side;
    String x;
    String X;
    String r;
    long i = -1;
    String l;
    String z;
    String lastPrice;
    String n = "0";
    String N;
    long T;
    String t;
    boolean m;

    String origClientOrderId() {
      return origClientOrderId != null && !origClientOrderId.isEmpty() ? origClientOrderId : c;
    }

    void field(String f, JsonParser p) throws IOException {
      switch (f) {
        case "s" -> s = p.getText();
        case "c" -> c = p.getText();
        case "C" -> origClientOrderId = Json.text(p);
        case "S" -> side = p.getText();
        case "x" -> x = p.getText();
        case "X" -> X = p.getText();
        case "r" -> r = p.getText();
        case "i" -> i = p.getLongValue();
        case "l" -> l = p.getText();
        case "z" -> z = p.getText();
        case "L" -> lastPrice = p.getText();
        case "n" -> n = p.currentToken() == JsonToken.VALUE_NULL ? "0" : p.getText();
        case "N" -> N = Json.text(p);
        case "T" -> T = p.getLongValue();
        case "t" -> t = p.getText(); // a number on the wire; kept as its text
        case "m" -> m = p.getBooleanValue();
        default -> p.skipChildren();
      }
    }
  }
}
