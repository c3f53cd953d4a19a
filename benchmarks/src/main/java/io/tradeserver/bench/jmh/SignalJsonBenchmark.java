package io.tradeserver.bench.jmh;

import io.tradeserver.nats.SignalJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The NATS bridge's signal codec alone: the contract's example signal (DESIGN §5) from JSON bytes
 * to a validated {@code Signal}, every field checked, decimals exact. The first step of "signal to
 * exchange" ({@link SignalToWireBenchmark} includes it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SignalJsonBenchmark {
  static final byte[] SIGNAL =
      ("{\"signalId\":\"s-000123\",\"strategy\":\"momentum\",\"symbol\":\"BTC-USDT\","
              + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.0100\","
              + "\"price\":\"64000.50\",\"exchange\":\"binance\",\"timeInForce\":\"GTC\","
              + "\"maxSlippageBps\":15,\"timestamp\":1764018000123}")
          .getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public SignalJson.Result parse() {
    return SignalJson.parse(SIGNAL, null, 1L);
  }
}
