package io.tradeserver.kucoin.internal;

import io.tradeserver.kucoin.KucoinConfig;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.Backoff;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's spot fee rates per symbol and the fee of a private-stream match, which KuCoin's
 * stream does not carry. Rates come from "Get Actual Fee - Spot/Margin" ({@code GET
 * /api/v1/trade-fees?symbols=}, at most 10 symbols per request, Spot pool weight 3,
 * https://www.kucoin.com/docs-new/api-3470150): fetched once instruments are loaded, then every
 * refresh interval. A failed batch is logged and fetched again with backoff; until a symbol's rates
 * are known its fills use the configured bps. Thread-safe.
 */
final class TradeFees {
  private static final Logger log = LoggerFactory.getLogger(TradeFees.class);

  /** KuCoin answers for at most 10 symbols per request. */
  static final int BATCH = 10;

  /**
   * Decimals of an estimated fee, rounded HALF_UP: finer than any KuCoin quote increment, so the
   * product keeps its precision; fewer only when the fee would not fit a long (above 9.2e6).
   */
  static final int FEE_SCALE = 12;

  /** Fee rates as fractions of the notional ({@code 0.001} = 10 bps); maker may be negative. */
  record Rates(BigDecimal taker, BigDecimal maker) {
    BigDecimal of(Liquidity liquidity) {
      return liquidity == Liquidity.MAKER ? maker : taker;
    }
  }

  /** {@code data} of the trade-fees answer: rates by native symbol. */
  static final Json.Reader<Map<String, Rates>> RATES =
      p -> {
        Map<String, Rates> out = new HashMap<>();
        Json.elements(
            p,
            e -> {
              String[] v = new String[3];
              Json.fields(
                  e,
                  (name, x) -> {
                    int i =
                        switch (name) {
                          case "symbol" -> 0;
                          case "takerFeeRate" -> 1;
                          case "makerFeeRate" -> 2;
                          default -> -1;
                        };
                    if (i >= 0) {
                      v[i] = Json.text(x);
                    }
                    return i >= 0;
                  });
              if (v[0] != null && v[1] != null && v[2] != null) {
                out.put(v[0], new Rates(new BigDecimal(v[1]), new BigDecimal(v[2])));
              }
            });
        return out;
      };

  private final String venue;
  private final KucoinRest rest;
  private final Instruments instruments;
  private final Scheduler scheduler;
  private final Set<String> symbols;
  private final Rates configured;
  private final Duration refreshInterval;
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), RandomGenerator.getDefault());
  private final Map<String, Rates> bySymbol = new ConcurrentHashMap<>();

  /** True from the start of a fetch until all its batches succeeded (retries included). */
  private final AtomicBoolean fetching = new AtomicBoolean();

  private volatile Scheduler.Cancellable periodic;
  private volatile boolean closed;

  TradeFees(KucoinConfig config, KucoinRest rest, Instruments instruments, Scheduler scheduler) {
    this.venue = config.venue();
    this.rest = rest;
    this.instruments = instruments;
    this.scheduler = scheduler;
    this.symbols =
        config.symbols().stream().map(x -> x.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    this.configured = fromBps(config.takerFeeBps(), config.makerFeeBps());
    this.refreshInterval = config.feeRefreshInterval();
  }

  private static Rates fromBps(BigDecimal taker, BigDecimal maker) {
    return taker == null || maker == null
        ? null
        : new Rates(taker.movePointLeft(4), maker.movePointLeft(4));
  }

  /** Fetches now (instruments must be loaded) and then every refresh interval. */
  void start() {
    Scheduler.Cancellable p =
        scheduler.scheduleAtFixedRate(refreshInterval.toNanos(), this::refresh);
    periodic = p;
    if (closed) {
      p.cancel(); // closed while starting: close() may not have seen the task
      return;
    }
    refresh();
  }

  void close() {
    closed = true;
    Scheduler.Cancellable p = periodic;
    if (p != null) {
      p.cancel();
    }
  }

  /** The known rates of a native symbol, or null (not fetched yet); for tests and status. */
  Rates rates(String symbol) {
    return bySymbol.get(symbol);
  }

  /**
   * The fee of a stream match in the quote currency: {@code price × size × rate} (maker rate for
   * maker fills, taker rate otherwise), exact, then rounded HALF_UP to {@link #FEE_SCALE}. A
   * negative maker rate (rebate) gives a negative fee. The account's rates when known, else the
   * configured bps, else zero.
   */
  Quantity fee(String symbol, Price price, Quantity size, Liquidity liquidity) {
    Rates r = bySymbol.getOrDefault(symbol, configured);
    return r == null ? Quantity.zero(0) : fee(price, size, r.of(liquidity));
  }

  static Quantity fee(Price price, Quantity size, BigDecimal rate) {
    BigDecimal exact = price.toBigDecimal().multiply(size.toBigDecimal()).multiply(rate);
    BigDecimal fee = exact.setScale(FEE_SCALE, RoundingMode.HALF_UP);
    int excess = fee.precision() - Decimals.MAX_SCALE;
    if (excess > 0) {
      fee = exact.setScale(Math.max(0, FEE_SCALE - excess), RoundingMode.HALF_UP);
    }
    return Quantity.of(fee.unscaledValue().longValueExact(), fee.scale());
  }

  /** Fetches every wanted symbol's rates unless a fetch, or its retry, is under way. */
  void refresh() {
    if (!closed && fetching.compareAndSet(false, true)) {
      fetch(batches(wanted()), 0, new ArrayList<>(), 0);
    }
  }

  /** The configured symbols that are loaded, or every tradable instrument; sorted. */
  private List<String> wanted() {
    List<String> out = new ArrayList<>();
    for (Instrument i : instruments.all()) {
      if (symbols.isEmpty() ? i.tradable() : symbols.contains(i.id().symbol())) {
        out.add(i.nativeSymbol());
      }
    }
    out.sort(null);
    return out;
  }

  private static List<List<String>> batches(List<String> symbols) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i += BATCH) {
      out.add(symbols.subList(i, Math.min(symbols.size(), i + BATCH)));
    }
    return out;
  }

  /** Sends batch {@code index}, the next one after its answer; failed symbols are retried. */
  private void fetch(List<List<String>> batches, int index, List<String> failed, int attempt) {
    if (closed) {
      return;
    }
    if (index == batches.size()) {
      finish(failed, attempt);
      return;
    }
    List<String> batch = batches.get(index);
    Runnable next = () -> fetch(batches, index + 1, failed, attempt);
    rest.send(
        Endpoint.TRADE_FEES,
        Endpoint.TRADE_FEES.path + "?symbols=" + String.join(",", batch),
        null,
        RATES,
        new RestCallback<>() {
          @Override
          public void onSuccess(Map<String, Rates> rates) {
            if (rates != null) {
              bySymbol.putAll(rates);
            }
            next.run();
          }

          @Override
          public void onError(VenueError error) {
            failed(error.describe());
          }

          @Override
          public void onFailure(IOException e, boolean notSent) {
            failed(e.toString());
          }

          @Override
          public void onThrottled(long waitNanos) {
            failed("rate-limited locally");
          }

          private void failed(String why) {
            log.warn("{} fee rates of {} not fetched: {}", venue, batch, why);
            failed.addAll(batch);
            next.run();
          }
        });
  }

  private void finish(List<String> failed, int attempt) {
    if (failed.isEmpty()) {
      log.debug("{} fee rates known for {} symbols", venue, bySymbol.size());
      fetching.set(false);
      return;
    }
    long delay = backoff.delayNanos(attempt);
    log.warn(
        "{} retrying the fee rates of {} symbols in {} ms",
        venue,
        failed.size(),
        delay / 1_000_000);
    scheduler.schedule(delay, () -> fetch(batches(failed), 0, new ArrayList<>(), attempt + 1));
  }
}
