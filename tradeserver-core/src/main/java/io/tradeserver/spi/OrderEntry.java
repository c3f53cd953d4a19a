package io.tradeserver.spi;

/** Which path orders take to a venue. */
public enum OrderEntry {
  REST,
  /** The venue's WebSocket order API, where it has one: lower latency, same semantics. */
  WEBSOCKET
}
