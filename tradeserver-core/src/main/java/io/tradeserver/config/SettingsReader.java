package io.tradeserver.config;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.order.OrderManagerConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the smaller sections: engine, nats, metrics, routing, arbitrage, demo, secrets. */
final class SettingsReader {
  private static final Duration MS = Duration.ofMillis(1);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  private SettingsReader() {}

  static EngineConfig engine(Section s, LoadContext ctx) {
    EngineConfig d = EngineConfig.defaults();
    int signals = s.integer("signalInboxCapacity", d.signalInboxCapacity(), 2, 1 << 30);
    int venue = s.integer("venueInboxCapacity", d.venueInboxCapacity(), 2, 1 << 30);
    int node = s.integer("node", d.node(), 0, 61);
    OrderManagerConfig orders = orders(s.object("orders"), ctx);
    Duration dedupWindow = s.duration("signalDedupWindow", d.signalDedupWindow(), MS, WEEK);
    int dedupMax = s.integer("signalDedupMax", d.signalDedupMax(), 1, 100_000_000);
    Duration timer = s.duration("timerInterval", d.timerInterval(), Duration.ofNanos(1000), SEC);
    Duration status = s.duration("statusInterval", d.statusInterval(), MS, Duration.ofMinutes(1));
    int depth = s.integer("bookDepth", d.bookDepth(), 1, 5000);
    try {
      return new EngineConfig(
          signals, venue, node, orders, dedupWindow, dedupMax, timer, status, depth);
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return d;
    }
  }

  private static final Duration SEC = Duration.ofSeconds(1);

  private static OrderManagerConfig orders(Section s, LoadContext ctx) {
    OrderManagerConfig d = OrderManagerConfig.defaults();
    Duration hour = Duration.ofHours(1);
    try {
      return new OrderManagerConfig(
          s.duration("ackTimeout", d.ackTimeout(), MS, hour),
          s.duration("cancelTimeout", d.cancelTimeout(), MS, hour),
          s.duration("queryInterval", d.queryInterval(), MS, hour),
          s.integer("notFoundQueries", d.notFoundQueries(), 1, 1000),
          s.duration("reconcileGrace", d.reconcileGrace(), MS, hour),
          s.duration("retention", d.retention(), Duration.ZERO, WEEK),
          s.integer("maxRetained", d.maxRetained(), 0, 100_000_000),
          s.integer("tradeIdWindow", d.tradeIdWindow(), 1, 100_000_000));
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return d;
    }
  }

  static NatsSettings nats(Section s, LoadContext ctx) {
    NatsSettings d = NatsSettings.defaults();
    boolean enabled = s.bool("enabled", d.enabled());
    String url = s.string("url", d.url());
    for (String u : url.split(",")) {
      String t = u.strip();
      if (!(t.startsWith("nats://")
          || t.startsWith("tls://")
          || t.startsWith("ws://")
          || t.startsWith("wss://"))) {
        s.problem("url", "each URL must start with nats://, tls://, ws:// or wss://, was " + t);
        url = d.url();
        break;
      }
    }
    String prefix = s.string("prefix", d.prefix());
    if (!prefix.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
      s.problem("prefix", "must be dot-separated tokens of [A-Za-z0-9_-], was " + prefix);
      prefix = d.prefix();
    }
    String group = nonBlank(s, "queueGroup", d.queueGroup());
    boolean jetStream = s.bool("jetStream", d.jetStream());
    String signalStream = nonBlank(s, "signalStream", d.signalStream());
    String eventStream = nonBlank(s, "eventStream", d.eventStream());
    String durable = nonBlank(s, "durable", d.durable());
    Duration dup = s.duration("duplicateWindow", d.duplicateWindow(), SEC, WEEK);
    Duration ackWait = s.duration("ackWait", d.ackWait(), SEC, DAY);
    int maxAck = s.integer("maxAckPending", d.maxAckPending(), 1, 10_000_000);
    Duration idWindow = s.duration("signalIdWindow", d.signalIdWindow(), SEC, WEEK);
    SecretRef creds = VenueReader.ref(s, "credentialsFile", ctx);
    try {
      return new NatsSettings(
          enabled,
          url,
          prefix,
          group,
          jetStream,
          signalStream,
          eventStream,
          durable,
          dup,
          ackWait,
          maxAck,
          idWindow,
          creds == null ? null : creds.toString());
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return d;
    }
  }

  private static String nonBlank(Section s, String name, String def) {
    String v = s.string(name, def);
    if (v.isBlank()) {
      s.problem(name, "must not be empty");
      return def;
    }
    return v;
  }

  static MetricsSettings metrics(Section s, LoadContext ctx) {
    MetricsSettings d = MetricsSettings.defaults();
    boolean enabled = s.bool("enabled", d.enabled());
    String host = nonBlank(s, "prometheusHost", d.prometheusHost());
    int port = s.integer("prometheusPort", d.prometheusPort(), 0, 65_535);
    List<Double> percentiles = new ArrayList<>();
    List<String> texts = s.strings("percentiles", null);
    if (texts == null) {
      percentiles = d.percentiles();
    } else {
      for (String t : texts) {
        BigDecimal q = t.matches("0?\\.\\d+") ? new BigDecimal(t) : null;
        if (q == null || q.signum() <= 0) {
          s.problem("percentiles", "each must be a string in (0, 1) such as \"0.99\", was " + t);
        } else {
          percentiles.add(q.doubleValue());
        }
      }
    }
    Map<String, String> tags = s.scalars("tags", Set.of());
    try {
      return new MetricsSettings(enabled, host, port, percentiles, tags);
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return d;
    }
  }

  static RoutingSettings routing(Section s, Set<String> venueIds, LoadContext ctx) {
    RoutingSettings d = RoutingSettings.defaults();
    boolean enabled = s.bool("enabled", d.enabled());
    List<String> venues = venues(s, venueIds);
    boolean fees = s.bool("includeFees", d.includeFees());
    Duration age = s.duration("maxBookAge", d.maxBookAge(), MS, Duration.ofMinutes(10));
    int alternatives = s.integer("alternatives", d.alternatives(), 0, 16);
    return new RoutingSettings(enabled, venues, fees, age, alternatives);
  }

  static ArbitrageSettings arbitrage(Section s, Set<String> venueIds, LoadContext ctx) {
    ArbitrageSettings d = ArbitrageSettings.defaults();
    boolean enabled = s.bool("enabled", d.enabled());
    BigDecimal threshold = s.decimal("thresholdBps", d.thresholdBps(), Section.Sign.NON_NEGATIVE);
    boolean auto = s.bool("autoExecute", d.autoExecute());
    BigDecimal max = s.decimal("maxNotional", d.maxNotional(), Section.Sign.POSITIVE);
    List<String> symbols = s.strings("symbols", d.symbols());
    List<String> venues = venues(s, venueIds);
    Duration cooldown = s.duration("cooldown", d.cooldown(), Duration.ZERO, DAY);
    return new ArbitrageSettings(enabled, threshold, auto, max, symbols, venues, cooldown);
  }

  private static List<String> venues(Section s, Set<String> venueIds) {
    List<String> venues = s.strings("venues", List.of());
    for (int i = 0; i < venues.size(); i++) {
      if (!venueIds.contains(venues.get(i))) {
        s.problem("venues[" + i + "]", "no venue " + venues.get(i) + " in venues");
      }
    }
    return venues;
  }

  static DemoSettings demo(Section s, LoadContext ctx) {
    DemoSettings d = DemoSettings.defaults();
    int rate = s.integer("signalsPerSecond", d.signalsPerSecond(), 1, 1_000_000);
    Duration duration = s.duration("duration", d.duration(), SEC, WEEK);
    List<String> symbols = s.strings("symbols", d.symbols());
    if (symbols.isEmpty()) {
      s.problem("symbols", "at least one symbol is required");
      symbols = d.symbols();
    }
    String strategy = nonBlank(s, "strategy", d.strategy());
    long seed = s.longValue("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
    return new DemoSettings(rate, duration, symbols, strategy, seed);
  }

  /** {@code secrets.<scheme>} maps, checked by the resolvers themselves. */
  static Map<String, Map<String, String>> secrets(Section s, LoadContext ctx) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String scheme : s.keys()) {
      out.put(scheme, s.scalars(scheme, Set.of()));
    }
    if (ctx.resolvers != null) {
      try {
        ctx.resolvers.withSettings(out);
      } catch (ConfigException e) {
        e.problems().forEach(p -> ctx.problem(p.path(), p.message()));
      }
    }
    return out;
  }
}
