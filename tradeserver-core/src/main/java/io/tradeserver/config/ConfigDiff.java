package io.tradeserver.config;

import io.tradeserver.risk.RiskConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a new configuration changes while running: the risk configuration (swapped whole), venue
 * switches, and changes that only take effect after a restart.
 *
 * @param risk the new risk configuration, or null when unchanged
 * @param venueSwitches venue → enabled, for running venues whose switch changed
 * @param restartRequired paths of changes that are not applied while running
 */
record ConfigDiff(
    RiskConfig risk, Map<String, Boolean> venueSwitches, List<String> restartRequired) {

  boolean isEmpty() {
    return risk == null && venueSwitches.isEmpty() && restartRequired.isEmpty();
  }

  /**
   * @param running venues the TradeServer was built with (only those can be switched)
   */
  static ConfigDiff between(TradeServerConfig old, TradeServerConfig next, Set<String> running) {
    List<String> restart = new ArrayList<>();
    RiskConfig risk = null;
    if (!old.risk().equals(next.risk())) {
      risk = next.risk();
      if (old.risk().flattenOnKill() != next.risk().flattenOnKill()) {
        restart.add("risk.flattenOnKill");
      }
    }
    section("engine", old.engine(), next.engine(), restart);
    section("nats", old.nats(), next.nats(), restart);
    section("metrics", old.metrics(), next.metrics(), restart);
    section("routing", old.routing(), next.routing(), restart);
    section("arbitrage", old.arbitrage(), next.arbitrage(), restart);
    section("demo", old.demo(), next.demo(), restart);
    section("secrets", old.secrets(), next.secrets(), restart);
    Map<String, Boolean> switches = new LinkedHashMap<>();
    for (VenueSettings v : next.venues()) {
      VenueSettings was = old.venue(v.venue());
      String path = "venues." + v.venue();
      if (was == null) {
        restart.add(path + " (added)");
        continue;
      }
      if (!sameApartFromSwitch(was, v)) {
        restart.add(path + " (settings other than enabled)");
      }
      if (was.enabled() != v.enabled()) {
        if (running.contains(v.venue())) {
          switches.put(v.venue(), v.enabled());
        } else {
          restart.add(path + ".enabled (the venue was not started)");
        }
      }
    }
    for (VenueSettings v : old.venues()) {
      if (next.venue(v.venue()) == null) {
        restart.add("venues." + v.venue() + " (removed)");
        if (v.enabled() && running.contains(v.venue())) {
          switches.put(v.venue(), false);
        }
      }
    }
    return new ConfigDiff(risk, switches, List.copyOf(restart));
  }

  private static boolean sameApartFromSwitch(VenueSettings a, VenueSettings b) {
    return a.config().toBuilder()
            .enabled(true)
            .build()
            .equals(b.config().toBuilder().enabled(true).build())
        && Objects.equals(a.credentials(), b.credentials())
        && a.paper().equals(b.paper());
  }

  private static void section(String name, Object a, Object b, List<String> out) {
    if (!a.equals(b)) {
      out.add(name);
    }
  }
}
