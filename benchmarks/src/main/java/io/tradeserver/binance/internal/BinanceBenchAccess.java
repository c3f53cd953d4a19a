package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Credentials;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Benchmark-only access to the Binance adapter's own order parameter writer, signer and new-order
 * parser, so the codec benchmark and the raw-socket baseline do exactly the adapter's work. Lives
 * in the adapter's package inside the benchmarks module; not an API. One instance per thread.
 */
public final class BinanceBenchAccess {
  private final Signer signer;
  private final int recvWindow;
  private final String responseType;

  public BinanceBenchAccess(Credentials credentials, int recvWindow, String responseType) {
    this(credentials, recvWindow, responseType, "HMAC");
  }

  /**
   * @param keyType {@code HMAC} or {@code ED25519} (then the credentials' secret is a PKCS#8 PEM)
   */
  public BinanceBenchAccess(
      Credentials credentials, int recvWindow, String responseType, String keyType) {
    this.signer = Signer.of(BinanceConfig.KeyType.valueOf(keyType), credentials);
    this.recvWindow = recvWindow;
    this.responseType = responseType;
  }

  /**
   * The form body {@code POST /api/v3/order} sends: the order's parameters, {@code recvWindow},
   * {@code timestamp} and the {@code signature} (HMAC-SHA256 or Ed25519) over exactly those bytes.
   */
  public byte[] newOrderBody(OrderRequest order, long timestampMillis) {
    Params p = Params.local();
    OrderChecks.write(p, order, responseType);
    p.add("recvWindow", recvWindow).add("timestamp", timestampMillis).sign(signer);
    return p.toBytes();
  }

  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  /**
   * What the adapter builds for a new order: the request to the prebuilt URL with its {@code
   * X-MBX-APIKEY} header, and the signed form body (which the adapter computes when OkHttp writes
   * it, on the sending thread). Only {@code newCall(...).enqueue(...)} is left out.
   */
  public Request newOrderRequest(
      HttpUrl url, Headers auth, OrderRequest order, long timestampMillis) {
    return new Request.Builder()
        .headers(auth)
        .url(url)
        .post(RequestBody.create(newOrderBody(order, timestampMillis), FORM))
        .build();
  }

  /** The adapter's parser of a new-order answer, as RestOrders uses it: the order's status. */
  public static String orderStatus(byte[] body) throws IOException {
    return RestParse.placed(body).status;
  }
}
