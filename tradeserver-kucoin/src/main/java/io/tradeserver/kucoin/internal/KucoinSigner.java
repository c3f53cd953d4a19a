package io.tradeserver.kucoin.internal;

import io.tradeserver.spi.Credentials;
import io.tradeserver.venue.Hmac;
import okhttp3.Request;

/**
 * KuCoin request signing (https://www.kucoin.com/docs-new/authentication): {@code KC-API-SIGN} is
 * base64(HMAC-SHA256(secret, timestamp + METHOD + path-with-query + body)) over the exact body
 * bytes sent; for key versions 2 and 3 {@code KC-API-PASSPHRASE} is base64(HMAC-SHA256(secret,
 * passphrase)), computed once here. Thread-safe: core's {@link Hmac} keeps one MAC and set of
 * buffers per thread, so a signature allocates only its header strings. Never shows the secret.
 */
final class KucoinSigner {
  private final String apiKey;
  private final Hmac hmac;
  private final String signedPassphrase;
  private final String keyVersion;

  KucoinSigner(Credentials credentials, int apiKeyVersion) {
    this.apiKey = credentials.apiKey();
    this.hmac = Hmac.sha256(credentials.secret().bytes());
    this.signedPassphrase = hmac.session().update(credentials.passphrase().bytes()).finishBase64();
    this.keyVersion = Integer.toString(apiKeyVersion);
  }

  /** Adds the five KuCoin auth headers for a request sent at {@code timestampMillis}. */
  void sign(
      Request.Builder request,
      long timestampMillis,
      String method,
      String pathAndQuery,
      byte[] body) {
    String ts = Long.toString(timestampMillis);
    Hmac.Session s = hmac.session().update(ts).update(method).update(pathAndQuery);
    if (body != null) {
      s.update(body);
    }
    request
        .header("KC-API-KEY", apiKey)
        .header("KC-API-SIGN", s.finishBase64())
        .header("KC-API-TIMESTAMP", ts)
        .header("KC-API-PASSPHRASE", signedPassphrase)
        .header("KC-API-KEY-VERSION", keyVersion);
  }

  @Override
  public String toString() {
    return "KucoinSigner[key=****, secret=****]";
  }
}
