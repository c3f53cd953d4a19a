package io.tradeserver.spi;

/**
 * Implemented by clients that do their work on the engine thread instead of their own threads (the
 * simulated venue). The engine calls {@link #doWork(long)} every duty cycle; events emitted from it
 * are applied in the same cycle. Deterministic under a test clock.
 */
@FunctionalInterface
public interface EngineDriven {
  /**
   * Does due work.
   *
   * @param nowNanos the engine clock
   * @return the amount of work done (0 when idle), for the idle strategy
   */
  int doWork(long nowNanos);
}
