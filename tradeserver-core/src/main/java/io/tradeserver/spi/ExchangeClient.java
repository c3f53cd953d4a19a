package io.tradeserver.spi;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import java.time.Duration;
import java.util.Set;

/**
 * One venue connection: commands in, {@link io.tradeserver.event.VenueEvent}s out through the
 * context's {@link VenueListener}. Every command is non-blocking and thread-safe: it starts the
 * work and returns; outcomes, including failures, arrive as events. A command whose {@link
 * Capability} is absent throws {@link UnsupportedOperationException}.
 *
 * <p>Contract every implementation honours (checked by the contract test):
 *
 * <ul>
 *   <li>An order is sent once. After an ambiguous failure the adapter emits {@code SubmitUnknown}
 *       and never re-sends; the engine resolves it with {@link #queryOrder}.
 *   <li>A definitive venue refusal is an {@code OrderRejected} with a {@link
 *       io.tradeserver.model.RejectCode} and the venue's own code.
 *   <li>Fills carry the venue trade id; duplicates are allowed (the engine dedupes) but a fill is
 *       never dropped.
 * </ul>
 */
public interface ExchangeClient extends AutoCloseable {

  /** The venue instance id ({@code binance}, {@code sim-a}), as in the context. */
  String venue();

  /** What this client supports. Stable for the client's lifetime. */
  Set<Capability> capabilities();

  /**
   * Connects: loads instruments ({@code InstrumentsLoaded}), opens the private stream if any, and
   * reports balances and open orders. Returns at once.
   */
  void start();

  /** Sends a new order. Outcome: accepted/rejected/unknown, then fills, as events. */
  void submit(OrderRequest order);

  /**
   * Requests a cancel. Outcome: {@code OrderCanceled} or {@code CancelRejected}; an ambiguous
   * failure is a retryable {@code RequestFailed}.
   *
   * @param exchangeOrderId the venue's id when known, else null (the client order id is used)
   */
  void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId);

  /** Cancels every open order on {@code instrument}, or on every instrument when null. */
  void cancelAll(Instrument instrument);

  /**
   * Looks an order up by client order id: {@code OrderStatusReport} (and its fills) or {@code
   * OrderNotFound}.
   */
  void queryOrder(Instrument instrument, String clientOrderId);

  /** Lists open orders on {@code instrument} (or all when null) as one {@code OpenOrders}. */
  void requestOpenOrders(Instrument instrument);

  /** Reports balances as one complete {@code Balances}. */
  void requestBalances();

  /**
   * Maintains a local book for {@code instrument} and publishes {@code BookUpdate}s of {@code
   * depth} levels.
   */
  void subscribeBook(Instrument instrument, int depth);

  /**
   * Answers with one {@code Ticker} for {@code instrument} (failures: {@code RequestFailed}). Only
   * with {@link Capability#TICKER}.
   */
  default void requestTicker(Instrument instrument) {
    throw new UnsupportedOperationException(venue() + " has no ticker request");
  }

  /**
   * Answers with one {@code BookUpdate} holding a REST snapshot of the top {@code depth} levels,
   * independent of any subscription (failures: {@code RequestFailed(BOOK_SNAPSHOT)}). Only with
   * {@link Capability#BOOK_SNAPSHOT}.
   *
   * @throws IllegalArgumentException when {@code depth < 1}, before anything is sent
   */
  default void requestBook(Instrument instrument, int depth) {
    throw new UnsupportedOperationException(venue() + " has no book snapshot request");
  }

  /** Publishes public trades on {@code instrument} as {@code TradeTick}s. */
  default void subscribeTrades(Instrument instrument) {
    throw new UnsupportedOperationException(venue() + " has no trade stream");
  }

  /** Changes an open order's price or quantity. Only with {@link Capability#AMEND_ORDER}. */
  default void amend(Instrument instrument, String clientOrderId, OrderRequest replacement) {
    throw new UnsupportedOperationException(venue() + " does not amend orders");
  }

  /**
   * Arms (or re-arms) a venue-side timer that cancels all orders unless re-armed within {@code
   * timeout}; {@link Duration#ZERO} disarms. Only with {@link Capability#DEAD_MAN_SWITCH}.
   */
  default void armDeadManSwitch(Duration timeout) {
    throw new UnsupportedOperationException(venue() + " has no dead-man switch");
  }

  /** Closes connections and stops timers. Idempotent. */
  @Override
  void close();
}
