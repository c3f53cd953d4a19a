package io.tradeserver.bench.load;

/**
 * One way of placing orders against the venue: TradeServer's adapter, the engine in front of it,
 * the raw socket baseline or a peer library. The load runner keeps a fixed number of orders in
 * flight and measures each from {@link #place} to {@link Completion#done}.
 */
public interface LoadClient extends AutoCloseable {
  /** Called once per order, on any thread. */
  @FunctionalInterface
  interface Completion {
    /**
     * @param seq the order's number as given to {@link #place}
     * @param error null when the venue accepted the order, else a short reason
     */
    void done(long seq, String error);
  }

  /** Name in the report, e.g. {@code tradeserver-adapter}, {@code raw-socket}, {@code xchange}. */
  String name();

  /** Connects and loads what placing orders needs (instruments, balances); blocks until ready. */
  void start() throws Exception;

  /**
   * True when {@link #place} blocks until the answer (the runner then gives each in-flight slot its
   * own thread); false when it returns at once and completes on another thread.
   */
  boolean blocking();

  /**
   * Places order {@code seq}. {@code slot} is the caller's in-flight slot (0..concurrency-1) for
   * blocking clients, -1 for asynchronous ones. Must call {@code done} exactly once.
   */
  void place(long seq, int slot, Completion done);

  /** Ids of threads whose CPU and allocation belong to the venue, not the client (none). */
  default long[] venueThreadIds() {
    return new long[0];
  }

  @Override
  void close();
}
