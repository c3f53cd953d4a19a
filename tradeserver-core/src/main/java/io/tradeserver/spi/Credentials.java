package io.tradeserver.spi;

import java.util.Objects;

/**
 * Resolved venue credentials. {@link #toString()} shows only a masked key id.
 *
 * @param apiKey the key id (not secret on its own, but masked anyway)
 * @param secret the signing secret (HMAC secret, or a PEM private key for Ed25519)
 * @param passphrase KuCoin's passphrase, or null
 */
public record Credentials(String apiKey, Secret secret, Secret passphrase) {
  public Credentials {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
  }

  public static Credentials of(String apiKey, String secret) {
    return new Credentials(apiKey, Secret.of(secret), null);
  }

  public static Credentials of(String apiKey, String secret, String passphrase) {
    return new Credentials(apiKey, Secret.of(secret), Secret.of(passphrase));
  }

  /** The key with all but its last four characters hidden. */
  public String maskedKey() {
    return apiKey.length() <= 4 ? "****" : "****" + apiKey.substring(apiKey.length() - 4);
  }

  @Override
  public String toString() {
    return "Credentials[apiKey="
        + maskedKey()
        + ", secret=****"
        + (passphrase == null ? "" : ", passphrase=****")
        + "]";
  }
}
