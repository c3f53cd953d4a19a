package io.tradeserver.bench.mock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the mock venue received it. Immutable after parsing. */
public final class MockRequest {
  private final String method;
  private final String path;
  private final String query;
  private final List<String[]> headers;
  private final byte[] body;
  private Map<String, String> params; // parsed once, on first use

  /** A request built by hand (an in-process transport), {@code target} with its query string. */
  public static MockRequest of(String method, String target, List<String[]> headers, byte[] body) {
    return new MockRequest(method, target, headers, body);
  }

  MockRequest(String method, String target, List<String[]> headers, byte[] body) {
    this.method = method;
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    this.query = q < 0 ? "" : target.substring(q + 1);
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  /** The path without the query string. */
  public String path() {
    return path;
  }

  /** The raw query string (no '?'), or empty. */
  public String query() {
    return query;
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** First value of a header (case-insensitive name), or null. */
  public String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  /** Decoded {@code application/x-www-form-urlencoded} pairs of the query and the body. */
  public Map<String, String> params() {
    if (params == null) {
      params = parseParams();
    }
    return params;
  }

  private Map<String, String> parseParams() {
    Map<String, String> out = new LinkedHashMap<>();
    decode(query, out);
    String type = header("Content-Type");
    if (body.length > 0
        && (type == null || type.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded"))) {
      decode(bodyText(), out);
    }
    return out;
  }

  static void decode(String form, Map<String, String> out) {
    if (form.isEmpty()) {
      return;
    }
    int start = 0;
    while (start <= form.length()) {
      int amp = form.indexOf('&', start);
      String pair = form.substring(start, amp < 0 ? form.length() : amp);
      start = amp < 0 ? form.length() + 1 : amp + 1;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(unescape(k), unescape(v));
    }
  }

  private static String unescape(String s) {
    return s.indexOf('%') < 0 && s.indexOf('+') < 0
        ? s
        : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public List<String[]> headers() {
    return new ArrayList<>(headers);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
