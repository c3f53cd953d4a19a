package io.tradeserver.config;

import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Position;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A full run in its own JVM for {@link SecretLeakTest}: config with credentials from env and file,
 * a TradeServer on the sim venue, signals, a reload, a refused reload, a key refresh. Prints every
 * event, the config and every error; logs at TRACE. The parent asserts no key or secret appears.
 */
public final class SecretLeakRun {
  private SecretLeakRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String secret = System.getenv("LEAK_SECRET");
    Path secretFile = dir.resolve("sim.secret");
    Files.writeString(secretFile, secret + "\n");
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
    Path world = dir.resolve("world.secret");
    Files.writeString(world, secret);
    Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rw-r--r--"));
    Path file = dir.resolve("tradeserver.json");
    String base =
        ("{'venues': {'sim': {'symbols': ['BTC-USDT'], 'credentials': {'apiKey': 'env:LEAK_API_KEY',"
                + " 'secret': 'file:"
                + secretFile
                + "'}},"
                + " 'sim-b': {'provider': 'sim', 'credentials': {'apiKey': 'env:LEAK_API_KEY',"
                + " 'secret': 'env:LEAK_SECRET'}}},"
                + " 'risk': {'global': {'maxOrderNotional': 'LIMIT'}}}")
            .replace('\'', '"');
    Files.writeString(file, base.replace("LIMIT", "5000"));

    ConfigLoader loader = ConfigLoader.standard();
    TradeServerConfig config = loader.read(file);
    System.out.println("config: " + config);
    SecretResolvers resolvers = config.secretResolvers();
    List<VenueConfig> venues = config.resolveVenues(resolvers);
    System.out.println("venues: " + venues);

    TestClock clock = new TestClock();
    TradeServerListener printer =
        new TradeServerListener() {
          @Override
          public void onOrder(Order o) {
            System.out.println("order: " + o);
          }

          @Override
          public void onFill(Fill f, Order o, boolean reconciled) {
            System.out.println("fill: " + f);
          }

          @Override
          public void onPosition(Position p) {
            System.out.println("position: " + p);
          }

          @Override
          public void onRiskEvent(RiskEvent e) {
            System.out.println("risk: " + e);
          }

          @Override
          public void onVenueEvent(VenueEvent e) {
            System.out.println("venue: " + e);
          }
        };
    try (TradeServer ts =
        config
            .apply(
                TradeServer.builder()
                    .clock(clock)
                    .scheduler(new ManualScheduler(clock))
                    .listener(printer),
                resolvers)
            .build()) {
      ts.connect();
      for (int i = 0; i < 5; i++) {
        ts.doWork();
        clock.advance(Duration.ofMillis(100));
      }
      for (int i = 0; i < 3; i++) {
        ts.offer(
            Signal.builder()
                .signalId("leak-" + i)
                .symbol("BTC-USDT")
                .side(i % 2 == 0 ? Side.BUY : Side.SELL)
                .type(OrderType.MARKET)
                .quantity("0.01")
                .exchange("sim")
                .build());
        pump(ts);
      }
      ConfigWatcher watcher =
          ConfigWatcher.create(file, config, ts, loader, new ConfigReloadListener() {});
      Files.writeString(file, base.replace("LIMIT", "100"));
      settle(ts, watcher.check());
      // A refused reload whose file has a pasted key and secret in it.
      Files.writeString(
          file,
          base.replace("'LIMIT'".replace('\'', '"'), "\"-1\"")
              .replace("env:LEAK_SECRET", secret)
              .replace("env:LEAK_API_KEY", System.getenv("LEAK_API_KEY")));
      ReloadOutcome refused = settle(ts, watcher.check());
      System.out.println("refused: " + refused);
      try {
        loader.read(file);
      } catch (ConfigException e) {
        System.out.println("exception: " + e);
        e.printStackTrace(System.out);
      }
      try {
        resolvers.resolve(SecretRef.parse("file:" + world));
      } catch (SecretException e) {
        e.printStackTrace(System.out);
      }
      Credentials inUse = venues.get(0).credentials();
      System.out.println("in use: " + inUse + " secret " + inUse.secret());
      CredentialRotation rotation = new CredentialRotation(config, resolvers);
      System.out.println("refresh: " + rotation.onAuthenticationFailure("sim", inUse));
      System.out.println("status: " + ts.freshStatus().thenApply(s -> s).getNow(null));
      pump(ts);
      System.out.println("status: " + ts.status());
    }
    System.out.println("LEAK-RUN-DONE");
  }

  private static void pump(TradeServer ts) {
    for (int i = 0; i < 5; i++) {
      ts.doWork();
    }
  }

  private static ReloadOutcome settle(TradeServer ts, ReloadOutcome o) {
    pump(ts);
    for (ControlResult r : o.completion().join()) {
      System.out.println("control: " + r);
    }
    return o;
  }
}
