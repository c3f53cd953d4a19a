package io.tradeserver.kraken.internal;

import io.tradeserver.spi.Credentials;
import io.tradeserver.venue.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Kraken's {@code API-Sign}: base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce +
 * postData))), per docs.kraken.com "Spot REST Authentication". Thread-safe: one digest, MAC and set
 * of output buffers per thread, so a signature allocates only its string. The key never leaves.
 */
final class Signer {
  private final String apiKey;
  private final Hmac hmac;
  private static final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

  Signer(Credentials credentials) {
    this.apiKey = credentials.apiKey();
    this.hmac = Hmac.sha512(Base64.getDecoder().decode(credentials.secret().reveal()));
  }

  String apiKey() {
    return apiKey;
  }

  /**
   * Signs a request whose body starts with {@code nonce=<digits>}.
   *
   * @param uriPath {@code /0/private/AddOrder} as bytes
   * @param body the exact form-encoded bytes sent
   * @param nonceOffset where the nonce's digits start in {@code body}
   * @param nonceLength how many digits the nonce has
   */
  String sign(byte[] uriPath, byte[] body, int nonceOffset, int nonceLength) {
    State s = state.get();
    s.sha.update(body, nonceOffset, nonceLength);
    s.sha.update(body);
    return finish(s, uriPath);
  }

  /**
   * Signs a request.
   *
   * @param uriPath {@code /0/private/AddOrder} as bytes
   * @param nonce the nonce as ASCII digits, exactly as in the body
   * @param body the exact form-encoded bytes sent, starting with {@code nonce=...}
   */
  String sign(byte[] uriPath, byte[] nonce, byte[] body) {
    State s = state.get();
    s.sha.update(nonce);
    s.sha.update(body);
    return finish(s, uriPath);
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

  /** HMAC of {@code uriPath} and the SHA-256 fed so far, base64; resets both. */
  private String finish(State s, byte[] uriPath) {
    try {
      s.sha.digest(s.digest, 0, s.digest.length);
    } catch (DigestException e) {
      throw new IllegalStateException(e); // the buffer is SHA-256's length
    }
    return hmac.session().update(uriPath).update(s.digest).finishBase64();
  }

  /** One thread's SHA-256 and its output buffer (the MAC's are core's {@link Hmac}'s). */
  private static final class State {
    final MessageDigest sha;
    final byte[] digest = new byte[32];

    State() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 unavailable", e);
      }
    }
  }
}
