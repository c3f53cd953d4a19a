package io.tradeserver.bench.mock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The answer a venue personality fills in; written as one HTTP/1.1 response with a length. */
public final class MockResponse {
  private static final byte[] CRLF = {'\r', '\n'};
  private static volatile String[] date = {"", ""};

  private int status = 200;
  private String reason = "OK";
  private final List<String[]> headers = new ArrayList<>(8);
  private byte[] body = new byte[0];

  public MockResponse status(int code, String text) {
    status = code;
    reason = text;
    return this;
  }

  public MockResponse header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  public MockResponse json(String text) {
    return json(text.getBytes(StandardCharsets.UTF_8));
  }

  public MockResponse json(byte[] bytes) {
    body = bytes;
    return this;
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body;
  }

  /** The personality's headers as name/value pairs. */
  public List<String[]> headers() {
    return new ArrayList<>(headers);
  }

  public String reason() {
    return reason;
  }

  public String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  /** Status line, the personality's headers, Date and Content-Length, then the body. */
  void writeTo(ByteArrayOutputStream out) {
    ascii(out, "HTTP/1.1 " + status + " " + reason);
    out.write(CRLF, 0, 2);
    for (String[] h : headers) {
      ascii(out, h[0]);
      out.write(':');
      out.write(' ');
      ascii(out, h[1]);
      out.write(CRLF, 0, 2);
    }
    ascii(out, "Date: " + httpDate());
    out.write(CRLF, 0, 2);
    ascii(out, "Content-Length: " + body.length);
    out.write(CRLF, 0, 2);
    out.write(CRLF, 0, 2);
    out.write(body, 0, body.length);
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }

  /** RFC 7231 date, formatted at most once a second. */
  private static String httpDate() {
    String second = Long.toString(System.currentTimeMillis() / 1000);
    String[] d = date;
    if (!second.equals(d[0])) {
      d =
          new String[] {
            second, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
          };
      date = d;
    }
    return d[1];
  }
}
