package io.tradeserver.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.kraken.internal.KrakenBenchAccess;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.nats.SignalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks measure what they say: each one's state is set up and a few operations run (JMH
 * itself never runs in the build).
 */
class BenchmarkSetupTest {
  private static final Blackhole BH =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is"
              + " dangerous.");

  @Test
  void theRiskBenchmarkOrderPassesEveryCheckWithAndWithoutThrottles() {
    for (boolean throttles : new boolean[] {true, false}) {
      RiskCheckBenchmark b = new RiskCheckBenchmark();
      b.throttles = throttles;
      b.setUp(); // throws when the order would be denied
      for (int i = 0; i < 1000; i++) {
        assertThat(b.check()).isTrue();
      }
    }
  }

  @Test
  void everyOrderManagerOperationEndsFilled() {
    OrderManagerBenchmark b = new OrderManagerBenchmark();
    b.setUp();
    for (int i = 0; i < 70_000; i++) { // more than the ring: ids are reused after the purge
      assertThat(b.submitAckFill()).isEqualTo(OrderStatus.FILLED);
    }
  }

  @Test
  void theEngineBenchmarkSendsEveryOrderToTheSimVenue() {
    EngineBenchmark b = new EngineBenchmark();
    b.listener = true;
    b.windows = "default";
    b.setUp(BH);
    try {
      for (int i = 0; i < 20; i++) {
        b.orders();
      }
      var status = b.engine().server().freshStatus();
      b.engine().doWork();
      var s = status.join();
      assertThat(s.ordersSent()).isEqualTo(20L * EngineBenchmark.BATCH);
      assertThat(s.rejectsByReason()).isEmpty();
      assertThat(s.fills()).isPositive();
      assertThat(s.openOrders()).isZero();
    } finally {
      b.tearDown();
    }
  }

  private static VenueCodecBenchmark codec(String venue) {
    VenueCodecBenchmark b = new VenueCodecBenchmark();
    b.venue = venue;
    b.setUp();
    return b;
  }

  private static String body(Request r) throws Exception {
    Buffer body = new Buffer();
    r.body().writeTo(body);
    return body.readUtf8();
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key, algorithm));
    for (byte[] p : parts) {
      mac.update(p);
    }
    return mac.doFinal();
  }

  @Test
  void krakenSignatureIsTheDocumentedOneOverTheExactBody() throws Exception {
    VenueCodecBenchmark b = codec("kraken");
    Request r = (Request) b.signAndBuild();
    String form = body(r);
    assertThat(form)
        .matches(
            "nonce=\\d+&ordertype=limit&type=buy&volume=0\\.01000000&pair=XXBTZUSD"
                + "&price=64000\\.0&cl_ord_id=0VbwBench00001");
    String nonce = form.substring(6, form.indexOf('&'));
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((nonce + form).getBytes(StandardCharsets.UTF_8));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                hmac(
                    "HmacSHA512",
                    new byte[64],
                    "/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII),
                    digest));
    assertThat(r.header("API-Sign")).isEqualTo(expected);
    assertThat(r.url().toString()).isEqualTo("https://api.kraken.com/0/private/AddOrder");
    assertThat(b.parseAck()).isEqualTo("OWQJ5O-ZWYC7-5R7POQ");
    assertThat(
            KrakenBenchAccess.addOrderTxid(
                "{\"error\":[\"EOrder:Insufficient funds\"]}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  @Test
  void binanceSignatureIsHmacSha256HexOverTheBytesBeforeIt() throws Exception {
    VenueCodecBenchmark b = codec("binance");
    Request r = (Request) b.signAndBuild();
    String form = body(r);
    assertThat(form)
        .matches(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0\\.001"
                + "&price=64000&newClientOrderId=0VbwBench00001&newOrderRespType=FULL"
                + "&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
    int sig = form.indexOf("&signature=");
    byte[] mac =
        hmac(
            "HmacSHA256",
            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
                .getBytes(StandardCharsets.UTF_8),
            form.substring(0, sig).getBytes(StandardCharsets.US_ASCII));
    assertThat(form.substring(sig + 11)).isEqualTo(java.util.HexFormat.of().formatHex(mac));
    assertThat(r.header("X-MBX-APIKEY")).isNotEmpty();
    assertThat(b.parseAck()).isEqualTo("NEW");
  }

  @Test
  void binanceEd25519SignatureVerifiesWithTheTestKeysPublicHalf() throws Exception {
    Request r = (Request) codec("binance-ed25519").signAndBuild();
    String form = body(r);
    int sig = form.indexOf("&signature=");
    byte[] signature =
        java.util.Base64.getDecoder()
            .decode(
                java.net.URLDecoder.decode(form.substring(sig + 11), StandardCharsets.US_ASCII));
    java.security.Signature v = java.security.Signature.getInstance("Ed25519");
    v.initVerify(
        java.security.KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new java.security.spec.X509EncodedKeySpec(
                    java.util.HexFormat.of()
                        .parseHex(
                            "302a300506032b6570032100"
                                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))));
    v.update(form.substring(0, sig).getBytes(StandardCharsets.US_ASCII));
    assertThat(v.verify(signature)).isTrue();
  }

  @Test
  void kucoinSignatureCoversTimestampMethodPathAndBody() throws Exception {
    VenueCodecBenchmark b = codec("kucoin");
    Request r = (Request) b.signAndBuild();
    String json = body(r);
    assertThat(json)
        .contains("\"clientOid\":\"0VbwBench00001\"")
        .contains("\"price\":\"64000\",\"size\":\"0.001\"");
    byte[] secret = "bench-secret-0000".getBytes(StandardCharsets.UTF_8);
    String ts = r.header("KC-API-TIMESTAMP");
    String expected =
        Base64.getEncoder()
            .encodeToString(
                hmac(
                    "HmacSHA256",
                    secret,
                    (ts + "POST" + "/api/v1/hf/orders" + json).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.header("KC-API-SIGN")).isEqualTo(expected);
    assertThat(r.header("KC-API-PASSPHRASE"))
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString(
                    hmac("HmacSHA256", secret, "bench-pass".getBytes(StandardCharsets.UTF_8))));
    assertThat(b.parseAck()).isEqualTo("670fd33bf9406e0007ab3945");
  }

  @Test
  void theSignalCodecBenchmarkParsesAValidSignal() {
    SignalJson.Result r = new SignalJsonBenchmark().parse();
    assertThat(r).isInstanceOf(SignalJson.Parsed.class);
    io.tradeserver.model.Signal s = ((SignalJson.Parsed) r).signal();
    assertThat(s.signalId()).isEqualTo("s-000123");
    assertThat(s.price()).isEqualTo(io.tradeserver.model.Price.parse("64000.50"));
  }

  @Test
  void orderBookUpdatesKeepTheBookTwoSided() {
    OrderBookBenchmark b = new OrderBookBenchmark();
    b.depth = 20;
    b.setUp();
    for (int i = 0; i < 50_000; i++) {
      assertThat(b.update()).isPositive();
    }
    assertThat(b.publish()).isPositive();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"binance", "binance-ws", "kraken"})
  void signalJsonBecomesASignedRequestThroughTheEngine(String venue) throws Exception {
    SignalToWireBenchmark b = new SignalToWireBenchmark();
    b.venue = venue;
    b.setUp();
    try {
      for (int i = 0; i < 20; i++) {
        b.settle();
        b.toSend();
        b.settle();
        assertThat(b.toIoThread()).isPositive();
      }
      b.settle();
      assertThat(b.ordersAtVenue()).isEqualTo(40);
    } finally {
      b.tearDown();
    }
  }
}
