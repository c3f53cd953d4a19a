package io.tradeserver.paper;

import io.tradeserver.model.Price;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The "true" price of each symbol, shared by every simulated venue so their prices move together
 * (each venue adds its own offset and noise). Prices move in whole ticks by an integer random walk
 * with approximately normal steps (sum of twelve uniforms); no floating point. Deterministic for a
 * seed and a sequence of times. Engine thread only.
 */
public final class SimulatedMarket {
  private final SplittableRandom random;
  private final long stepNanos;
  private final Map<String, Path> paths = new HashMap<>();
  private long lastStep = Long.MIN_VALUE;

  public SimulatedMarket(long seed, Duration step) {
    this.random = new SplittableRandom(seed);
    this.stepNanos = step.toNanos();
  }

  /** Adds a symbol (no-op when already present: the first venue's start price wins). */
  public void add(SimInstrument s) {
    paths.computeIfAbsent(
        s.symbol(),
        k -> {
          Price tick = Price.parse(s.tickSize());
          long start = Price.parse(s.startPrice()).withScale(tick.scale()).units();
          return new Path(tick.units(), tick.scale(), start, s.volatilityTicks());
        });
  }

  /** Moves every symbol forward to {@code nowNanos}; returns the number of steps taken. */
  public int advanceTo(long nowNanos) {
    if (lastStep == Long.MIN_VALUE) {
      lastStep = nowNanos;
      return 0;
    }
    int steps = 0;
    while (nowNanos - lastStep >= stepNanos && steps < 10_000) {
      lastStep += stepNanos;
      for (Path p : paths.values()) {
        p.step(random);
      }
      steps++;
    }
    if (nowNanos - lastStep >= stepNanos) {
      lastStep = nowNanos; // far behind (a paused test clock jumped): skip ahead
    }
    return steps;
  }

  /** Current true mid in units at the symbol's tick scale. */
  public long midUnits(String symbol) {
    return path(symbol).mid;
  }

  /** Sets a symbol's mid (tests and demos that need prices to cross). */
  public void setMid(String symbol, Price mid) {
    Path p = path(symbol);
    p.mid = mid.withScale(p.scale).units();
  }

  /** Freezes or releases a symbol's random walk. */
  public void freeze(String symbol, boolean frozen) {
    path(symbol).frozen = frozen;
  }

  public int scale(String symbol) {
    return path(symbol).scale;
  }

  private Path path(String symbol) {
    Path p = paths.get(symbol);
    if (p == null) {
      throw new IllegalArgumentException("no simulated market for " + symbol);
    }
    return p;
  }

  private static final class Path {
    final long tick;
    final int scale;
    final int volatilityTicks;
    long mid;
    boolean frozen;

    Path(long tick, int scale, long start, int volatilityTicks) {
      this.tick = tick;
      this.scale = scale;
      this.mid = start - start % tick;
      this.volatilityTicks = volatilityTicks;
    }

    void step(SplittableRandom r) {
      if (frozen || volatilityTicks == 0) {
        return;
      }
      long sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += r.nextInt(-500, 501);
      }
      long move = sum * volatilityTicks / 1_000; // ~N(0, volatilityTicks^2 / 3.4)
      mid = Math.max(tick * 100, mid + move * tick);
    }
  }
}
