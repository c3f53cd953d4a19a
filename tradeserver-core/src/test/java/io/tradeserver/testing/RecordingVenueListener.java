package io.tradeserver.testing;

import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.VenueListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Records every {@link VenueEvent} an adapter emits, in order, and lets a test wait (with a
 * deadline, never a sleep) until a matching event arrives. Thread-safe.
 */
public final class RecordingVenueListener implements VenueListener {
  private final List<VenueEvent> events = new ArrayList<>();
  private Runnable pump = () -> {};

  /** Sets work to run while waiting (a host-driven venue's duty cycle); default none. */
  public synchronized void pump(Runnable pump) {
    this.pump = pump;
  }

  @Override
  public synchronized void onEvent(VenueEvent event) {
    events.add(event);
    notifyAll();
  }

  /** A copy of everything recorded so far. */
  public synchronized List<VenueEvent> events() {
    return new ArrayList<>(events);
  }

  /** Recorded events of one type, in order. */
  public synchronized <T extends VenueEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  public synchronized void clear() {
    events.clear();
  }

  /** Waits up to 5 s for the first event of {@code type} matching {@code match}. */
  public <T extends VenueEvent> T await(Class<T> type, Predicate<? super T> match) {
    return await(type, match, Duration.ofSeconds(5));
  }

  /** Waits up to 5 s for the first event of {@code type}. */
  public <T extends VenueEvent> T await(Class<T> type) {
    return await(type, e -> true);
  }

  /**
   * Waits until an event of {@code type} matching {@code match} has been recorded.
   *
   * @throws AssertionError listing what was recorded when the deadline passes
   */
  public <T extends VenueEvent> T await(
      Class<T> type, Predicate<? super T> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Runnable p;
      synchronized (this) {
        for (VenueEvent e : events) {
          if (type.isInstance(e) && match.test(type.cast(e))) {
            return type.cast(e);
          }
        }
        p = pump;
      }
      p.run();
      synchronized (this) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no "
                  + type.getSimpleName()
                  + " matching within "
                  + timeout
                  + "; recorded: "
                  + events);
        }
        try {
          wait(Math.max(1, Math.min(left / 1_000_000, 20)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }
}
