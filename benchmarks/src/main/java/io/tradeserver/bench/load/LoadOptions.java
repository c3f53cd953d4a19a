package io.tradeserver.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line flags of the load test (DESIGN §9), parsed and validated as a whole: every problem
 * is reported at once.
 *
 * @param exchange binance, kucoin or kraken
 * @param baseUrl an external mock venue's base URL, or null to start an embedded one
 * @param orders measured orders per client
 * @param warmup warm-up orders per client (at least; see {@code warmupSeconds})
 * @param warmupSeconds warm-up keeps going until this much time has passed too
 * @param concurrency orders in flight
 * @param mode {@code adapter} (the adapter alone) or {@code engine} (signal, risk, order manager,
 *     adapter, wire)
 * @param peers peer clients run side by side: {@code xchange}, {@code binance-connector}
 * @param raw whether the raw keep-alive socket baseline runs in the same run
 * @param rounds the measured orders are split into this many interleaved rounds per client
 * @param pairs Kraken only: synthetic pairs the orders are spread over (per-pair trading counter)
 * @param idle engine mode: the engine thread's idle strategy, {@code backoff} or {@code spin}
 * @param pool OkHttp idle connections kept (0 = OkHttp's default of 5)
 * @param fills engine mode: the mock venue fills each order on the private stream
 * @param orderEntry {@code rest} or {@code websocket} (Binance's WebSocket API, Kraken's WebSocket
 *     v2 {@code add_order})
 * @param httpTimeouts {@code default} (OkHttp's 10 s read/write timeouts plus a 10 s call timeout,
 *     as TradeServer's default client) or {@code call-only} (read/write timeouts off, call timeout
 *     kept)
 */
public record LoadOptions(
    String exchange,
    String baseUrl,
    long orders,
    long warmup,
    int warmupSeconds,
    int concurrency,
    String mode,
    List<String> peers,
    boolean raw,
    int rounds,
    int pairs,
    String idle,
    int pool,
    boolean fills,
    String orderEntry,
    String httpTimeouts) {

  static final Set<String> EXCHANGES = Set.of("binance", "kucoin", "kraken");
  static final Set<String> PEERS = Set.of("xchange", "binance-connector");

  public boolean engine() {
    return mode.equals("engine");
  }

  /**
   * Parses {@code --flag value} pairs; throws {@link IllegalArgumentException} listing problems.
   */
  public static LoadOptions parse(String... args) {
    List<String> problems = new ArrayList<>();
    String exchange = null;
    String baseUrl = null;
    long orders = 100_000;
    long warmup = 20_000;
    int warmupSeconds = 10;
    int concurrency = 1;
    String mode = "adapter";
    List<String> peers = new ArrayList<>();
    Boolean raw = null;
    int rounds = 3;
    int pairs = 4096;
    String idle = "backoff";
    int pool = 0;
    Boolean fills = null;
    String orderEntry = "rest";
    String httpTimeouts = "default";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (v == null || v.startsWith("--")) {
        problems.add(flag + " needs a value");
        continue;
      }
      i++;
      try {
        switch (flag) {
          case "--exchange" -> exchange = v.toLowerCase(Locale.ROOT);
          case "--base-url" -> baseUrl = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
          case "--orders" -> orders = Long.parseLong(v);
          case "--warmup" -> warmup = Long.parseLong(v);
          case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(v);
          case "--concurrency" -> concurrency = Integer.parseInt(v);
          case "--mode" -> mode = v.toLowerCase(Locale.ROOT);
          case "--peer" -> {
            for (String p : v.split(",")) {
              peers.add(p.trim().toLowerCase(Locale.ROOT));
            }
          }
          case "--raw" -> raw = Boolean.parseBoolean(v);
          case "--rounds" -> rounds = Integer.parseInt(v);
          case "--pairs" -> pairs = Integer.parseInt(v);
          case "--idle" -> idle = v.toLowerCase(Locale.ROOT);
          case "--pool" -> pool = Integer.parseInt(v);
          case "--fills" -> fills = Boolean.parseBoolean(v);
          case "--order-entry" -> orderEntry = v.toLowerCase(Locale.ROOT);
          case "--http-timeouts" -> httpTimeouts = v.toLowerCase(Locale.ROOT);
          default -> problems.add("unknown flag " + flag);
        }
      } catch (NumberFormatException e) {
        problems.add(flag + " needs a number, was " + v);
      }
    }
    if (exchange == null || !EXCHANGES.contains(exchange)) {
      problems.add("--exchange must be binance, kucoin or kraken, was " + exchange);
    }
    if (!mode.equals("adapter") && !mode.equals("engine")) {
      problems.add("--mode must be adapter or engine, was " + mode);
    }
    for (String p : peers) {
      if (!PEERS.contains(p)) {
        problems.add("--peer must be xchange or binance-connector, was " + p);
      } else if (!"binance".equals(exchange)) {
        problems.add("--peer " + p + " is a Binance client: use it with --exchange binance");
      }
    }
    if (orders < 1 || warmup < 0 || warmupSeconds < 0) {
      problems.add("--orders must be >= 1, --warmup and --warmup-seconds >= 0");
    }
    if (concurrency < 1 || concurrency > 1024) {
      problems.add("--concurrency must be 1..1024, was " + concurrency);
    }
    if (rounds < 1 || rounds > orders) {
      problems.add("--rounds must be 1..orders, was " + rounds);
    }
    if (pairs < 1 || pairs > 10_000) {
      problems.add("--pairs must be 1..10000, was " + pairs);
    }
    if (!idle.equals("backoff") && !idle.equals("spin")) {
      problems.add("--idle must be backoff or spin, was " + idle);
    }
    if (!orderEntry.equals("rest") && !orderEntry.equals("websocket")) {
      problems.add("--order-entry must be rest or websocket, was " + orderEntry);
    } else if (orderEntry.equals("websocket")
        && !"binance".equals(exchange)
        && !"kraken".equals(exchange)) {
      problems.add("--order-entry websocket needs --exchange binance or kraken (KuCoin has none)");
    }
    if (!httpTimeouts.equals("default") && !httpTimeouts.equals("call-only")) {
      problems.add("--http-timeouts must be default or call-only, was " + httpTimeouts);
    }
    if (pool < 0) {
      problems.add("--pool must be >= 0, was " + pool);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new LoadOptions(
        exchange,
        baseUrl,
        orders,
        warmup,
        warmupSeconds,
        concurrency,
        mode,
        List.copyOf(peers),
        raw == null ? true : raw,
        rounds,
        pairs,
        idle,
        pool,
        fills == null ? mode.equals("engine") : fills,
        orderEntry,
        httpTimeouts);
  }
}
