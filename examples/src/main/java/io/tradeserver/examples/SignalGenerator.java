package io.tradeserver.examples;

import io.tradeserver.engine.OfferResult;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The demo's strategy stand-in: a paced stream of plausible signals (market and limit, routed and
 * venue-specific, around the last traded prices) with a small share of bad ones — an unlisted
 * symbol and repeated signal ids — so the run shows rejects by reason. Until a symbol has traded it
 * sends market orders sized by notional (the engine sizes them from the book). Runs on its own
 * thread.
 */
final class SignalGenerator implements Runnable {
  private static final BigDecimal MIN_NOTIONAL = new BigDecimal("50");
  private final Function<Signal, OfferResult> sink;
  private final Clock clock;
  private final int perSecond;
  private final long endNanos;
  private final List<String> venues;
  private final List<String> symbols;
  private final String strategy;
  private final Map<String, Price> lastPrices;
  private final SplittableRandom random;
  private volatile boolean stopped;
  private volatile long sent;
  private String previousId;

  SignalGenerator(
      Function<Signal, OfferResult> sink,
      Clock clock,
      int perSecond,
      long endNanos,
      List<String> venues,
      List<String> symbols,
      String strategy,
      Map<String, Price> lastPrices,
      long seed) {
    this.sink = sink;
    this.clock = clock;
    this.perSecond = perSecond;
    this.endNanos = endNanos;
    this.venues = venues;
    this.symbols = symbols;
    this.strategy = strategy;
    this.lastPrices = lastPrices;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void run() {
    long interval = 1_000_000_000L / perSecond;
    long next = clock.nanos();
    while (!stopped && clock.nanos() < endNanos) {
      long now = clock.nanos();
      if (now < next) {
        LockSupport.parkNanos(Math.min(next - now, 1_000_000));
        continue;
      }
      Signal s = next();
      while (sink.apply(s) == OfferResult.BACK_PRESSURED && !stopped) {
        LockSupport.parkNanos(50_000); // the engine is saturated: wait, never drop
      }
      sent++;
      next = now - next > 1_000_000_000L ? now : next + interval; // fell far behind: do not burst
    }
  }

  void stop() {
    stopped = true;
  }

  long sent() {
    return sent;
  }

  /** One signal; about 1 in 100 names an unlisted symbol and 1 in 200 repeats an id. */
  Signal next() {
    int roll = random.nextInt(1000);
    String id =
        roll < 5 && previousId != null ? previousId : "demo-" + clock.millis() + "-" + (sent + 1);
    previousId = id;
    String symbol =
        roll >= 5 && roll < 15 ? "DOGE-USDT" : symbols.get(random.nextInt(symbols.size()));
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    String exchange = random.nextBoolean() ? null : venues.get(random.nextInt(venues.size()));
    Signal.Builder b =
        Signal.builder()
            .signalId(id)
            .strategy(strategy)
            .symbol(symbol)
            .side(side)
            .exchange(exchange)
            .timestampMillis(clock.millis());
    BigDecimal notional = MIN_NOTIONAL.add(BigDecimal.valueOf(random.nextInt(0, 1200)));
    Price ref = lastPrices.get(symbol);
    if (ref == null) { // nothing traded yet: a market order sized by quote amount
      return b.type(OrderType.MARKET)
          .notional(Quantity.parse(notional.toPlainString()))
          .maxSlippageBps(30)
          .build();
    }
    Quantity qty =
        Quantity.parse(notional.divide(ref.toBigDecimal(), 6, RoundingMode.DOWN).toPlainString());
    b.quantity(qty);
    if (random.nextInt(10) < 4) {
      return b.type(OrderType.MARKET).maxSlippageBps(30).build();
    }
    int offsetBps = random.nextInt(-15, 16) * (side == Side.BUY ? 1 : -1); // mostly near the touch
    BigDecimal price =
        ref.toBigDecimal()
            .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(offsetBps, 4)))
            .setScale(ref.scale(), RoundingMode.HALF_EVEN);
    TimeInForce tif = random.nextInt(10) < 7 ? TimeInForce.IOC : TimeInForce.GTC;
    return b.type(OrderType.LIMIT)
        .price(Price.parse(price.toPlainString()))
        .timeInForce(tif)
        .build();
  }
}
