package io.tradeserver.paper;

import io.tradeserver.event.TradeTick;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderBook;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;

/**
 * Matches paper orders against a live venue's book and trades. A taker walks the book at level
 * prices, consuming the paper copy's quantity until the next live update replaces it. A resting
 * order fills at its own price, as maker, when the live book moves through it (the opposite side
 * reaches its price) or a live trade prints strictly through it (a trade at exactly its price says
 * nothing about our place in the queue, so it does not count). Fees are charged in the quote
 * currency at the venue's configured rates. Engine thread only.
 */
final class PaperMatcher {
  private final String venue;
  private final SimAccount account;
  private final long takerFeeBpsTimes100;
  private final long makerFeeBpsTimes100;
  private long tradeSeq;

  PaperMatcher(String venue, BigDecimal takerFeeBps, BigDecimal makerFeeBps, SimAccount account) {
    this.venue = venue;
    this.account = account;
    this.takerFeeBpsTimes100 = bpsTimes100(takerFeeBps);
    this.makerFeeBpsTimes100 = bpsTimes100(makerFeeBps);
  }

  /** Takes liquidity up to the order's limit or protection price (none when 0). */
  void take(SimOrder o, OrderBook book, long now, Consumer<Fill> fills) {
    Side opposite = o.request.side().opposite();
    while (o.remaining() > 0 && book.depth(opposite) > 0) {
      long p = book.priceAt(opposite, 0);
      if (o.priceUnits != 0 && !reaches(o.request.side(), p, o.priceUnits)) {
        break;
      }
      long q = Math.min(o.remaining(), book.quantityAt(opposite, 0));
      book.set(opposite, p, book.quantityAt(opposite, 0) - q);
      fill(o, p, q, Liquidity.TAKER, now, fills);
    }
  }

  /** Quantity a taker on {@code side} finds at or better than {@code limit} (0 = any price). */
  static long available(Side side, long limit, OrderBook book) {
    Side opposite = side.opposite();
    long total = 0;
    for (int i = 0; i < book.depth(opposite); i++) {
      if (limit != 0 && !reaches(side, book.priceAt(opposite, i), limit)) {
        break;
      }
      total += book.quantityAt(opposite, i);
    }
    return total;
  }

  /** A resting order the live book has moved through fills at its own price. */
  void onBook(SimOrder o, OrderBook book, long now, Consumer<Fill> fills) {
    long q = Math.min(o.remaining(), available(o.request.side(), o.priceUnits, book));
    if (q <= 0) {
      return;
    }
    Side opposite = o.request.side().opposite();
    for (long left = q; left > 0 && book.depth(opposite) > 0; ) {
      long lq = book.quantityAt(opposite, 0);
      long used = Math.min(left, lq);
      book.set(opposite, book.priceAt(opposite, 0), lq - used);
      left -= used;
    }
    restingFill(o, q, now, fills);
  }

  /**
   * A live trade strictly through a resting order fills it, up to what is left of the trade's
   * quantity ({@code budget[0]}, in the instrument's quantity units, shared by our orders).
   */
  void onTrade(SimOrder o, TradeTick t, long[] budget, long now, Consumer<Fill> fills) {
    Instrument in = o.request.instrument();
    long price = t.price().withScale(in.priceScale(), RoundingMode.HALF_EVEN).units();
    boolean through = o.request.side() == Side.BUY ? price < o.priceUnits : price > o.priceUnits;
    long q = Math.min(o.remaining(), budget[0]);
    if (through && q > 0) {
      budget[0] -= q;
      restingFill(o, q, now, fills);
    }
  }

  private void restingFill(SimOrder o, long q, long now, Consumer<Fill> fills) {
    unlock(o, q);
    fill(o, o.priceUnits, q, Liquidity.MAKER, now, fills);
  }

  /** Locks what a resting order needs; false when the paper account cannot cover it. */
  boolean lock(SimOrder o) {
    String asset = asset(o);
    long amount = lockAmount(o, o.remaining());
    if (account.free(asset) < amount) {
      return false;
    }
    account.lock(asset, amount);
    return true;
  }

  void unlock(SimOrder o, long qtyUnits) {
    account.unlock(asset(o), lockAmount(o, qtyUnits));
  }

  /** Whether the account can pay for (buy) or deliver (sell) the whole order at {@code price}. */
  boolean affordable(SimOrder o, long priceUnits) {
    Instrument in = o.request.instrument();
    if (o.request.side() == Side.SELL) {
      return account.free(in.id().base())
          >= Decimals.rescale(o.quantityUnits, in.quantityScale(), SimAccount.SCALE);
    }
    return account.free(in.id().quote())
        >= notional(in, priceUnits, o.quantityUnits, RoundingMode.CEILING);
  }

  private void fill(
      SimOrder o, long priceUnits, long qtyUnits, Liquidity liq, long now, Consumer<Fill> fills) {
    Instrument in = o.request.instrument();
    long notional = notional(in, priceUnits, qtyUnits, RoundingMode.HALF_EVEN);
    long bps = liq == Liquidity.MAKER ? makerFeeBpsTimes100 : takerFeeBpsTimes100;
    long fee = Decimals.multiplyDivide(notional, bps, 1_000_000, RoundingMode.CEILING);
    boolean buy = o.request.side() == Side.BUY;
    account.add(
        in.id().base(),
        Decimals.rescale(qtyUnits, in.quantityScale(), SimAccount.SCALE) * (buy ? 1 : -1));
    account.add(in.id().quote(), (buy ? -notional : notional) - fee);
    o.filledUnits += qtyUnits;
    o.filledCost += notional;
    o.status = o.filledUnits >= o.quantityUnits ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    Fill f =
        new Fill(
            in.id(),
            o.request.clientOrderId(),
            o.exchangeOrderId,
            "P-" + venue + "-" + (++tradeSeq),
            o.request.side(),
            Price.of(priceUnits, in.priceScale()),
            Quantity.of(qtyUnits, in.quantityScale()),
            Quantity.of(fee, SimAccount.SCALE),
            in.id().quote(),
            liq,
            now);
    o.addFill(f);
    fills.accept(f);
  }

  private static boolean reaches(Side side, long levelPrice, long limit) {
    return side == Side.BUY ? levelPrice <= limit : levelPrice >= limit;
  }

  private static String asset(SimOrder o) {
    Instrument in = o.request.instrument();
    return o.request.side() == Side.BUY ? in.id().quote() : in.id().base();
  }

  private static long lockAmount(SimOrder o, long qtyUnits) {
    Instrument in = o.request.instrument();
    return o.request.side() == Side.BUY
        ? notional(in, o.priceUnits, qtyUnits, RoundingMode.CEILING)
        : Decimals.rescale(qtyUnits, in.quantityScale(), SimAccount.SCALE);
  }

  private static long notional(Instrument in, long priceUnits, long qtyUnits, RoundingMode mode) {
    return Decimals.multiply(
        priceUnits, in.priceScale(), qtyUnits, in.quantityScale(), SimAccount.SCALE, mode);
  }

  private static long bpsTimes100(BigDecimal bps) {
    return bps.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
