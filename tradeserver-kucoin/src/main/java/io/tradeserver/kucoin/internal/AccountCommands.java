package io.tradeserver.kucoin.internal;

import io.tradeserver.event.Balances;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.event.RequestKind;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.time.Scheduler;
import io.tradeserver.venue.Backoff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Instruments, balances, open orders and cancel-all. KuCoin lists HF open orders per symbol only,
 * so "all open orders" first asks which symbols have any ({@code /api/v1/hf/orders/active/symbols})
 * and then lists each, emitting one {@code OpenOrders} when all answered. Thread-safe.
 */
final class AccountCommands {
  private final KucoinRest rest;
  private final Emitter out;
  private final Instruments instruments;
  private final Scheduler scheduler;
  private final Backoff backoff = Backoff.defaults();
  private volatile boolean closed;

  AccountCommands(KucoinRest rest, Emitter out, Instruments instruments, Scheduler scheduler) {
    this.rest = rest;
    this.out = out;
    this.instruments = instruments;
    this.scheduler = scheduler;
  }

  /**
   * Loads {@code /api/v2/symbols}, retrying with backoff until it succeeds, then runs {@code then}.
   */
  void loadInstruments(Runnable then) {
    loadInstruments(then, 0);
  }

  private void loadInstruments(Runnable then, int attempt) {
    if (closed) {
      return;
    }
    rest.send(
        Endpoint.SYMBOLS,
        Endpoint.SYMBOLS.path,
        null,
        MarketParse.instruments(out.venue),
        new ReportingCallback<>(out, RequestKind.INSTRUMENTS, null) {
          @Override
          public void onSuccess(List<Instrument> list) {
            List<Instrument> all = list == null ? List.of() : list;
            instruments.replace(all);
            out.emit(new InstrumentsLoaded(out.venue, all, out.now()));
            then.run();
          }

          @Override
          void failed(boolean retryable, String detail) {
            super.failed(true, detail);
            scheduler.schedule(
                backoff.delayNanos(attempt), () -> loadInstruments(then, attempt + 1));
          }
        });
  }

  /** Stops retries. */
  void close() {
    closed = true;
  }

  /** One complete {@code Balances} of the trade account. */
  void requestBalances() {
    rest.send(
        Endpoint.ACCOUNTS,
        Endpoint.ACCOUNTS.path + "?type=trade",
        null,
        MarketParse.BALANCES,
        new ReportingCallback<>(out, RequestKind.BALANCES, null) {
          @Override
          public void onSuccess(List<Balance> list) {
            out.emit(new Balances(out.venue, list == null ? List.of() : list, true, out.now()));
          }
        });
  }

  /** One {@code OpenOrders} for {@code instrument}, or for every symbol when null. */
  void requestOpenOrders(Instrument instrument) {
    if (instrument != null) {
      openOrders(
          instrument.nativeSymbol(),
          instrument.id(),
          list -> out.emit(new OpenOrders(out.venue, instrument.id(), list, out.now())));
      return;
    }
    rest.send(
        Endpoint.OPEN_ORDER_SYMBOLS,
        Endpoint.OPEN_ORDER_SYMBOLS.path,
        null,
        OrderParse.SYMBOLS_WITH_OPEN_ORDERS,
        new ReportingCallback<>(out, RequestKind.OPEN_ORDERS, null) {
          @Override
          public void onSuccess(List<String> symbols) {
            allOpenOrders(symbols == null ? List.of() : symbols);
          }
        });
  }

  private void allOpenOrders(List<String> symbols) {
    if (symbols.isEmpty()) {
      out.emit(new OpenOrders(out.venue, null, List.of(), out.now()));
      return;
    }
    ConcurrentLinkedQueue<OrderStatusReport> all = new ConcurrentLinkedQueue<>();
    AtomicInteger remaining = new AtomicInteger(symbols.size());
    AtomicReference<String> failure = new AtomicReference<>();
    for (String symbol : symbols) {
      Consumer<List<OrderStatusReport>> done =
          list -> {
            if (list == null) {
              failure.compareAndSet(null, symbol);
            } else {
              all.addAll(list);
            }
            if (remaining.decrementAndGet() == 0) {
              if (failure.get() != null) {
                out.requestFailed(
                    RequestKind.OPEN_ORDERS,
                    null,
                    null,
                    true,
                    "open orders of " + failure.get() + " not listed");
              } else {
                out.emit(new OpenOrders(out.venue, null, new ArrayList<>(all), out.now()));
              }
            }
          };
      openOrders(symbol, null, done);
    }
  }

  /** Lists one symbol; {@code done} gets the list, or null after a failure. */
  private void openOrders(
      String symbol, InstrumentId scope, Consumer<List<OrderStatusReport>> done) {
    rest.send(
        Endpoint.OPEN_ORDERS,
        Endpoint.OPEN_ORDERS.path + "?symbol=" + symbol,
        null,
        OrderParse.reports(out.venue, instruments, out::now),
        new ReportingCallback<>(out, RequestKind.OPEN_ORDERS, scope) {
          @Override
          public void onSuccess(List<OrderStatusReport> list) {
            done.accept(list == null ? List.of() : list);
          }

          @Override
          void failed(boolean retryable, String detail) {
            if (scope != null) {
              super.failed(retryable, detail);
            } else {
              done.accept(null);
            }
          }
        });
  }

  /**
   * Cancels all orders of one symbol ({@code DELETE /api/v1/hf/orders?symbol=}) or of every symbol
   * ({@code /api/v1/hf/orders/cancelAll}). KuCoin only accepts the request here; each canceled
   * order is reported by the private stream. Failures are a {@code RequestFailed(CANCEL_ALL)}.
   */
  void cancelAll(Instrument instrument) {
    if (instrument != null) {
      rest.send(
          Endpoint.CANCEL_SYMBOL,
          Endpoint.CANCEL_SYMBOL.path + "?symbol=" + instrument.nativeSymbol(),
          null,
          OrderParse.IGNORE,
          new ReportingCallback<>(out, RequestKind.CANCEL_ALL, instrument.id()) {
            @Override
            public void onSuccess(Object ignored) {}
          });
      return;
    }
    rest.send(
        Endpoint.CANCEL_ALL,
        Endpoint.CANCEL_ALL.path,
        null,
        OrderParse.CANCEL_ALL_FAILURES,
        new ReportingCallback<>(out, RequestKind.CANCEL_ALL, null) {
          @Override
          public void onSuccess(List<String> failed) {
            if (failed != null && !failed.isEmpty()) {
              failed(true, "not canceled: " + String.join(", ", failed));
            }
          }
        });
  }
}
