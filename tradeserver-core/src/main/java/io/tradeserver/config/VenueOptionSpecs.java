package io.tradeserver.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code options} each known provider reads, so the loader reports a bad or unknown option with
 * its path at load time instead of when the adapter is built. Mirrors the adapters' own checks
 * (which still run: they are the authority); options of providers not listed here are passed
 * through unchecked. Keep in step with the adapters' READMEs and docs/configuration.md.
 */
final class VenueOptionSpecs {
  /** How an option's value is checked. */
  record Spec(long min, long max, List<String> values, boolean bool) {
    static Spec range(long min, long max) {
      return new Spec(min, max, null, false);
    }

    static Spec oneOf(String... values) {
      return new Spec(0, 0, List.of(values), false);
    }

    static Spec flag() {
      return new Spec(0, 0, null, true);
    }

    static Spec text() {
      return new Spec(0, 0, List.of(), false);
    }

    Optional<String> problem(String value) {
      String v = value.strip();
      if (bool) {
        String t = v.toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("false")
            ? Optional.empty()
            : Optional.of("must be true or false, was " + value);
      }
      if (values != null) {
        if (values.isEmpty()) {
          return v.isEmpty() ? Optional.of("must not be empty") : Optional.empty();
        }
        return values.stream().anyMatch(x -> x.equalsIgnoreCase(v))
            ? Optional.empty()
            : Optional.of("must be one of " + values + ", was " + value);
      }
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        return Optional.of("must be an integer " + min + ".." + max + ", was " + value);
      }
      return n < min || n > max
          ? Optional.of("must be " + min + ".." + max + ", was " + n)
          : Optional.empty();
    }
  }

  /**
   * What the loader knows about a provider.
   *
   * @param options option key → rule
   * @param tierOption the option {@code accountTier} sets, or null when the venue has no tiers
   * @param passphrase whether credentials need a passphrase ({@code true}) or must not have one
   * @param webSocketOrders whether the adapter takes {@code orderEntry = WEBSOCKET}
   */
  record Provider(
      Map<String, Spec> options, String tierOption, boolean passphrase, boolean webSocketOrders) {}

  static final Map<String, Provider> PROVIDERS = providers();

  private VenueOptionSpecs() {}

  private static Map<String, Provider> providers() {
    Map<String, Provider> m = new LinkedHashMap<>();
    Map<String, Spec> sim = new LinkedHashMap<>();
    sim.put("seed", Spec.range(Long.MIN_VALUE, Long.MAX_VALUE));
    sim.put("marketSeed", Spec.range(Long.MIN_VALUE, Long.MAX_VALUE));
    sim.put("priceOffsetBps", Spec.range(-1000, 1000));
    sim.put("latencyMillis", Spec.range(0, 60_000));
    sim.put("marketStepMillis", Spec.range(1, 60_000));
    sim.put("rejectPpm", Spec.range(0, 1_000_000));
    sim.put("timeoutPpm", Spec.range(0, 1_000_000));
    sim.put("disconnectPpm", Spec.range(0, 1_000_000));
    m.put("sim", new Provider(sim, null, false, false));

    Map<String, Spec> binance = new LinkedHashMap<>();
    binance.put("keyType", Spec.oneOf("HMAC", "ED25519"));
    binance.put("recvWindow", Spec.range(1, 60_000));
    binance.put("newOrderRespType", Spec.oneOf("ACK", "RESULT", "FULL"));
    binance.put("timeSyncIntervalSeconds", Spec.range(0, 86_400));
    binance.put("maxInFlightOrders", Spec.range(1, 4096));
    binance.put("depthSnapshotLimit", Spec.range(1, 5000));
    binance.put("depthUpdateSpeed", Spec.oneOf("100ms", "1000ms"));
    binance.put("bookTickerForTopOfBook", Spec.flag());
    binance.put("wsMaxLifetimeMinutes", Spec.range(2, 1440));
    binance.put("wsRotationLeadSeconds", Spec.range(1, 3600));
    binance.put("wsPingIntervalSeconds", Spec.range(0, 600));
    m.put("binance", new Provider(binance, null, false, true));

    Map<String, Spec> kucoin = new LinkedHashMap<>();
    kucoin.put("apiKeyVersion", Spec.range(2, 3));
    kucoin.put("vipLevel", Spec.range(0, 12));
    kucoin.put("maxInFlightOrders", Spec.range(1, 4096));
    kucoin.put("timeSyncIntervalSeconds", Spec.range(10, 86_400));
    kucoin.put("wsIdleTimeoutSeconds", Spec.range(5, 600));
    kucoin.put("bookSnapshot", Spec.oneOf("full", "top100"));
    kucoin.put("feeRefreshIntervalSeconds", Spec.range(60, 86_400));
    m.put("kucoin", new Provider(kucoin, "vipLevel", true, false));

    Map<String, Spec> kraken = new LinkedHashMap<>();
    kraken.put("tier", Spec.oneOf("starter", "intermediate", "pro"));
    kraken.put("privateConcurrency", Spec.range(1, 64));
    kraken.put("nonceWindow", Spec.flag());
    kraken.put("nonceFile", Spec.text());
    kraken.put("maxRequests", Spec.range(1, 1024));
    kraken.put("pingIntervalSeconds", Spec.range(1, 3600));
    kraken.put("idleTimeoutSeconds", Spec.range(1, 3600));
    m.put("kraken", new Provider(kraken, "tier", false, true));
    return Map.copyOf(m);
  }

  /** Option keys of a known provider, or an empty set. */
  static Set<String> keys(String provider) {
    Provider p = PROVIDERS.get(provider);
    return p == null ? Set.of() : p.options().keySet();
  }

  /** Checks {@code options} of a known provider, reporting each problem under {@code path}. */
  static void check(String provider, Map<String, String> options, String path, LoadContext ctx) {
    Provider p = PROVIDERS.get(provider);
    if (p == null) {
      return;
    }
    options.forEach(
        (k, v) -> {
          Spec s = p.options().get(k);
          if (s == null) {
            String hint = Suggest.closest(k, p.options().keySet());
            ctx.problem(
                path + "." + k,
                "unknown "
                    + provider
                    + " option"
                    + (hint == null ? "" : " (did you mean " + hint + "?)")
                    + "; known: "
                    + new TreeSet<>(p.options().keySet()));
          } else {
            s.problem(v).ifPresent(msg -> ctx.problem(path + "." + k, msg));
          }
        });
  }
}
