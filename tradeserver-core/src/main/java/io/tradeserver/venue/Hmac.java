package io.tradeserver.venue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC for request signing, with one initialised {@link Mac} and set of output buffers per thread,
 * so signing a request allocates at most its encoded signature string. What each venue adapter
 * signs with (Binance hex, KuCoin and Kraken base64). Instances are thread-safe; the key never
 * leaves this object ({@link #toString()} does not show it).
 */
public final class Hmac {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private final String algorithm;
  private final ThreadLocal<Session> sessions;

  private Hmac(String algorithm, byte[] key) {
    this.algorithm = algorithm;
    byte[] copy = key.clone();
    this.sessions = ThreadLocal.withInitial(() -> new Session(algorithm, copy));
    sessions.get(); // fail fast on a bad key
  }

  public static Hmac sha256(byte[] key) {
    return new Hmac("HmacSHA256", key);
  }

  public static Hmac sha512(byte[] key) {
    return new Hmac("HmacSHA512", key);
  }

  /**
   * This thread's session: feed it the message, then call one of its {@code finish} methods, which
   * also resets it for the next message.
   */
  public Session session() {
    return sessions.get();
  }

  @Override
  public String toString() {
    return "Hmac[" + algorithm + ", key=****]";
  }

  /** One thread's MAC and buffers. Used on that thread only, one message at a time. */
  public static final class Session {
    private final Mac mac;
    private final byte[] out;
    private final byte[] base64;
    private byte[] text = new byte[128];

    private Session(String algorithm, byte[] key) {
      try {
        mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(algorithm + " unavailable", e);
      }
      out = new byte[mac.getMacLength()];
      base64 = new byte[(out.length + 2) / 3 * 4];
    }

    public Session update(byte[] bytes) {
      mac.update(bytes);
      return this;
    }

    public Session update(byte[] bytes, int offset, int length) {
      mac.update(bytes, offset, length);
      return this;
    }

    /** Feeds {@code s}'s UTF-8 bytes, through a reused buffer when it is ASCII. */
    public Session update(String s) {
      int n = s.length();
      if (text.length < n) {
        text = new byte[Math.max(n, text.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          mac.update(s.getBytes(StandardCharsets.UTF_8));
          return this;
        }
        text[i] = (byte) c;
      }
      mac.update(text, 0, n);
      return this;
    }

    /**
     * The MAC of everything fed since the last finish, in this session's own buffer: read it before
     * the next finish on this thread.
     */
    public byte[] finish() {
      try {
        mac.doFinal(out, 0);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e); // the buffer is the MAC's length
      }
      return out;
    }

    /** Appends the MAC as lower-case hex to {@code sb}. */
    public void finishHex(StringBuilder sb) {
      for (byte b : finish()) {
        sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }

    /** The MAC in standard base64 with padding. */
    public String finishBase64() {
      int n = BASE64.encode(finish(), base64);
      return new String(base64, 0, n, StandardCharsets.ISO_8859_1);
    }
  }
}
