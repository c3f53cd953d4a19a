package io.tradeserver.bench.jmh;

import io.tradeserver.binance.internal.BinanceBenchAccess;
import io.tradeserver.kraken.internal.KrakenBenchAccess;
import io.tradeserver.kucoin.internal.KucoinBenchAccess;
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
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each adapter's per-order codec work, with the adapter's own code (through the benchmark-only
 * access classes in the adapters' packages):
 *
 * <ul>
 *   <li>{@code signAndBuild}: the new-order request as the adapter builds it on its sending thread
 *       (parameters or JSON body, timestamp or nonce, signature, OkHttp request and headers).
 *       Binance: percent-encoded form + HMAC-SHA256 hex; KuCoin: JSON body + HMAC-SHA256 base64
 *       over timestamp, method, path and body; Kraken: form body + SHA-256 + HMAC-SHA512.
 *   <li>{@code parseAck}: the venue's new-order answer (the docs' sample shape) read by the
 *       adapter's parser.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class VenueCodecBenchmark {
  /** {@code binance-ed25519}: Binance with an Ed25519 key (RFC 8032's test key) instead of HMAC. */
  @Param({"binance", "binance-ed25519", "kucoin", "kraken"})
  public String venue;

  private Codec codec;

  /** One venue's work. */
  interface Codec {
    Object signAndBuild();

    Object parseAck() throws IOException;
  }

  @Setup(Level.Trial)
  public void setUp() {
    codec =
        switch (venue) {
          case "binance" ->
              binance("HMAC", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
          case "binance-ed25519" -> binance("ED25519", Fixtures.ed25519Pem());
          case "kucoin" -> kucoin();
          case "kraken" -> kraken();
          default -> throw new IllegalArgumentException(venue);
        };
  }

  @Benchmark
  public Object signAndBuild() {
    return codec.signAndBuild();
  }

  @Benchmark
  public Object parseAck() throws IOException {
    return codec.parseAck();
  }

  Codec codec() {
    return codec;
  }

  private static OrderRequest order(Instrument in, String price, String qty) {
    return OrderRequest.limit(
        "0VbwBench00001", in, Side.BUY, Price.parse(price), Quantity.parse(qty));
  }

  private static Codec binance(String keyType, String secret) {
    Instrument in = Fixtures.btcUsdt("binance");
    OrderRequest o = order(in, "64000.00", "0.00100");
    BinanceBenchAccess a =
        new BinanceBenchAccess(
            Credentials.of(
                "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", secret),
            5000,
            "FULL",
            keyType);
    HttpUrl url = HttpUrl.get("https://api.binance.com/api/v3/order");
    Headers auth =
        Headers.of("X-MBX-APIKEY", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco1");
    byte[] ack =
        ("{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,\"clientOrderId\":"
                + "\"0VbwBench00001\",\"transactTime\":1507725176595,\"price\":\"64000.00\","
                + "\"origQty\":\"0.00100\",\"executedQty\":\"0.00000000\","
                + "\"origQuoteOrderQty\":\"0.000000\",\"cummulativeQuoteQty\":\"0.00000000\","
                + "\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\","
                + "\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}")
            .getBytes(StandardCharsets.UTF_8);
    return new Codec() {
      @Override
      public Object signAndBuild() {
        return a.newOrderRequest(url, auth, o, System.currentTimeMillis());
      }

      @Override
      public Object parseAck() throws IOException {
        return BinanceBenchAccess.orderStatus(ack);
      }
    };
  }

  private static Codec kucoin() {
    Instrument in =
        Instrument.builder(InstrumentId.of("kucoin", "BTC-USDT"), "BTC-USDT")
            .tickSize(Price.parse("0.1"))
            .stepSize(Quantity.parse("0.00000001"))
            .minQuantity(Quantity.parse("0.00001000"))
            .minNotional(Quantity.parse("0.1"))
            .build();
    OrderRequest o = order(in, "64000.0", "0.00100000");
    KucoinBenchAccess a =
        new KucoinBenchAccess(
            Credentials.of("67113e4e0c2c5400016c56d1", "bench-secret-0000", "bench-pass"));
    HttpUrl url = HttpUrl.get("https://api.kucoin.com/api/v1/hf/orders");
    byte[] ack =
        "{\"code\":\"200000\",\"data\":{\"orderId\":\"670fd33bf9406e0007ab3945\",\"clientOid\":\"0VbwBench00001\"}}"
            .getBytes(StandardCharsets.UTF_8);
    return new Codec() {
      @Override
      public Object signAndBuild() {
        return a.addOrderRequest(
            url, KucoinBenchAccess.newOrderBody(o), System.currentTimeMillis());
      }

      @Override
      public Object parseAck() throws IOException {
        return KucoinBenchAccess.orderId(ack);
      }
    };
  }

  private static Codec kraken() {
    Instrument in =
        Instrument.builder(InstrumentId.of("kraken", "BTC-USD"), "XXBTZUSD")
            .priceScale(1)
            .quantityScale(8)
            .tickSize(Price.parse("0.1"))
            .stepSize(Quantity.of(1, 8))
            .minQuantity(Quantity.parse("0.00010000"))
            .minNotional(Quantity.parse("0.5"))
            .build();
    OrderRequest o = order(in, "64000.0", "0.01000000");
    KrakenBenchAccess a =
        new KrakenBenchAccess(
            Credentials.of("bench-key", Base64.getEncoder().encodeToString(new byte[64])),
            in,
            "XXBTZUSD");
    byte[] ack =
        ("{\"error\":[],\"result\":{\"descr\":{\"order\":\"buy 0.01000000 XBTUSD @ limit"
                + " 64000.0\"},\"txid\":[\"OWQJ5O-ZWYC7-5R7POQ\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    return new Codec() {
      @Override
      public Object signAndBuild() {
        return a.addOrderRequest("https://api.kraken.com", o);
      }

      @Override
      public Object parseAck() throws IOException {
        return KrakenBenchAccess.addOrderTxid(ack);
      }
    };
  }
}
