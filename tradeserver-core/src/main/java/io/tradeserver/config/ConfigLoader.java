package io.tradeserver.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.engine.EngineConfig;
import io.tradeserver.risk.RiskConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads and validates the configuration file (docs/configuration.md). The whole file is checked and
 * every problem is reported at once, each with its JSON path; unknown fields are errors; a file
 * with any problem is refused whole ({@link ConfigException}). Environment variables {@code
 * TRADESERVER_<PATH>} override fields and are validated like the file. Secret references are
 * checked for form and for a resolver of their scheme, but not resolved (that happens in {@link
 * TradeServerConfig#apply}). Immutable and thread-safe.
 */
public final class ConfigLoader {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final Map<String, String> env;
  private final SecretResolvers resolvers;

  private ConfigLoader(Map<String, String> env, SecretResolvers resolvers) {
    this.env = Map.copyOf(env);
    this.resolvers = resolvers;
  }

  /** A loader with the process environment's overrides and the classpath's secret resolvers. */
  public static ConfigLoader standard() {
    return new ConfigLoader(System.getenv(), SecretResolvers.load());
  }

  /** A loader with these environment variables (only {@code TRADESERVER_*} ones are used). */
  public static ConfigLoader withEnvironment(Map<String, String> env) {
    return new ConfigLoader(Objects.requireNonNull(env, "env"), SecretResolvers.load());
  }

  /** This loader, checking secret schemes against {@code r} instead of the classpath's. */
  public ConfigLoader withResolvers(SecretResolvers r) {
    return new ConfigLoader(env, Objects.requireNonNull(r, "resolvers"));
  }

  /**
   * Loads {@code file} with the process environment's overrides.
   *
   * @throws ConfigException listing every problem
   */
  public static TradeServerConfig load(Path file) {
    return standard().read(file);
  }

  /**
   * The defaults with the environment's overrides only (no file), e.g. for a container whose whole
   * configuration is in variables.
   *
   * @throws ConfigException listing every problem
   */
  public static TradeServerConfig fromEnvironment(Map<String, String> env) {
    return withEnvironment(env).parse("{}", "environment");
  }

  /**
   * Reads and validates a file.
   *
   * @throws ConfigException listing every problem (an unreadable file is one problem)
   */
  public TradeServerConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of(new ConfigProblem("", "no such file")));
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), List.of(new ConfigProblem("", "cannot read: " + e.getMessage())));
    }
    return parse(text, file.toString());
  }

  /**
   * Validates JSON text.
   *
   * @param source names the text in the exception message (a file name)
   * @throws ConfigException listing every problem
   */
  public TradeServerConfig parse(String json, String source) {
    Loaded l = load(json, source);
    if (!l.problems().isEmpty()) {
      throw new ConfigException(source, l.problems());
    }
    return l.config();
  }

  /** A load's outcome: the config (null when there are problems), problems, settings read. */
  record Loaded(TradeServerConfig config, List<ConfigProblem> problems, Set<String> schema) {}

  Loaded load(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return new Loaded(null, List.of(syntaxProblem(e)), Set.of());
    }
    if (root == null || !root.isObject()) {
      return new Loaded(null, List.of(new ConfigProblem("", "must be a JSON object")), Set.of());
    }
    LoadContext ctx = new LoadContext(new EnvOverrides(env), resolvers);
    Section top = new Section(ctx, (ObjectNode) root, "", "");
    TradeServerConfig config = read(top, ctx);
    ctx.finish();
    List<ConfigProblem> problems = new ArrayList<>(ctx.problems());
    return new Loaded(
        problems.isEmpty() ? config : null, problems, new LinkedHashSet<>(ctx.schemaPaths()));
  }

  private static TradeServerConfig read(Section top, LoadContext ctx) {
    List<VenueSettings> venues = new ArrayList<>();
    Map<String, Section> entries = top.entries("venues", "<venue>");
    for (Map.Entry<String, Section> e : entries.entrySet()) {
      VenueSettings v = VenueReader.read(e.getKey(), e.getValue(), ctx);
      if (v != null) {
        venues.add(v);
      }
    }
    Set<String> ids = entries.keySet();
    EngineConfig engine = SettingsReader.engine(top.object("engine"), ctx);
    RiskConfig risk = RiskReader.read(top.object("risk"), ids, ctx);
    NatsSettings nats = SettingsReader.nats(top.object("nats"), ctx);
    MetricsSettings metrics = SettingsReader.metrics(top.object("metrics"), ctx);
    RoutingSettings routing = SettingsReader.routing(top.object("routing"), ids, ctx);
    ArbitrageSettings arbitrage = SettingsReader.arbitrage(top.object("arbitrage"), ids, ctx);
    DemoSettings demo = SettingsReader.demo(top.object("demo"), ctx);
    Map<String, Map<String, String>> secrets = SettingsReader.secrets(top.object("secrets"), ctx);
    return new TradeServerConfig(
        engine, risk, venues, nats, metrics, routing, arbitrage, demo, secrets);
  }

  private static ConfigProblem syntaxProblem(JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    // Jackson quotes offending tokens; a token may be part of a pasted key, so keep only names of
    // duplicate fields.
    if (!msg.startsWith("Duplicate field")) {
      msg = msg.replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"");
    }
    var loc = e.getLocation();
    String where =
        loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    return new ConfigProblem("", "not valid JSON" + where + ": " + firstLine(msg));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
