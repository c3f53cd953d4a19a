package io.tradeserver.bench.jmh;

import io.tradeserver.kraken.internal.KrakenBenchAccess;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kraken's per-order codec work, using the adapter's own code: {@code signAndBuild} is what the
 * adapter does on the sending thread for an AddOrder (nonce, form body, SHA-256 + HMAC-SHA512
 * signature, OkHttp request with headers); {@code parseAck} reads the AddOrder answer (the venue
 * sample's shape) with the adapter's streaming parser.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KrakenCodecBenchmark {
  static final byte[] ACK =
      ("{\"error\":[],\"result\":{\"descr\":{\"order\":\"buy 0.01000000 XBTUSD @ limit"
              + " 64000.0\"},\"txid\":[\"OWQJ5O-ZWYC7-5R7POQ\"]}}")
          .getBytes(StandardCharsets.UTF_8);

  private KrakenBenchAccess access;
  private OrderRequest order;

  @Setup(Level.Trial)
  public void setUp() {
    Instrument btc =
        Instrument.builder(InstrumentId.of("kraken", "BTC-USD"), "XXBTZUSD")
            .priceScale(1)
            .quantityScale(8)
            .tickSize(Price.parse("0.1"))
            .stepSize(Quantity.of(1, 8))
            .minQuantity(Quantity.parse("0.00010000"))
            .minNotional(Quantity.parse("0.5"))
            .build();
    access =
        new KrakenBenchAccess(
            Credentials.of("bench-key", Base64.getEncoder().encodeToString(new byte[64])),
            btc,
            "XXBTZUSD");
    order =
        OrderRequest.limit(
            "0VbwBench00001", btc, Side.BUY, Price.parse("64000.0"), Quantity.parse("0.01000000"));
  }

  @Benchmark
  public Request signAndBuild() {
    return access.addOrderRequest("https://api.kraken.com", order);
  }

  @Benchmark
  public String parseAck() throws IOException {
    return KrakenBenchAccess.addOrderTxid(ACK);
  }
}
