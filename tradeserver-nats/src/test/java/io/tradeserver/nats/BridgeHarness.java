package io.tradeserver.nats;

import io.tradeserver.config.NatsSettings;
import io.tradeserver.engine.EngineConfig;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingListener;
import io.tradeserver.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A TradeServer with the {@code sim} venue, started on its own engine thread, a recording listener
 * (the engine's own account of what happened) and a started {@link NatsBridge}.
 */
final class BridgeHarness implements AutoCloseable {
  private static final AtomicInteger PROBES = new AtomicInteger();
  final RecordingListener engine = new RecordingListener();
  final NatsBridge bridge;
  final TradeServer ts;

  BridgeHarness(NatsSettings settings, int node) {
    this(settings, node, true);
  }

  /** {@code startEngine} false: the engine thread is not started (signals wait in its inbox). */
  BridgeHarness(NatsSettings settings, int node, boolean startEngine) {
    Clock clock = Clock.system();
    bridge = NatsBridge.create(settings, clock);
    ts =
        TradeServer.builder()
            .clock(clock)
            .engineConfig(EngineConfig.defaults().withNode(node))
            .venue(VenueConfig.builder("sim").build())
            .listener(engine)
            .listener(bridge)
            .build();
    if (startEngine) {
      ts.start();
      awaitMarket();
    }
    bridge.start(ts);
  }

  static NatsSettings core(String url) {
    return NatsSettings.defaults().withUrl(url);
  }

  static NatsSettings jetStream(String url) {
    return NatsSettings.defaults().withUrl(url).withJetStream(true);
  }

  /**
   * Waits until the sim venue has instruments and books: a small ETH-USDT market order offered
   * directly fills (tests trade BTC-USDT, so the probe does not mix with them).
   */
  void awaitMarket() {
    Await.until(
        Duration.ofSeconds(10),
        () -> {
          String id = "probe-" + PROBES.incrementAndGet();
          Signal probe =
              Signal.builder()
                  .signalId(id)
                  .strategy("probe")
                  .symbol("ETH-USDT")
                  .side(Side.BUY)
                  .type(OrderType.MARKET)
                  .quantity("0.01")
                  .exchange("sim")
                  .build();
          if (ts.offer(probe) != OfferResult.ACCEPTED) {
            return false;
          }
          // refused (UNKNOWN_SYMBOL while the sim is still loading instruments) or traded
          Await.until(
              Duration.ofSeconds(5),
              () -> refused(id) || (!statuses(id).isEmpty() && terminal(statuses(id))),
              () -> "probe " + id + " not decided: " + last(engine.all()));
          return statuses(id).contains("FILLED");
        },
        () -> "sim market not ready; last events: " + last(engine.all()));
  }

  private static List<Object> last(List<Object> all) {
    return all.subList(Math.max(0, all.size() - 6), all.size());
  }

  private boolean refused(String signalId) {
    return engine.of(SignalRejected.class).stream().anyMatch(r -> signalId.equals(r.signalId()));
  }

  private static boolean terminal(List<String> s) {
    return OrderStatus.valueOf(s.get(s.size() - 1)).isTerminal();
  }

  /** Order statuses the engine published for a signal. */
  List<String> statuses(String signalId) {
    return engine.of(Order.class).stream()
        .filter(o -> signalId.equals(o.signalId()))
        .map(o -> o.status().name())
        .collect(Collectors.toList());
  }

  /** Distinct client order ids the engine created for a signal. */
  long ordersFor(String signalId) {
    return engine.of(Order.class).stream()
        .filter(o -> signalId.equals(o.signalId()))
        .map(Order::clientOrderId)
        .distinct()
        .count();
  }

  @Override
  public void close() {
    bridge.close();
    ts.close();
  }
}
