package io.tradeserver.venue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signing with one {@link Mac} per thread and key, initialised once. Instances are
 * thread-safe; the key never leaves this object ({@link #toString()} does not show it).
 */
public final class Hmac {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final ThreadLocal<Mac> mac;
  private final String algorithm;

  private Hmac(String algorithm, byte[] key) {
    this.algorithm = algorithm;
    byte[] copy = key.clone();
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance(algorithm);
                m.init(new SecretKeySpec(copy, algorithm));
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " unavailable", e);
              }
            });
    mac.get(); // fail fast on a bad key
  }

  public static Hmac sha256(byte[] key) {
    return new Hmac("HmacSHA256", key);
  }

  public static Hmac sha512(byte[] key) {
    return new Hmac("HmacSHA512", key);
  }

  /** Raw MAC of {@code data}. */
  public byte[] sign(byte[] data) {
    return mac.get().doFinal(data);
  }

  /** MAC of {@code data}'s UTF-8 bytes. */
  public byte[] sign(String data) {
    return sign(data.getBytes(StandardCharsets.UTF_8));
  }

  /** MAC of the concatenation of parts, without building the concatenation. */
  public byte[] sign(byte[]... parts) {
    Mac m = mac.get();
    for (byte[] p : parts) {
      m.update(p);
    }
    return m.doFinal();
  }

  public String signHex(String data) {
    return hex(sign(data));
  }

  public String signBase64(String data) {
    return Base64.getEncoder().encodeToString(sign(data));
  }

  /** Lower-case hex. */
  public static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** SHA-256 digest. */
  public static byte[] sha256Digest(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "Hmac[" + algorithm + ", key=****]";
  }
}
