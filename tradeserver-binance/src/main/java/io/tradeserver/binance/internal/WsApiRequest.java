package io.tradeserver.binance.internal;

import io.tradeserver.model.Decimals;
import java.nio.charset.StandardCharsets;

/**
 * Builds one signed WebSocket API request (web-socket-api.md "SIGNED request security"): the
 * signature payload is every parameter except {@code signature}, <b>sorted by name</b>, as {@code
 * name=value} joined by {@code &}, UTF-8, not percent-encoded. Callers add parameters in
 * alphabetical order; the JSON carries the same values. Not thread-safe: build one per request, or
 * reuse the calling thread's ({@link #local}) on the order path.
 */
final class WsApiRequest {
  private static final ThreadLocal<WsApiRequest> LOCAL = ThreadLocal.withInitial(WsApiRequest::new);
  private final StringBuilder json = new StringBuilder(384);
  private final StringBuilder payload = new StringBuilder(256);
  private byte[] bytes = new byte[256];
  private String lastName = "";

  private WsApiRequest() {}

  WsApiRequest(String id, String method) {
    start(id, method);
  }

  /**
   * The calling thread's request builder, reset for a new request: its buffers are reused, so
   * building a request allocates only the finished JSON string. Valid until the thread's next call.
   */
  static WsApiRequest local(String id, String method) {
    WsApiRequest r = LOCAL.get();
    r.json.setLength(0);
    r.payload.setLength(0);
    r.lastName = "";
    return r.start(id, method);
  }

  private WsApiRequest start(String id, String method) {
    json.append("{\"id\":\"")
        .append(id)
        .append("\",\"method\":\"")
        .append(method)
        .append("\",\"params\":{");
    return this;
  }

  WsApiRequest str(String name, CharSequence value) {
    key(name);
    payload.append(value);
    json.append('"');
    escape(value);
    json.append("\",");
    return this;
  }

  WsApiRequest num(String name, long value) {
    key(name);
    payload.append(value);
    json.append(value).append(',');
    return this;
  }

  /** A decimal sent as a JSON string with exactly {@code scale} decimals. */
  WsApiRequest dec(String name, long units, int scale) {
    key(name);
    int mark = payload.length();
    Decimals.format(units, scale, payload);
    json.append('"').append(payload, mark, payload.length()).append("\",");
    return this;
  }

  private void key(String name) {
    if (name.compareTo(lastName) <= 0) {
      throw new IllegalStateException("WebSocket API params must be added in order: " + name);
    }
    lastName = name;
    if (payload.length() > 0) {
      payload.append('&');
    }
    payload.append(name).append('=');
    json.append('"').append(name).append("\":");
  }

  private void escape(CharSequence v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\');
      }
      json.append(c);
    }
  }

  /** The signature payload as sent to the signer (for tests). */
  String payload() {
    return payload.toString();
  }

  /** Signs and closes the JSON. */
  String signed(Signer signer) {
    byte[] signed = payloadBytes();
    int length = signed == bytes ? payload.length() : signed.length;
    json.append("\"signature\":\"");
    signer.sign(signed, length, json, false);
    return json.append("\"}}").toString();
  }

  /**
   * Closes the JSON without {@code apiKey} or signature: for a connection authenticated by {@code
   * session.logon} (web-socket-api.md "Session Authentication"; the timestamp is still sent).
   */
  String unsigned() {
    json.setLength(json.length() - 1); // the last parameter's comma
    return json.append("}}").toString();
  }

  /**
   * The payload's UTF-8 bytes: copied into the reused buffer when ASCII (the usual case), else a
   * new array.
   */
  private byte[] payloadBytes() {
    int n = payload.length();
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, bytes.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      char c = payload.charAt(i);
      if (c >= 0x80) {
        return payload.toString().getBytes(StandardCharsets.UTF_8);
      }
      bytes[i] = (byte) c;
    }
    return bytes;
  }
}
