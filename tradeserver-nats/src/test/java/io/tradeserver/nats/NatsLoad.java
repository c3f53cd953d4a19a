package io.tradeserver.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.tradeserver.config.NatsSettings;
import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.LatencyHistogram;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Load run: N signals published to NATS, through the bridge and the engine to the {@code sim}
 * venue. Prints one JSON line: signals/s, the engine's signal-received → order-sent latency (the
 * bridge stamps "received" when the message arrives), publish → order-sent through NATS, and the
 * lost and duplicated orders counted per signal id (both must be 0).
 *
 * <p>Flags: {@code --signals N} (100000), {@code --warmup N} (10000, not counted in publish →
 * sent), {@code --rate N} signals/s (0 = as fast as the publisher goes), {@code --jetstream},
 * {@code --url nats://…} (else a nats-server child process on a free port).
 */
public final class NatsLoad {
  private final int signals;
  private final int warmup;
  private final int rate;
  private final boolean jetStream;
  private final long[] publishedAt;
  private final LatencyHistogram publishToSent = new LatencyHistogram();
  private final Map<String, Integer> ordersPerSignal = new HashMap<>();
  private final Map<String, Long> rejects = new TreeMap<>();
  private final java.util.Set<String> deadLettered = new java.util.HashSet<>();
  private volatile long decided;
  private volatile long lastDecisionNanos;

  private NatsLoad(int signals, int warmup, int rate, boolean jetStream) {
    this.signals = signals;
    this.warmup = warmup;
    this.rate = rate;
    this.jetStream = jetStream;
    this.publishedAt = new long[signals + warmup];
  }

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int warmup = 10_000;
    int rate = 0;
    boolean js = false;
    String url = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--signals" -> n = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--jetstream" -> js = true;
        case "--url" -> url = args[++i];
        default -> throw new IllegalArgumentException("unknown flag " + args[i]);
      }
    }
    NatsServerProcess server = url == null ? new NatsServerProcess() : null;
    try {
      new NatsLoad(n, warmup, rate, js).run(url != null ? url : server.url());
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** Engine thread: counts orders per signal and times publish → order sent. */
  private final class Counting implements TradeServerListener {
    @Override
    public void onOrder(Order o) {
      String id = o.signalId();
      if (id == null || !id.startsWith("L-")) {
        return;
      }
      if (o.status() == OrderStatus.PENDING_NEW || o.status() == OrderStatus.REJECTED) {
        if (ordersPerSignal.merge(id, 1, Integer::sum) == 1) {
          decided();
        }
        if (o.status() == OrderStatus.REJECTED) {
          rejects.merge(String.valueOf(o.reason()), 1L, Long::sum);
        }
      } else if (o.status() == OrderStatus.SUBMITTED) {
        int i = Integer.parseInt(id, 2, id.length(), 10);
        if (i >= warmup) {
          publishToSent.record(System.nanoTime() - publishedAt[i]);
        }
      }
    }

    @Override
    public void onSignalRejected(SignalRejected r) {
      if (r.signalId() != null && r.signalId().startsWith("L-")) {
        rejects.merge(r.reason().name(), 1L, Long::sum);
        if (deadLettered.add(r.signalId()) && !ordersPerSignal.containsKey(r.signalId())) {
          decided();
        }
      }
    }

    private void decided() {
      lastDecisionNanos = System.nanoTime();
      decided = decided + 1; // engine thread only
    }
  }

  private void run(String url) throws Exception {
    NatsSettings settings = NatsSettings.defaults().withUrl(url).withJetStream(jetStream);
    Clock clock = Clock.system();
    NatsBridge bridge = NatsBridge.create(settings, clock);
    TradeServer ts =
        TradeServer.builder()
            .clock(clock)
            .engineConfig(EngineConfig.defaults().withNode(7))
            .venue(VenueConfig.builder("sim").build())
            .listener(new Counting())
            .listener(bridge)
            .build();
    ts.start();
    awaitMarket(ts);
    bridge.start(ts);
    Connection pub =
        Nats.connect(new Options.Builder().server(url).maxMessagesInOutgoingQueue(200_000).build());
    int total = signals + warmup;
    long start = System.nanoTime();
    if (jetStream) {
      publishJetStream(pub.jetStream(), settings.prefix(), total);
    } else {
      publishCore(pub, settings.prefix(), total);
    }
    long published = System.nanoTime();
    Await.until(
        Duration.ofSeconds(300),
        () -> decided >= total,
        () -> "decided " + decided + " of " + total + "; " + bridge.stats());
    long end = lastDecisionNanos;
    // a straggler duplicate would show up here: give the pipeline a moment to drain
    Await.until(
        Duration.ofSeconds(30),
        () ->
            bridge.stats().eventQueueDepth() == 0
                && bridge.stats().eventsInFlight() == 0
                && ts.signalBacklog() == 0,
        () -> "drained");
    StatusSnapshot st = ts.freshStatus().get();
    report(start, published, end, st, bridge.stats());
    bridge.close();
    ts.close();
    pub.close();
  }

  private void publishCore(Connection pub, String prefix, int total) throws Exception {
    for (int i = 0; i < total; i++) {
      pace(i);
      byte[] body = signal(i);
      publishedAt[i] = System.nanoTime();
      pub.publish(prefix + ".signals.load", body);
    }
    pub.flush(Duration.ofSeconds(30));
  }

  private void publishJetStream(JetStream js, String prefix, int total) throws Exception {
    ArrayDeque<CompletableFuture<PublishAck>> window = new ArrayDeque<>();
    for (int i = 0; i < total; i++) {
      pace(i);
      byte[] body = signal(i);
      publishedAt[i] = System.nanoTime();
      window.addLast(
          js.publishAsync(
              prefix + ".signals.load",
              body,
              PublishOptions.builder().messageId("L-" + i).build()));
      while (window.size() > 2_000) {
        window.removeFirst().get();
      }
    }
    for (CompletableFuture<PublishAck> f : window) {
      f.get();
    }
  }

  /**
   * Holds signal {@code i} back until its time at {@code --rate}, parking (not spinning: the
   * publisher must not take a core from the engine on a small machine).
   */
  private void pace(int i) {
    if (rate <= 0) {
      return;
    }
    if (paceStart == 0) {
      paceStart = System.nanoTime();
    }
    long due = paceStart + (long) i * 1_000_000_000L / rate;
    long wait;
    while ((wait = due - System.nanoTime()) > 50_000) {
      LockSupport.parkNanos(wait);
    }
  }

  private long paceStart;

  private static byte[] signal(int i) {
    return ("{\"signalId\":\"L-"
            + i
            + "\",\"symbol\":\"BTC-USDT\",\"side\":\""
            + (i % 2 == 0 ? "BUY" : "SELL")
            + "\",\"type\":\"MARKET\",\"quantity\":\"0.0002\",\"exchange\":\"sim\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void report(
      long start, long published, long end, StatusSnapshot st, NatsBridgeStats nats) {
    int total = signals + warmup;
    long lost = 0;
    long duplicated = 0;
    for (int i = 0; i < total; i++) {
      Integer c = ordersPerSignal.get("L-" + i);
      if (c == null && !deadLettered.contains("L-" + i)) {
        lost++;
      } else if (c != null && c > 1) {
        duplicated++;
      }
    }
    double seconds = (end - start) / 1e9;
    System.out.printf(
        "{\"transport\":\"%s\",\"signals\":%d,\"warmup\":%d,\"rate\":%d,\"seconds\":%.3f,"
            + "\"signalsPerSec\":%.0f,\"publishSeconds\":%.3f,"
            + "\"receivedToSentP50Us\":%.1f,\"receivedToSentP99Us\":%.1f,"
            + "\"receivedToSentMaxUs\":%.1f,\"publishToSentP50Us\":%.1f,"
            + "\"publishToSentP99Us\":%.1f,\"ordersSent\":%d,\"lost\":%d,\"duplicated\":%d,"
            + "\"rejects\":%s,\"backPressureWaits\":%d,\"eventsPublished\":%d,"
            + "\"eventsDropped\":%d}%n",
        jetStream ? "jetstream" : "core",
        signals,
        warmup,
        rate,
        seconds,
        total / seconds,
        (published - start) / 1e9,
        st.signalToSubmit().p50Us(),
        st.signalToSubmit().p99Us(),
        st.signalToSubmit().maxUs(),
        publishToSent.percentileNanos(50) / 1e3,
        publishToSent.percentileNanos(99) / 1e3,
        st.ordersSent(),
        lost,
        duplicated,
        rejects.isEmpty() ? "{}" : jsonMap(rejects),
        nats.backPressureWaits(),
        nats.eventsPublished(),
        nats.eventsDropped());
  }

  private static String jsonMap(Map<String, Long> m) {
    StringBuilder b = new StringBuilder("{");
    m.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return b.append('}').toString();
  }

  /** Until a small ETH-USDT market order fills (instruments and books are in). */
  private static void awaitMarket(TradeServer ts) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int probe = 0;
    while (System.nanoTime() < deadline) {
      Signal s =
          Signal.builder()
              .signalId("probe-" + probe++)
              .symbol("ETH-USDT")
              .side(Side.BUY)
              .type(OrderType.MARKET)
              .quantity("0.01")
              .exchange("sim")
              .build();
      long before = fills(ts);
      if (ts.offer(s) == OfferResult.ACCEPTED) {
        long until = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < until) {
          if (fills(ts) > before) {
            return;
          }
          LockSupport.parkNanos(5_000_000L);
        }
      }
    }
    throw new IllegalStateException("sim market not ready");
  }

  private static long fills(TradeServer ts) {
    try {
      return ts.freshStatus().get().fills();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
