package io.tradeserver.binance.internal;

import io.tradeserver.spi.Secret;
import io.tradeserver.venue.Hmac;

/**
 * HMAC-SHA256 over the payload, lower-case hex (Binance accepts either case). Core's {@link Hmac}
 * keeps one MAC and output buffer per thread, so signing allocates nothing.
 */
final class HmacSigner implements Signer {
  private final Hmac hmac;

  HmacSigner(Secret secret) {
    this.hmac = Hmac.sha256(secret.bytes());
  }

  @Override
  public void sign(byte[] payload, int length, StringBuilder out, boolean urlEncode) {
    hmac.session().update(payload, 0, length).finishHex(out);
  }

  @Override
  public String toString() {
    return "HmacSigner[key=****]";
  }
}
