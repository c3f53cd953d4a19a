package io.tradeserver.binance.internal;

import io.tradeserver.spi.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 (JDK EdDSA) over the payload, base64-encoded; percent-encoded when it goes into a URL or
 * form body (Binance: "Percent-encode the base64 string"). The secret is a PKCS#8 PEM private key.
 */
public final class Ed25519Signer implements Signer {
  private final ThreadLocal<Signature> signature;

  Ed25519Signer(Secret secret) {
    PrivateKey key = parse(secret);
    this.signature =
        ThreadLocal.withInitial(
            () -> {
              try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                return s;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 unavailable", e);
              }
            });
  }

  /** True when {@code secret} is a PKCS#8 PEM (or bare base64 DER) Ed25519 private key. */
  public static boolean isValidKey(Secret secret) {
    try {
      parse(secret);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static PrivateKey parse(Secret secret) {
    String pem = secret.reveal();
    StringBuilder b64 = new StringBuilder(pem.length());
    for (String line : pem.split("\\R")) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("-----")) {
        b64.append(t);
      }
    }
    try {
      byte[] der = Base64.getDecoder().decode(b64.toString());
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Never include the key material in the message.
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
    }
  }

  @Override
  public void sign(byte[] payload, int length, StringBuilder out, boolean urlEncode) {
    byte[] sig;
    try {
      Signature s = signature.get();
      s.update(payload, 0, length);
      sig = s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    String b64 = Base64.getEncoder().encodeToString(sig);
    if (urlEncode) {
      Percent.encode(b64, out);
    } else {
      out.append(b64);
    }
  }

  @Override
  public String toString() {
    return "Ed25519Signer[key=****]";
  }
}
