package io.tradeserver.binance.internal;

import io.tradeserver.model.Decimals;
import java.nio.charset.StandardCharsets;

/**
 * Builds one signed WebSocket API request (web-socket-api.md "SIGNED request security"): the
 * signature payload is every parameter except {@code signature}, <b>sorted by name</b>, as {@code
 * name=value} joined by {@code &}, UTF-8, not percent-encoded. Callers add parameters in
 * alphabetical order; the JSON carries the same values. Not thread-safe; build one per request.
 */
final class WsApiRequest {
  private final StringBuilder json = new StringBuilder(384);
  private final StringBuilder payload = new StringBuilder(256);
  private String lastName = "";

  WsApiRequest(String id, String method) {
    json.append("{\"id\":\"")
        .append(id)
        .append("\",\"method\":\"")
        .append(method)
        .append("\",\"params\":{");
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
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    json.append("\"signature\":\"");
    signer.sign(bytes, bytes.length, json, false);
    return json.append("\"}}").toString();
  }
}
