package io.tradeserver.kucoin.internal;

import io.tradeserver.spi.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;

/**
 * KuCoin request signing (https://www.kucoin.com/docs-new/authentication): {@code KC-API-SIGN} is
 * base64(HMAC-SHA256(secret, timestamp + METHOD + path-with-query + body)) over the exact body
 * bytes sent; for key versions 2 and 3 {@code KC-API-PASSPHRASE} is base64(HMAC-SHA256(secret,
 * passphrase)), computed once here. Thread-safe: one MAC and set of buffers per thread, so a
 * signature allocates only its header strings. Never shows the secret.
 */
final class KucoinSigner {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private final String apiKey;
  private final ThreadLocal<State> state;
  private final String signedPassphrase;
  private final String keyVersion;

  KucoinSigner(Credentials credentials, int apiKeyVersion) {
    this.apiKey = credentials.apiKey();
    byte[] key = credentials.secret().bytes();
    this.state = ThreadLocal.withInitial(() -> new State(key));
    this.signedPassphrase =
        BASE64.encodeToString(state.get().mac.doFinal(credentials.passphrase().bytes()));
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
    State s = state.get();
    s.update(ts);
    s.update(method);
    s.update(pathAndQuery);
    if (body != null) {
      s.mac.update(body);
    }
    request
        .header("KC-API-KEY", apiKey)
        .header("KC-API-SIGN", s.finish())
        .header("KC-API-TIMESTAMP", ts)
        .header("KC-API-PASSPHRASE", signedPassphrase)
        .header("KC-API-KEY-VERSION", keyVersion);
  }

  /** One thread's MAC and buffers. */
  private static final class State {
    final Mac mac;
    final byte[] hmac = new byte[32];
    final byte[] base64 = new byte[44];
    byte[] text = new byte[128];

    State(byte[] key) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }

    /** Feeds {@code s}'s UTF-8 bytes to the MAC, through the reused buffer when ASCII. */
    void update(String s) {
      int n = s.length();
      if (text.length < n) {
        text = new byte[Math.max(n, text.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          mac.update(s.getBytes(StandardCharsets.UTF_8));
          return;
        }
        text[i] = (byte) c;
      }
      mac.update(text, 0, n);
    }

    /** The MAC of everything fed, base64; resets the MAC. */
    String finish() {
      try {
        mac.doFinal(hmac, 0);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      int n = BASE64.encode(hmac, base64);
      return new String(base64, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public String toString() {
    return "KucoinSigner[key=****, secret=****]";
  }
}
