package io.tradeserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of core: a TradeServer built without a registry must run
 * with no Micrometer class on the classpath. The run happens in a class loader that sees the test
 * classpath minus Micrometer and its dependencies.
 */
class NoMicrometerTest {

  @Test
  void aTradeServerWithoutRegistryTradesWithoutMicrometerOnTheClasspath() throws Exception {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    int dropped = 0;
    for (String entry : cp.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.startsWith("micrometer") || name.startsWith("hdrhistogram")) {
        dropped++;
        continue;
      }
      urls.add(Path.of(entry).toUri().toURL());
    }
    assertThat(dropped).as("micrometer jars found on the test classpath " + cp).isPositive();
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> run = isolated.loadClass(Run.class.getName());
      assertThat(run.getClassLoader()).isSameAs(isolated);
      Thread t = Thread.currentThread();
      ClassLoader previous = t.getContextClassLoader();
      t.setContextClassLoader(isolated); // ServiceLoader finds the isolated sim provider
      try {
        assertThat(run.getMethod("fills").invoke(null)).isEqualTo(1L);
      } finally {
        t.setContextClassLoader(previous);
      }
    }
  }

  /** Loaded by the isolated class loader: one market order through the engine to a fill. */
  public static final class Run {
    private Run() {}

    public static long fills() {
      TestClock clock = new TestClock();
      try (TradeServer ts =
          TradeServer.builder()
              .clock(clock)
              .scheduler(new ManualScheduler(clock))
              .venue(VenueConfig.builder("sim").build())
              .build()) {
        ts.connect();
        step(ts, clock, 5);
        ts.offer(
            Signal.builder()
                .signalId("s1")
                .symbol("BTC-USDT")
                .side(Side.BUY)
                .type(OrderType.MARKET)
                .quantity("0.01")
                .exchange("sim")
                .build());
        step(ts, clock, 5);
        var f = ts.freshStatus();
        ts.doWork();
        StatusSnapshot s = f.join();
        return s.fills();
      }
    }

    private static void step(TradeServer ts, TestClock clock, int n) {
      for (int i = 0; i < n; i++) {
        ts.doWork();
        clock.advance(Duration.ofMillis(100));
        ts.doWork();
      }
    }
  }
}
