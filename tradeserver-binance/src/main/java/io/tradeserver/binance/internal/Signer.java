package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.spi.Credentials;

/**
 * Signs the exact payload bytes a request sends. Implementations are thread-safe and keep their key
 * out of {@link Object#toString()}.
 */
public interface Signer {

  /**
   * Appends the signature of {@code payload[0, length)} to {@code out}.
   *
   * @param urlEncode percent-encode the signature (REST query or form body); false for JSON
   */
  void sign(byte[] payload, int length, StringBuilder out, boolean urlEncode);

  /** A signer for the configured key type. */
  static Signer of(BinanceConfig.KeyType type, Credentials credentials) {
    return type == BinanceConfig.KeyType.ED25519
        ? new Ed25519Signer(credentials.secret())
        : new HmacSigner(credentials.secret());
  }
}
