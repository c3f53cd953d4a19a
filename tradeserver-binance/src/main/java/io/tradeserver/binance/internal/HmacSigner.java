package io.tradeserver.binance.internal;

import io.tradeserver.spi.Secret;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over the payload, lower-case hex (Binance accepts either case). One {@link Mac} and
 * output buffer per thread, so signing allocates nothing.
 */
final class HmacSigner implements Signer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final ThreadLocal<State> state;

  HmacSigner(Secret secret) {
    byte[] key = secret.bytes();
    this.state =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return new State(mac);
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
              }
            });
    state.get(); // fail fast on a bad key
  }

  @Override
  public void sign(byte[] payload, int length, StringBuilder out, boolean urlEncode) {
    State s = state.get();
    s.mac.update(payload, 0, length);
    try {
      s.mac.doFinal(s.digest, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    for (byte b : s.digest) {
      out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
  }

  @Override
  public String toString() {
    return "HmacSigner[key=****]";
  }

  private static final class State {
    final Mac mac;
    final byte[] digest = new byte[32];

    State(Mac mac) {
      this.mac = mac;
    }
  }
}
