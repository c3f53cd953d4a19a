package io.tradeserver.kucoin.internal;

import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Credentials;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Benchmark-only access to the KuCoin adapter's own order body writer, signer and add-order parser,
 * so the codec benchmark and the raw-socket baseline do exactly the adapter's work. Lives in the
 * adapter's package inside the benchmarks module; not an API.
 */
public final class KucoinBenchAccess {
  private static final MediaType JSON = MediaType.get("application/json");
  private final KucoinSigner signer;

  public KucoinBenchAccess(Credentials credentials) {
    this.signer = new KucoinSigner(credentials, 3);
  }

  /** The exact JSON body {@code POST /api/v1/hf/orders} sends. */
  public static byte[] newOrderBody(OrderRequest order) {
    return OrderJson.newOrder(order);
  }

  /**
   * What {@code KucoinRest.send} builds for an add-order on the sending thread: the request to the
   * prebuilt URL with the JSON body and the five signed {@code KC-API-*} headers (only {@code
   * newCall(...).enqueue(...)} is left out).
   */
  public Request addOrderRequest(HttpUrl url, byte[] body, long timestampMillis) {
    Request.Builder rb = new Request.Builder().url(url);
    rb.method("POST", RequestBody.create(body, JSON));
    signer.sign(rb, timestampMillis, "POST", "/api/v1/hf/orders", body);
    return rb.build();
  }

  /** The adapter's parser over an add-order answer: the orderId, or null for a KuCoin error. */
  public static String orderId(byte[] answer) throws IOException {
    Json.Envelope<OrderParse.OrderAck> env = Json.envelope(answer, OrderParse.ACK);
    return env.data() == null ? null : env.data().orderId();
  }
}
