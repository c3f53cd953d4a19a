package io.tradeserver.kraken.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Credentials;
import io.tradeserver.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Benchmark-only access to the Kraken adapter's own request body writer, signer and AddOrder
 * parser, so the JMH codec benchmark and the raw-socket baseline do exactly the work the adapter
 * does. Lives in the adapter's package inside the benchmarks module; not an API.
 */
public final class KrakenBenchAccess {
  private static final MediaType FORM =
      MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
  private static final byte[] ADD_ORDER = "/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII);
  private final Signer signer;
  private final Market market;
  private final NonceSource nonces = new NonceSource(Clock.system(), null);
  private final StringBuilder body = new StringBuilder(256);

  /**
   * @param credentials API key and base64 secret
   * @param instrument the instrument as the adapter maps it
   * @param pairKey AssetPairs key sent as {@code pair}
   */
  public KrakenBenchAccess(Credentials credentials, Instrument instrument, String pairKey) {
    this.signer = new Signer(credentials);
    String ws = instrument.id().base() + "/" + instrument.id().quote();
    this.market =
        new Market(
            instrument, pairKey, pairKey, ws, instrument.priceScale(), instrument.quantityScale());
  }

  /** Appends the AddOrder fields after {@code nonce=...}, as the adapter does. */
  public void writeAddOrder(StringBuilder body, OrderRequest order) {
    OrderCommands.writeOrder(body, order, market);
  }

  /** {@code API-Sign} for the exact bytes posted. */
  public String sign(byte[] uriPath, byte[] nonce, byte[] body) {
    return signer.sign(uriPath, nonce, body);
  }

  public String apiKey() {
    return signer.apiKey();
  }

  /**
   * What {@code KrakenRest} does on the sending thread for an AddOrder, step for step: next nonce,
   * body into the reused builder, its bytes, the signature, and the OkHttp request with the
   * adapter's headers. Only the final {@code newCall(request).enqueue(...)} is left out.
   */
  public Request addOrderRequest(String baseUrl, OrderRequest order) {
    long nonce = nonces.next();
    body.setLength(0);
    body.append("nonce=").append(nonce);
    OrderCommands.writeOrder(body, order, market);
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    byte[] nonceBytes = Long.toString(nonce).getBytes(StandardCharsets.US_ASCII);
    String sign = signer.sign(ADD_ORDER, nonceBytes, bytes);
    return new Request.Builder()
        .url(baseUrl + "/0/private/AddOrder")
        .header("API-Key", signer.apiKey())
        .header("API-Sign", sign)
        .header("User-Agent", "tradeserver-kraken/0.1")
        .post(RequestBody.create(bytes, FORM))
        .build();
  }

  /** The adapter's AddOrder parser: the txid, or null when Kraken refused the order. */
  public static String addOrderTxid(byte[] body) throws IOException {
    return KrakenParse.addOrder(body).txid();
  }
}
