package io.tradeserver.kucoin.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Streaming JSON helpers over one shared, thread-safe {@link JsonFactory}. */
final class Json {
  static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Reads a value; the parser is positioned on the value's first token. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Handles one object field; the parser is on the value. Return false to skip the value. */
  @FunctionalInterface
  interface FieldHandler {
    boolean field(String name, JsonParser p) throws IOException;
  }

  /** Handles one array element; the parser is on the element's first token. */
  @FunctionalInterface
  interface ElementHandler {
    void element(JsonParser p) throws IOException;
  }

  /**
   * KuCoin's REST envelope {@code {"code":"200000","msg":..,"data":..}}.
   *
   * @param data the parsed data, or null when absent, null, or the code is an error
   */
  record Envelope<T>(String code, String msg, T data) {}

  /** Parses an envelope in one pass; {@code reader} sees the data value when present. */
  static <T> Envelope<T> envelope(byte[] body, Reader<T> reader) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "response is not a JSON object");
      }
      String code = null;
      String msg = null;
      T data = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("code")) {
          code = text(p);
        } else if (name.equals("msg")) {
          msg = text(p);
        } else if (name.equals("data") && t != JsonToken.VALUE_NULL) {
          data = reader.read(p);
        } else {
          p.skipChildren();
        }
      }
      return new Envelope<>(code, msg, data);
    }
  }

  /** Visits the fields of the object the parser is on. */
  static void fields(JsonParser p, FieldHandler h) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(p, "expected an object, got " + p.currentToken());
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!h.field(name, p)) {
        p.skipChildren();
      }
    }
  }

  /** Visits the elements of the array the parser is on. */
  static void elements(JsonParser p, ElementHandler h) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "expected an array, got " + p.currentToken());
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      h.element(p);
    }
  }

  /** The scalar value as text, or null for JSON null. */
  static String text(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
  }

  /** A long from a number or a numeric string; 0 for null. */
  static long longValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    String s = p.getValueAsString();
    if (s == null || s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new JsonParseException(p, "not an integer: " + s);
    }
  }

  /** A boolean from a JSON boolean or a "true"/"false" string. */
  static boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    return "true".equals(p.getValueAsString());
  }
}
