package io.tradeserver.kucoin.internal;

import io.tradeserver.spi.Credentials;
import io.tradeserver.venue.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Request;

/**
 * KuCoin request signing (https://www.kucoin.com/docs-new/authentication): {@code KC-API-SIGN} is
 * base64(HMAC-SHA256(secret, timestamp + METHOD + path-with-query + body)) over the exact body
 * bytes sent; for key versions 2 and 3 {@code KC-API-PASSPHRASE} is base64(HMAC-SHA256(secret,
 * passphrase)), computed once here. Thread-safe; never shows the secret.
 */
final class KucoinSigner {
  private final String apiKey;
  private final Hmac hmac;
  private final String signedPassphrase;
  private final String keyVersion;

  KucoinSigner(Credentials credentials, int apiKeyVersion) {
    this.apiKey = credentials.apiKey();
    this.hmac = Hmac.sha256(credentials.secret().bytes());
    this.signedPassphrase =
        Base64.getEncoder().encodeToString(hmac.sign(credentials.passphrase().bytes()));
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
    byte[] mac =
        hmac.sign(
            ascii(ts),
            ascii(method),
            pathAndQuery.getBytes(StandardCharsets.UTF_8),
            body == null ? new byte[0] : body);
    request
        .header("KC-API-KEY", apiKey)
        .header("KC-API-SIGN", Base64.getEncoder().encodeToString(mac))
        .header("KC-API-TIMESTAMP", ts)
        .header("KC-API-PASSPHRASE", signedPassphrase)
        .header("KC-API-KEY-VERSION", keyVersion);
  }

  private static byte[] ascii(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) s.charAt(i);
    }
    return out;
  }

  @Override
  public String toString() {
    return "KucoinSigner[key=****, secret=****]";
  }
}
