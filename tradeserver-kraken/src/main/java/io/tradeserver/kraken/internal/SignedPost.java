package io.tradeserver.kraken.internal;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds one signed private POST: {@code nonce=<n>} then the call's fields in a reused builder, the
 * body's bytes (signed and sent as they are), {@code API-Sign} over them, and the OkHttp request.
 * Not thread-safe: {@link KrakenRest} uses one under its send lock.
 */
final class SignedPost {
  static final String USER_AGENT = "tradeserver-kraken/0.1";
  private static final MediaType FORM =
      MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
  private static final String NONCE = "nonce=";

  private final Signer signer;
  private final StringBuilder body = new StringBuilder(256);

  SignedPost(Signer signer) {
    this.signer = signer;
  }

  /**
   * The request for {@code url}.
   *
   * @param path the URI path as bytes, as signed ({@code /0/private/AddOrder})
   * @param params appends {@code &key=value} pairs (see {@link Form}) after the nonce
   */
  Request build(HttpUrl url, byte[] path, long nonce, Consumer<StringBuilder> params) {
    body.setLength(0);
    body.append(NONCE).append(nonce);
    int nonceLength = body.length() - NONCE.length();
    params.accept(body);
    byte[] bytes = utf8(body);
    String sign = signer.sign(path, bytes, NONCE.length(), nonceLength);
    return new Request.Builder()
        .url(url)
        .header("API-Key", signer.apiKey())
        .header("API-Sign", sign)
        .header("User-Agent", USER_AGENT)
        .post(RequestBody.create(bytes, FORM))
        .build();
  }

  /**
   * UTF-8 bytes of {@code s} in one copy when it is ASCII, as a {@link Form}-encoded body always is
   * (no intermediate String).
   */
  static byte[] utf8(CharSequence s) {
    int n = s.length();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
      }
      out[i] = (byte) c;
    }
    return out;
  }
}
