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
import java.util.function.Function;

/**
 * The demo's strategy stand-in: a paced stream of plausible signals (market and limit, routed and
 * venue-specific, around the last traded prices) with a small share of bad ones — unknown symbols
 * and repeated signal ids — so the run shows rejects by reason. Runs on its own thread.
 */
final class SignalGenerator implements Runnable {
  private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT"};
  private final Function<Signal, OfferResult> sink;
  private final Clock clock;
  private final int perSecond;
  private final long endNanos;
  private final List<String> venues;
  private final Map<String, Price> lastPrices;
  private final SplittableRandom random;
  private volatile boolean stopped;
  private long sent;
  private long backPressured;
  private String previousId;

  SignalGenerator(
      Function<Signal, OfferResult> sink,
      Clock clock,
      int perSecond,
      long endNanos,
      List<String> venues,
      Map<String, Price> lastPrices,
      long seed) {
    this.sink = sink;
    this.clock = clock;
    this.perSecond = perSecond;
    this.endNanos = endNanos;
    this.venues = venues;
    this.lastPrices = lastPrices;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void run() {
    long start = clock.nanos();
    long interval = 1_000_000_000L / perSecond;
    long next = start;
    while (!stopped && clock.nanos() < endNanos) {
      long now = clock.nanos();
      if (now < next) {
        java.util.concurrent.locks.LockSupport.parkNanos(Math.min(next - now, 1_000_000));
        continue;
      }
      Signal s = next();
      OfferResult r = sink.apply(s);
      while (r == OfferResult.BACK_PRESSURED && !stopped) {
        backPressured++;
        Thread.onSpinWait();
        r = sink.apply(s);
      }
      sent++;
      next += interval;
      if (now - next > 1_000_000_000L) {
        next = now; // fell far behind (GC, slow machine): do not burst
      }
    }
  }

  void stop() {
    stopped = true;
  }

  long sent() {
    return sent;
  }

  long backPressured() {
    return backPressured;
  }

  /** One signal; about 1 in 100 names an unlisted symbol and 1 in 200 repeats an id. */
  Signal next() {
    int roll = random.nextInt(1000);
    String id = roll < 5 && previousId != null ? previousId : "demo-" + (sent + 1);
    previousId = id;
    String symbol = roll >= 5 && roll < 15 ? "DOGE-USDT" : SYMBOLS[random.nextInt(10) < 6 ? 0 : 1];
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    boolean market = random.nextInt(10) < 4;
    String exchange = random.nextBoolean() ? null : venues.get(random.nextInt(venues.size()));
    Signal.Builder b =
        Signal.builder()
            .signalId(id)
            .strategy("demo")
            .symbol(symbol)
            .side(side)
            .exchange(exchange)
            .quantity(quantity(symbol))
            .timestampMillis(clock.millis());
    if (market) {
      return b.type(OrderType.MARKET).maxSlippageBps(30).build();
    }
    Price ref =
        lastPrices.getOrDefault(symbol, Price.parse(symbol.startsWith("BTC") ? "64000" : "3200"));
    int offsetBps = random.nextInt(-15, 16) * (side == Side.BUY ? 1 : -1); // mostly near the touch
    BigDecimal price =
        ref.toBigDecimal()
            .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(offsetBps, 4)))
            .setScale(2, RoundingMode.HALF_EVEN);
    TimeInForce tif = random.nextInt(10) < 7 ? TimeInForce.IOC : TimeInForce.GTC;
    return b.type(OrderType.LIMIT)
        .price(Price.parse(price.toPlainString()))
        .timeInForce(tif)
        .build();
  }

  private Quantity quantity(String symbol) {
    return symbol.startsWith("BTC")
        ? Quantity.of(random.nextLong(100, 2_001), 5) // 0.00100 .. 0.02000 BTC
        : Quantity.of(random.nextLong(100, 5_001), 4); // 0.0100 .. 0.5000 ETH
  }
}
