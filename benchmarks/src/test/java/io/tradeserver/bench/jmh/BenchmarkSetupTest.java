package io.tradeserver.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.kraken.internal.KrakenBenchAccess;
import io.tradeserver.model.OrderStatus;
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

  @Test
  void krakenSignatureIsTheDocumentedOneOverTheExactBody() throws Exception {
    KrakenCodecBenchmark b = new KrakenCodecBenchmark();
    b.setUp();
    Request r = b.signAndBuild();
    Buffer body = new Buffer();
    r.body().writeTo(body);
    String form = body.readUtf8();
    assertThat(form)
        .matches(
            "nonce=\\d+&ordertype=limit&type=buy&volume=0\\.01000000&pair=XXBTZUSD"
                + "&price=64000\\.0&cl_ord_id=0VbwBench00001");
    String nonce = form.substring(6, form.indexOf('&'));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((nonce + form).getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(new byte[64], "HmacSHA512"));
    mac.update("/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal(sha.digest()));
    assertThat(r.header("API-Sign")).isEqualTo(expected);
    assertThat(r.url().toString()).isEqualTo("https://api.kraken.com/0/private/AddOrder");
    assertThat(b.parseAck()).isEqualTo("OWQJ5O-ZWYC7-5R7POQ");
    assertThat(
            KrakenBenchAccess.addOrderTxid(
                "{\"error\":[\"EOrder:Insufficient funds\"]}".getBytes()))
        .isNull();
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

  @Test
  void signalJsonBecomesASignedKrakenRequestThroughTheEngine() throws Exception {
    SignalToWireBenchmark b = new SignalToWireBenchmark();
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
