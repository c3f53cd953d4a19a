package io.tradeserver.bench;

import io.tradeserver.bench.mock.BinanceMock;
import io.tradeserver.bench.mock.KrakenMock;
import io.tradeserver.bench.mock.KucoinMock;
import io.tradeserver.bench.mock.MockServer;
import java.util.concurrent.CountDownLatch;

/**
 * The load test's mock venue as its own process, for {@code LoadTest --base-url}: then the client's
 * CPU, allocation and GC are measured without the venue sharing the JVM.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradeserver.bench.MockVenue \
 *   --exchange binance --port 18080 [--fills true] [--pairs 4096]
 * </pre>
 *
 * Prints the base URL on stdout and serves until the process is stopped.
 */
public final class MockVenue {
  private MockVenue() {}

  public static void main(String[] args) throws Exception {
    String exchange = null;
    int port = 0;
    boolean fills = false;
    int pairs = 4096;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--exchange" -> exchange = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--fills" -> fills = Boolean.parseBoolean(args[i + 1]);
        case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
        default -> exchange = null;
      }
    }
    MockServer.Handler handler =
        exchange == null
            ? null
            : switch (exchange) {
              case "binance" -> new BinanceMock(fills);
              case "kucoin" -> new KucoinMock(fills);
              case "kraken" -> new KrakenMock(pairs, fills);
              default -> null;
            };
    if (handler == null) {
      System.err.println(
          "usage: MockVenue --exchange binance|kucoin|kraken [--port N] [--fills true|false]"
              + " [--pairs N]");
      System.exit(2);
    }
    MockServer server = new MockServer(handler, port);
    System.out.println(server.baseUrl());
    new CountDownLatch(1).await();
  }
}
