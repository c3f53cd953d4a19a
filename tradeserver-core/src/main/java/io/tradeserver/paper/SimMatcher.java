package io.tradeserver.paper;

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
import java.util.SplittableRandom;

/**
 * Builds a simulated venue's books from the shared market and matches orders against them: takers
 * walk the book at level prices (consuming its quantity until the next rebuild); resting orders
 * fill at their own price when the book trades through them. Fees are charged in the quote
 * currency. Engine thread only.
 */
final class SimMatcher {
  /** Hears each fill as it is made: one sink for every order, so no lambda per order. */
  interface FillSink {
    void onFill(SimOrder o, Fill f);
  }

  private final SimConfig config;
  private final SimAccount account;
  private final SplittableRandom noise;
  private final long takerFeeBpsTimes100;
  private final long makerFeeBpsTimes100;
  private final String tradeIdPrefix;
  private long tradeSeq;

  SimMatcher(SimConfig config, SimAccount account) {
    this.config = config;
    this.account = account;
    this.tradeIdPrefix = config.venue() + "-t";
    this.noise = new SplittableRandom(config.seed() ^ config.venue().hashCode());
    this.takerFeeBpsTimes100 = bpsTimes100(config.takerFeeBps());
    this.makerFeeBpsTimes100 = bpsTimes100(config.makerFeeBps());
  }

  /** Rebuilds a book around the market mid with this venue's offset, spread and depth. */
  void rebuild(OrderBook book, SimInstrument spec, Instrument in, long trueMid, long now) {
    long tick = in.tickSize().unitsAt(in.priceScale());
    long mid = trueMid + trueMid * config.priceOffsetBps() / 10_000 + (noise.nextInt(3) - 1) * tick;
    long bestBid = (mid - spec.spreadTicks() * tick / 2) / tick * tick;
    long bestAsk = bestBid + spec.spreadTicks() * tick;
    long levelQty = Quantity.parse(spec.levelQuantity()).withScale(in.quantityScale()).units();
    book.clear();
    for (int i = 0; i < spec.levels(); i++) {
      long q = levelQty * (1 + i / 2);
      if (bestBid - i * tick > 0) {
        book.set(Side.BUY, bestBid - i * tick, q);
      }
      book.set(Side.SELL, bestAsk + i * tick, q);
    }
    book.sequence(book.sequence() + 1);
    book.updatedNanos(now);
  }

  /**
   * Takes liquidity for {@code o} up to its limit (0 = no limit), emitting one taker fill per level
   * touched. Returns the quantity filled.
   */
  long take(SimOrder o, OrderBook book, long now, FillSink fills) {
    Side opposite = o.request.side().opposite();
    long filled = 0;
    while (o.remaining() > 0 && book.depth(opposite) > 0) {
      long p = book.priceAt(opposite, 0);
      boolean acceptable =
          o.priceUnits == 0
              || (o.request.side() == Side.BUY ? p <= o.priceUnits : p >= o.priceUnits);
      if (!acceptable) {
        break;
      }
      long q = Math.min(o.remaining(), book.quantityAt(opposite, 0));
      book.set(opposite, p, book.quantityAt(opposite, 0) - q);
      fill(o, p, q, Liquidity.TAKER, now, fills);
      filled += q;
    }
    return filled;
  }

  /** Quantity available to a taker on {@code side} at or better than {@code limit} (0 = any). */
  long available(Side side, long limit, OrderBook book) {
    Side opposite = side.opposite();
    long total = 0;
    for (int i = 0; i < book.depth(opposite); i++) {
      long p = book.priceAt(opposite, i);
      if (limit != 0 && (side == Side.BUY ? p > limit : p < limit)) {
        break;
      }
      total += book.quantityAt(opposite, i);
    }
    return total;
  }

  /** Fills a resting order the market has traded through, at its own price. */
  void matchResting(SimOrder o, OrderBook book, long now, FillSink fills) {
    long available = available(o.request.side(), o.priceUnits, book);
    if (available <= 0) {
      return;
    }
    long q = Math.min(o.remaining(), available);
    Side opposite = o.request.side().opposite();
    long left = q;
    while (left > 0 && book.depth(opposite) > 0) { // consume what we took
      long lq = book.quantityAt(opposite, 0);
      long take = Math.min(left, lq);
      book.set(opposite, book.priceAt(opposite, 0), lq - take);
      left -= take;
    }
    unlockResting(o, q);
    fill(o, o.priceUnits, q, Liquidity.MAKER, now, fills);
  }

  /** Records a fill on the order and the account and hands it out. */
  void fill(SimOrder o, long priceUnits, long qtyUnits, Liquidity liq, long now, FillSink fills) {
    Instrument in = o.request.instrument();
    long notional =
        Decimals.multiply(
            priceUnits,
            in.priceScale(),
            qtyUnits,
            in.quantityScale(),
            SimAccount.SCALE,
            RoundingMode.HALF_EVEN);
    long fee =
        Decimals.multiplyDivide(
            notional,
            liq == Liquidity.MAKER ? makerFeeBpsTimes100 : takerFeeBpsTimes100,
            1_000_000,
            RoundingMode.CEILING);
    long baseUnits = Decimals.rescale(qtyUnits, in.quantityScale(), SimAccount.SCALE);
    boolean buy = o.request.side() == Side.BUY;
    account.add(in.id().base(), buy ? baseUnits : -baseUnits);
    account.add(in.id().quote(), (buy ? -notional : notional) - fee);
    o.filledUnits += qtyUnits;
    o.filledCost += notional;
    o.status = o.filledUnits >= o.quantityUnits ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    Fill f =
        new Fill(
            in.id(),
            o.request.clientOrderId(),
            o.exchangeOrderId,
            tradeIdPrefix + (++tradeSeq),
            o.request.side(),
            Price.of(priceUnits, in.priceScale()),
            Quantity.of(qtyUnits, in.quantityScale()),
            Quantity.of(fee, SimAccount.SCALE),
            in.id().quote(),
            liq,
            now);
    o.addFill(f);
    fills.onFill(o, f);
  }

  /**
   * True when the account's free balance covers {@code o}; a market buy is priced at the best ask.
   */
  boolean affordable(SimOrder o, OrderBook book) {
    Instrument in = o.request.instrument();
    if (o.request.side() == Side.SELL) {
      return account.free(in.id().base())
          >= Decimals.rescale(o.quantityUnits, in.quantityScale(), SimAccount.SCALE);
    }
    long price =
        o.priceUnits != 0
            ? o.priceUnits
            : book.depth(Side.SELL) > 0 ? book.priceAt(Side.SELL, 0) : 0;
    long need =
        Decimals.multiply(
            price,
            in.priceScale(),
            o.quantityUnits,
            in.quantityScale(),
            SimAccount.SCALE,
            RoundingMode.CEILING);
    return account.free(in.id().quote()) >= need;
  }

  /** Locks what a resting order needs; false when the account cannot cover it. */
  boolean lockForResting(SimOrder o, long referencePrice) {
    Instrument in = o.request.instrument();
    long amount = lockAmount(o, o.remaining(), referencePrice);
    String asset = o.request.side() == Side.BUY ? in.id().quote() : in.id().base();
    if (account.free(asset) < amount) {
      return false;
    }
    account.lock(asset, amount);
    return true;
  }

  void unlockResting(SimOrder o, long qtyUnits) {
    Instrument in = o.request.instrument();
    String asset = o.request.side() == Side.BUY ? in.id().quote() : in.id().base();
    account.unlock(asset, lockAmount(o, qtyUnits, o.priceUnits));
  }

  private static long lockAmount(SimOrder o, long qtyUnits, long priceUnits) {
    Instrument in = o.request.instrument();
    return o.request.side() == Side.BUY
        ? Decimals.multiply(
            priceUnits,
            in.priceScale(),
            qtyUnits,
            in.quantityScale(),
            SimAccount.SCALE,
            RoundingMode.CEILING)
        : Decimals.rescale(qtyUnits, in.quantityScale(), SimAccount.SCALE);
  }

  private static long bpsTimes100(BigDecimal bps) {
    return bps.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
