package io.tradeserver.event;

/** Connection lifecycle as reported in {@link ConnectionEvent}. */
public enum ConnectionState {
  CONNECTED,
  DISCONNECTED,
  /** Back after a gap: anything sent during the gap may have been missed. */
  RECONNECTED,
  /** Replaced by a fresh connection before a venue limit (e.g. 24 h), without a gap. */
  ROTATED
}
