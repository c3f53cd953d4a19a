package io.tradeserver.kraken.internal;

import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.spi.Credentials;
import io.tradeserver.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Benchmark-only access to the Kraken adapter's own request body writer, signer and AddOrder
 * parser, so the JMH codec benchmark and the raw-socket baseline do exactly the work the adapter
 * does. Lives in the adapter's package inside the benchmarks module; not an API.
 */
public final class KrakenBenchAccess {
  private static final byte[] ADD_ORDER = "/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII);
  private final Signer signer;
  private final Market market;
  private final NonceSource nonces = new NonceSource(Clock.system(), null);
  private final SignedPost post;
  private HttpUrl addOrderUrl;

  /**
   * @param credentials API key and base64 secret
   * @param instrument the instrument as the adapter maps it
   * @param pairKey AssetPairs key sent as {@code pair}
   */
  public KrakenBenchAccess(Credentials credentials, Instrument instrument, String pairKey) {
    this.signer = new Signer(credentials);
    this.post = new SignedPost(signer);
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
   * What {@code KrakenRest} does on the sending thread for an AddOrder: next nonce, then the
   * adapter's own {@link SignedPost} (body, its bytes, the signature, the OkHttp request). Only the
   * final {@code newCall(request).enqueue(...)} is left out.
   */
  public Request addOrderRequest(String baseUrl, OrderRequest order) {
    if (addOrderUrl == null) {
      addOrderUrl = HttpUrl.get(baseUrl + "/0/private/AddOrder"); // KrakenRest caches it too
    }
    long nonce = nonces.next();
    return post.build(
        addOrderUrl, ADD_ORDER, nonce, b -> OrderCommands.writeOrder(b, order, market));
  }

  /** The adapter's AddOrder parser: the txid, or null when Kraken refused the order. */
  public static String addOrderTxid(byte[] body) throws IOException {
    return KrakenParse.addOrder(body).txid();
  }
}
