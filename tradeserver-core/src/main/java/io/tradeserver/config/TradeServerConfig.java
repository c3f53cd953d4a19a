package io.tradeserver.config;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.TradeServerBuilder;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.Secret;
import io.tradeserver.spi.VenueConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole configuration file (DESIGN §8), loaded and validated by {@link ConfigLoader}.
 * Immutable. Holds secret references only, never secret values, so {@link #toString()} is safe to
 * log.
 *
 * <pre>{@code
 * TradeServerConfig config = ConfigLoader.load(Path.of("config/sample.json"));
 * try (TradeServer ts = config.apply(TradeServer.builder()).listener(myListener).build()) {
 *   ts.start();
 *   ConfigWatcher watcher = ConfigWatcher.start(path, config, ts, scheduler, reloadListener);
 *   ...
 * }
 * }</pre>
 *
 * @param engine engine and order-manager settings
 * @param risk limits, totals, strategy rates, breakers
 * @param venues venues in file order
 * @param nats NATS bridge settings
 * @param metrics meters and Prometheus exposure
 * @param routing best-venue routing
 * @param arbitrage cross-venue opportunity detection
 * @param demo the demo's signal generator
 * @param secrets settings per secret scheme ({@code secrets.aws.region}); no secrets themselves
 */
public record TradeServerConfig(
    EngineConfig engine,
    RiskConfig risk,
    List<VenueSettings> venues,
    NatsSettings nats,
    MetricsSettings metrics,
    RoutingSettings routing,
    ArbitrageSettings arbitrage,
    DemoSettings demo,
    Map<String, Map<String, String>> secrets) {

  private static final Logger log = LoggerFactory.getLogger(TradeServerConfig.class);

  public TradeServerConfig {
    engine = Objects.requireNonNullElse(engine, EngineConfig.defaults());
    risk = Objects.requireNonNullElse(risk, RiskConfig.defaults());
    venues = List.copyOf(venues == null ? List.of() : venues);
    nats = Objects.requireNonNullElse(nats, NatsSettings.defaults());
    metrics = Objects.requireNonNullElse(metrics, MetricsSettings.defaults());
    routing = Objects.requireNonNullElse(routing, RoutingSettings.defaults());
    arbitrage = Objects.requireNonNullElse(arbitrage, ArbitrageSettings.defaults());
    demo = Objects.requireNonNullElse(demo, DemoSettings.defaults());
    Map<String, Map<String, String>> s = new LinkedHashMap<>();
    (secrets == null ? Map.<String, Map<String, String>>of() : secrets)
        .forEach((k, v) -> s.put(k, Map.copyOf(v)));
    secrets = Map.copyOf(s);
    List<String> ids = new ArrayList<>();
    for (VenueSettings v : venues) {
      if (ids.contains(v.venue())) {
        throw new IllegalArgumentException("duplicate venue " + v.venue());
      }
      ids.add(v.venue());
    }
  }

  /** Every default and no venues. */
  public static TradeServerConfig defaults() {
    return new TradeServerConfig(null, null, null, null, null, null, null, null, null);
  }

  /** The venue with this id, or null. */
  public VenueSettings venue(String id) {
    for (VenueSettings v : venues) {
      if (v.venue().equals(id)) {
        return v;
      }
    }
    return null;
  }

  /** The secret resolvers on the classpath, configured with this file's {@code secrets}. */
  public SecretResolvers secretResolvers() {
    return SecretResolvers.load(secrets);
  }

  /** {@link #apply(TradeServerBuilder, SecretResolvers)} with {@link #secretResolvers()}. */
  public TradeServerBuilder apply(TradeServerBuilder builder) {
    return apply(builder, secretResolvers());
  }

  /**
   * Sets the engine, risk, routing, arbitrage and venue settings on {@code builder}, credentials
   * resolved (metrics need a registry, which the host chooses: see {@code metrics}). Blocking
   * (secrets may be fetched): call it at start-up, not on the engine thread.
   *
   * @throws ConfigException listing every credential that could not be resolved (by reference,
   *     never by value)
   */
  public TradeServerBuilder apply(TradeServerBuilder builder, SecretResolvers resolvers) {
    List<VenueConfig> resolved = resolveVenues(resolvers);
    builder.engineConfig(engine).risk(risk).routing(routing);
    builder.arbitrage(io.tradeserver.engine.ArbitrageConfig.from(arbitrage));
    resolved.forEach(builder::venue);
    return builder;
  }

  /**
   * Every venue's {@link VenueConfig} with credentials resolved; disabled venues are returned
   * without credentials (nothing is fetched for them).
   *
   * @throws ConfigException listing every credential that could not be resolved
   */
  public List<VenueConfig> resolveVenues(SecretResolvers resolvers) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<VenueConfig> out = new ArrayList<>();
    for (VenueSettings v : venues) {
      if (!v.enabled() || v.credentials() == null) {
        out.add(v.config());
        continue;
      }
      String base = "venues." + v.venue() + ".credentials.";
      CredentialRefs refs = v.credentials();
      Secret key = resolve(resolvers, refs.apiKey(), base + "apiKey", problems);
      Secret secret = resolve(resolvers, refs.secret(), base + "secret", problems);
      Secret pass =
          refs.passphrase() == null
              ? null
              : resolve(resolvers, refs.passphrase(), base + "passphrase", problems);
      if (key != null && secret != null && (refs.passphrase() == null || pass != null)) {
        log.debug("venue {}: credentials resolved from {}", v.venue(), refs);
        out.add(
            v.config().toBuilder()
                .credentials(new Credentials(key.reveal(), secret, pass))
                .build());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("credentials", problems);
    }
    return out;
  }

  private static Secret resolve(
      SecretResolvers resolvers, SecretRef ref, String path, List<ConfigProblem> problems) {
    try {
      return resolvers.resolve(ref);
    } catch (SecretException e) {
      problems.add(new ConfigProblem(path, e.getMessage()));
      return null;
    }
  }
}
