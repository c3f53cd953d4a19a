package io.tradeserver.kraken.internal;

import io.tradeserver.spi.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kraken's {@code API-Sign}: base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce +
 * postData))), per docs.kraken.com "Spot REST Authentication". Thread-safe: one digest, MAC and set
 * of output buffers per thread, so a signature allocates only its string. The key never leaves.
 */
final class Signer {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final String apiKey;
  private final ThreadLocal<State> state;

  Signer(Credentials credentials) {
    this.apiKey = credentials.apiKey();
    byte[] key = Base64.getDecoder().decode(credentials.secret().reveal());
    this.state = ThreadLocal.withInitial(() -> new State(key));
    state.get(); // fail fast on a bad key
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
    return s.finish(uriPath);
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
    return s.finish(uriPath);
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

  /** One thread's digest, MAC and buffers. */
  private static final class State {
    final MessageDigest sha;
    final Mac mac;
    final byte[] digest = new byte[32];
    final byte[] hmac = new byte[64];
    final byte[] base64 = new byte[88];

    State(byte[] key) {
      try {
        sha = MessageDigest.getInstance("SHA-256");
        mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(key, "HmacSHA512"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 / HmacSHA512 unavailable", e);
      }
    }

    /** HMAC of {@code uriPath} and the SHA-256 fed so far, base64; resets both. */
    String finish(byte[] uriPath) {
      try {
        sha.digest(digest, 0, digest.length);
        mac.update(uriPath);
        mac.update(digest);
        mac.doFinal(hmac, 0);
      } catch (DigestException | ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      int n = BASE64.encode(hmac, base64);
      return new String(base64, 0, n, StandardCharsets.ISO_8859_1);
    }
  }
}
