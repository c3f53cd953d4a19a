package io.tradeserver.bench.load;

import io.tradeserver.bench.mock.MockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Runs one load test: starts the embedded mock (unless an external one is given), the clients
 * (TradeServer first, then the raw baseline and the peers), warms each up, then measures them in
 * interleaved rounds so they share the machine's conditions, and reports one JSON line.
 */
public final class LoadRunner {
  private final LoadOptions o;

  public LoadRunner(LoadOptions options) {
    this.o = options;
  }

  /** Runs everything and returns the JSON result line. */
  public String run() throws Exception {
    Venue venue = Venue.of(o.exchange());
    MockServer mock = o.baseUrl() == null ? new MockServer(venue.newMock(o), 0) : null;
    String baseUrl = mock != null ? mock.baseUrl() : o.baseUrl();
    ResourceMeter meter =
        mock != null
            ? new ResourceMeter(mock::threadIds, mock::cpuNanos)
            : new ResourceMeter(() -> new long[0], () -> 0);
    // TradeServer's own default shared client (TradeServerBuilder), unless tuned by flags.
    OkHttpClient.Builder hb = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10));
    if (o.httpTimeouts().equals("call-only")) {
      hb.readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO);
    }
    if (o.pool() > 0) {
      hb.connectionPool(new ConnectionPool(o.pool(), 5, java.util.concurrent.TimeUnit.MINUTES));
    }
    OkHttpClient http = hb.build();
    List<LoadClient> clients = new ArrayList<>();
    try {
      clients.add(
          o.engine()
              ? new EngineClient(venue, venue.config(baseUrl, o), http, o)
              : new AdapterClient(venue, venue.config(baseUrl, o), http, o));
      if (o.raw()) {
        clients.add(new RawSocketClient(baseUrl, o.concurrency(), () -> venue.wire(baseUrl, o)));
      }
      for (String p : o.peers()) {
        clients.add(Peers.create(p, baseUrl, o));
      }
      for (LoadClient c : clients) {
        c.start();
        warmUp(c, meter);
      }
      Map<LoadClient, PhaseResult> results = new LinkedHashMap<>();
      clients.forEach(c -> results.put(c, new PhaseResult()));
      long perRound = o.orders() / o.rounds();
      for (int r = 0; r < o.rounds(); r++) {
        long n = r == o.rounds() - 1 ? o.orders() - perRound * (o.rounds() - 1) : perRound;
        for (LoadClient c : clients) {
          System.gc();
          PhaseResult pr = ClosedLoop.run(c, n, o.concurrency(), meter);
          log(c.name() + " round " + (r + 1), pr);
          results.get(c).add(pr);
        }
      }
      printThreadCpu();
      return report(results, mock);
    } finally {
      for (LoadClient c : clients) {
        try {
          c.close();
        } catch (RuntimeException e) {
          System.err.println("closing " + c.name() + ": " + e);
        }
      }
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      if (mock != null) {
        mock.close();
      }
    }
  }

  /** At least {@code --warmup} orders and at least {@code --warmup-seconds}. */
  private void warmUp(LoadClient c, ResourceMeter meter) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(o.warmupSeconds()).toNanos();
    long batch = Math.max(1000, Math.min(o.warmup(), 50_000));
    long done = 0;
    while (done < o.warmup() || System.nanoTime() < deadline) {
      PhaseResult pr = ClosedLoop.run(c, batch, o.concurrency(), meter);
      done += batch;
      log(c.name() + " warm-up", pr);
      if (pr.errors == pr.orders) {
        throw new IllegalStateException(
            c.name() + ": every warm-up order failed " + pr.errorReasons);
      }
    }
  }

  /** CPU time per thread group since the JVM started (to stderr): where the client's CPU goes. */
  private static void printThreadCpu() {
    java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> byGroup = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : t.getThreadInfo(t.getAllThreadIds())) {
      if (info != null) {
        long cpu = t.getThreadCpuTime(info.getThreadId());
        String group = info.getThreadName().replaceAll("[0-9]+", "N").replaceAll(" http://.*", "");
        byGroup.merge(group, Math.max(0, cpu), Long::sum);
      }
    }
    System.err.println("CPU seconds by live thread group (whole run):");
    byGroup.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(12)
        .forEach(
            e ->
                System.err.printf(
                    java.util.Locale.ROOT, "  %8.2f  %s%n", e.getValue() / 1e9, e.getKey()));
  }

  private static void log(String what, PhaseResult r) {
    System.err.printf(
        java.util.Locale.ROOT,
        "%-32s %8d orders %9.0f/s p50 %7.1f us p99 %8.1f us max %8.1f us errors %d %s%n",
        what,
        r.orders,
        r.ordersPerSec(),
        r.percentileUs(50),
        r.percentileUs(99),
        r.maxUs(),
        r.errors,
        r.errors > 0 ? r.errorReasons : "");
  }

  private String report(Map<LoadClient, PhaseResult> results, MockServer mock) {
    List<LoadClient> order = new ArrayList<>(results.keySet());
    LoadClient primary = order.get(0);
    PhaseResult p = results.get(primary);
    Json out = new Json();
    out.field("exchange", o.exchange())
        .field("mode", o.mode())
        .field("client", primary.name())
        .field("concurrency", o.concurrency())
        .field("orders", p.orders);
    metrics(out, p);
    out.counts("errorReasons", p.errorReasons);
    Json venue =
        new Json()
            .field("embedded", mock != null)
            .field("cpuUsPerOrder", mock != null ? p.venueCpuUsPerOrder() : 0.0);
    if (mock != null) {
      venue.field("connections", mock.connections()).field("requests", mock.requests());
    }
    out.raw("venue", venue.toString());
    Json others = new Json();
    Json ratios = new Json();
    for (LoadClient c : order.subList(1, order.size())) {
      PhaseResult r = results.get(c);
      Json j = new Json().field("orders", r.orders);
      metrics(j, r);
      j.counts("errorReasons", r.errorReasons);
      others.raw(c.name(), j.toString());
      ratios.raw(
          c.name(),
          new Json()
              .field("p50", p.percentileUs(50) / r.percentileUs(50))
              .field("p99", p.percentileUs(99) / r.percentileUs(99))
              .field("ordersPerSec", p.ordersPerSec() / r.ordersPerSec())
              .toString());
    }
    out.raw("comparedWith", others.toString());
    out.raw("ratios", ratios.toString());
    out.field("warmupOrders", o.warmup())
        .field("warmupSeconds", o.warmupSeconds())
        .field("rounds", o.rounds());
    if (o.exchange().equals("kraken")) {
      out.field("pairs", o.pairs());
    }
    if (o.engine()) {
      out.field("idle", o.idle()).field("fills", o.fills());
    }
    out.field("orderEntry", o.orderEntry())
        .field("httpTimeouts", o.httpTimeouts())
        .field("okhttpIdleConnections", o.pool() == 0 ? 5 : o.pool())
        .field("java", System.getProperty("java.version"))
        .field("cpus", Runtime.getRuntime().availableProcessors());
    return out.toString();
  }

  private static void metrics(Json j, PhaseResult r) {
    j.field("ordersPerSec", r.ordersPerSec())
        .field("p50Us", r.percentileUs(50))
        .field("p90Us", r.percentileUs(90))
        .field("p99Us", r.percentileUs(99))
        .field("p999Us", r.percentileUs(99.9))
        .field("maxUs", r.maxUs())
        .field("errors", r.errors)
        .field("cpuUsPerOrder", r.cpuUsPerOrder())
        .field("bytesAllocatedPerOrder", r.bytesPerOrder())
        .field("contextSwitchesPerOrder", r.contextSwitchesPerOrder());
  }
}
