package io.tradeserver.engine;

import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds signals (in the inbox) until every venue has listed its instruments, at most {@link #WAIT}
 * after the engine's first step: a signal arriving during start-up is traded, not refused as an
 * unknown symbol. Once open it stays open. Engine thread only.
 */
final class StartupGate {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(StartupGate.class);

  private final Collection<VenueState> venues;
  private final Clock clock;
  private long firstNanos = Long.MIN_VALUE;
  private boolean open;

  StartupGate(Collection<VenueState> venues, Clock clock) {
    this.venues = venues;
    this.clock = clock;
  }

  /** True once every venue has listed its instruments, or the wait is over. */
  boolean open() {
    if (open) {
      return true;
    }
    long now = clock.nanos();
    if (firstNanos == Long.MIN_VALUE) {
      firstNanos = now;
    }
    boolean all = true;
    for (VenueState v : venues) {
      all &= !v.instruments.isEmpty();
    }
    if (all || now - firstNanos >= WAIT.toNanos()) {
      open = true;
      if (!all) {
        log.warn("trading signals although not every venue listed its instruments within {}", WAIT);
      }
    }
    return open;
  }
}
