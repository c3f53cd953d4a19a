package io.tradeserver.kraken.internal;

import io.tradeserver.spi.Credentials;
import io.tradeserver.venue.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Kraken's {@code API-Sign}: base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce +
 * postData))), per docs.kraken.com "Spot REST Authentication". Thread-safe; the key never leaves.
 */
final class Signer {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("SHA-256 unavailable", e);
            }
          });

  private final String apiKey;
  private final Hmac hmac;

  Signer(Credentials credentials) {
    this.apiKey = credentials.apiKey();
    this.hmac = Hmac.sha512(Base64.getDecoder().decode(credentials.secret().reveal()));
  }

  String apiKey() {
    return apiKey;
  }

  /**
   * Signs a request.
   *
   * @param uriPath {@code /0/private/AddOrder} as bytes
   * @param nonce the nonce as ASCII digits, exactly as in the body
   * @param body the exact form-encoded bytes sent, starting with {@code nonce=...}
   */
  String sign(byte[] uriPath, byte[] nonce, byte[] body) {
    MessageDigest sha = SHA256.get();
    sha.reset();
    sha.update(nonce);
    sha.update(body);
    byte[] digest = sha.digest();
    return Base64.getEncoder().encodeToString(hmac.sign(uriPath, digest));
  }

  /** Convenience for tests and one-off use. */
  String sign(String uriPath, String nonce, String body) {
    return sign(
        uriPath.getBytes(StandardCharsets.US_ASCII),
        nonce.getBytes(StandardCharsets.US_ASCII),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Signer[****]";
  }
}
