package io.tradeserver.bench.load;

import java.io.ByteArrayOutputStream;

/**
 * The raw baseline's view of a venue's new-order endpoint: the complete signed HTTP/1.1 request for
 * an order, and the verdict on the answer. Implementations call the adapter's own body writer,
 * signer and parser, so the baseline differs from the adapter only in transport. One instance per
 * slot thread (not thread-safe).
 */
public interface WireCodec {
  /** Appends request line, headers and body for order {@code seq}. */
  void writeRequest(long seq, ByteArrayOutputStream out);

  /** Null when the answer accepts the order, else a short reason. */
  String verdict(int status, byte[] body);
}
