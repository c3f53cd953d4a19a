package io.tradeserver.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Environment-variable overrides: {@code TRADESERVER_} followed by the JSON path, upper case, with
 * any separators ({@code venues.binance.enabled} is {@code TRADESERVER_VENUES_BINANCE_ENABLED};
 * {@code risk.global.maxOrderNotional} is {@code TRADESERVER_RISK_GLOBAL_MAXORDERNOTIONAL} or
 * {@code TRADESERVER_RISK_GLOBAL_MAX_ORDER_NOTIONAL}). Names are compared with every character but
 * letters and digits removed. Only variables whose first word is a section name are overrides; an
 * override that matches no setting is a configuration error. Not thread-safe: one per load.
 */
final class EnvOverrides {
  static final String PREFIX = "TRADESERVER_";
  static final Set<String> SECTIONS =
      Set.of(
          "ENGINE", "RISK", "VENUES", "NATS", "METRICS", "ROUTING", "ARBITRAGE", "DEMO", "SECRETS");

  /** normalized key -> variable name. */
  private final Map<String, String> names = new LinkedHashMap<>();

  private final Map<String, String> values = new LinkedHashMap<>();

  /** path -> variable name, for every override used. */
  private final Map<String, String> used = new LinkedHashMap<>();

  EnvOverrides(Map<String, String> env) {
    env.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              if (isOverride(name)) {
                String key = normalize(name.substring(PREFIX.length()));
                names.put(key, name);
                values.put(key, env.get(name));
              }
            });
  }

  static EnvOverrides none() {
    return new EnvOverrides(Map.of());
  }

  private static boolean isOverride(String name) {
    if (!name.startsWith(PREFIX)) {
      return false;
    }
    String rest = name.substring(PREFIX.length());
    int end = rest.indexOf('_');
    return SECTIONS.contains(end < 0 ? rest : rest.substring(0, end));
  }

  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString();
  }

  /** The override for {@code path}, or null; marks it used. */
  String take(String path) {
    String key = normalize(path);
    String v = values.get(key);
    if (v != null) {
      used.put(path, names.get(key));
    }
    return v;
  }

  /** The variable that set {@code path}, or null. */
  String source(String path) {
    return used.get(path);
  }

  /** Override variables that matched no setting, in name order. */
  List<String> unused() {
    Set<String> usedNames = Set.copyOf(used.values());
    return names.values().stream().filter(n -> !usedNames.contains(n)).toList();
  }

  /** The environment variable name documented for a path. */
  static String nameFor(String path) {
    return PREFIX + path.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }
}
