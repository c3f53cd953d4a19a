package io.tradeserver.engine;

/** The answer to offering a signal to the engine: back-pressure is a status, never an exception. */
public enum OfferResult {
  /** Queued; the engine will decide on it. */
  ACCEPTED,
  /** The inbox is full: slow down and offer again (nothing was queued). */
  BACK_PRESSURED,
  /** The engine is closed. */
  CLOSED
}
