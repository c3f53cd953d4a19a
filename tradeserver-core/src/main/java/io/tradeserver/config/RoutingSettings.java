package io.tradeserver.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code routing} section: how a signal without {@code exchange} (or with {@code "best"}) finds
 * its venue (read by the routing feature).
 *
 * @param enabled whether signals without a venue are routed; when false they are rejected
 * @param venues candidate venues in preference order for ties; empty means every enabled venue
 * @param includeFees compare prices net of each venue's taker fee
 * @param maxBookAge a venue whose book is older than this is not a candidate
 * @param alternatives how many runner-up venues are recorded with the decision
 */
public record RoutingSettings(
    boolean enabled,
    List<String> venues,
    boolean includeFees,
    Duration maxBookAge,
    int alternatives) {

  public RoutingSettings {
    List<String> p = new ArrayList<>();
    if (maxBookAge == null || maxBookAge.isNegative() || maxBookAge.isZero()) {
      p.add("maxBookAge must be > 0, was " + maxBookAge);
    }
    if (alternatives < 0 || alternatives > 16) {
      p.add("alternatives must be 0..16, was " + alternatives);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid routing: " + String.join("; ", p));
    }
    venues = List.copyOf(venues == null ? List.of() : venues);
  }

  /** Enabled over every venue, fees included, books up to 5 s old, 3 alternatives recorded. */
  public static RoutingSettings defaults() {
    return new RoutingSettings(true, List.of(), true, Duration.ofSeconds(5), 3);
  }
}
