package io.tradeserver.bench;

import io.tradeserver.bench.load.LoadOptions;
import io.tradeserver.bench.load.LoadRunner;

/**
 * The load test (DESIGN §9): places orders through a real adapter over loopback HTTP against an
 * embedded mock venue (or {@code --base-url}), with the raw keep-alive socket baseline and any
 * {@code --peer} measured in the same run, and prints one JSON line on stdout (progress goes to
 * stderr).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradeserver.bench.LoadTest \
 *   --exchange binance --mode adapter --concurrency 64 --orders 200000 --peer xchange
 * </pre>
 */
public final class LoadTest {
  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("LoadTest: " + e.getMessage());
      System.err.println(
          "usage: LoadTest --exchange binance|kucoin|kraken [--base-url URL] [--orders N]"
              + " [--warmup N] [--warmup-seconds S] [--concurrency N] [--mode adapter|engine]"
              + " [--peer xchange|binance-connector] [--raw true|false] [--rounds R]"
              + " [--pairs N] [--idle backoff|spin] [--pool N] [--fills true|false]"
              + " [--order-entry rest|websocket] [--http-timeouts default|call-only]");
      System.exit(2);
      return;
    }
    System.out.println(new LoadRunner(options).run());
    System.exit(0);
  }
}
