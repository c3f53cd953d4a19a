package io.tradeserver.paper;

import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.model.RejectCode;
import java.util.SplittableRandom;

/**
 * The faults the simulated venue injects: one-shot ones a test sets through {@link SimControl}
 * (refuse or lose the answer to the next submit, answer the next query with a given state, freeze
 * the books) and random ones at the configured rates (rejections, timeouts, private-stream drops),
 * drawn from a generator seeded by the configuration so that a run repeats. Engine thread only.
 */
final class SimFaults {
  private final SimConfig config;
  private final SplittableRandom random;
  private RejectCode rejectNext;
  private boolean loseNextAnswer;
  private OrderStatusReport nextQuery;
  private boolean booksFrozen;

  SimFaults(SimConfig config) {
    this.config = config;
    this.random = new SplittableRandom(config.seed() * 31 + 7);
  }

  void rejectNext(RejectCode code) {
    rejectNext = code;
  }

  void loseNextAnswer() {
    loseNextAnswer = true;
  }

  void answerNextQuery(OrderStatusReport report) {
    nextQuery = report;
  }

  void freezeBooks(boolean frozen) {
    booksFrozen = frozen;
  }

  boolean booksFrozen() {
    return booksFrozen;
  }

  /**
   * The code to refuse this submit with, or null to admit it: a pending one-shot rejection (used
   * up) or, at {@code rejectPpm}, a random one.
   */
  RejectCode rejection() {
    if (rejectNext != null || roll(config.rejectPpm())) {
      RejectCode code = rejectNext != null ? rejectNext : RejectCode.VENUE_REJECTED;
      rejectNext = null;
      return code;
    }
    return null;
  }

  /**
   * True when this submit's answer is to be lost: a pending one-shot loss or {@code timeoutPpm}.
   */
  boolean loseAnswer() {
    boolean lose = loseNextAnswer || roll(config.timeoutPpm());
    loseNextAnswer = false;
    return lose;
  }

  /** True when this submit also drops the private stream ({@code disconnectPpm}). */
  boolean dropPrivateStream() {
    return roll(config.disconnectPpm());
  }

  /** The scripted answer to this query (used up), or null to answer from the venue's own state. */
  OrderStatusReport takeQueryAnswer() {
    OrderStatusReport r = nextQuery;
    nextQuery = null;
    return r;
  }

  private boolean roll(int ppm) {
    return ppm > 0 && random.nextInt(1_000_000) < ppm;
  }
}
