package io.tradeserver.config;

import java.util.Objects;

/**
 * A venue's credentials as secret references ({@code venues.<venue>.credentials}). Resolved into
 * {@link io.tradeserver.spi.Credentials} by {@link SecretResolvers#resolve(CredentialRefs)} when
 * the TradeServer is built. Holds no secret, so {@link #toString()} shows the references.
 *
 * @param apiKey reference to the API key id
 * @param secret reference to the signing secret (HMAC secret or PEM private key)
 * @param passphrase reference to the passphrase (KuCoin), or null
 */
public record CredentialRefs(SecretRef apiKey, SecretRef secret, SecretRef passphrase) {
  public CredentialRefs {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
  }
}
