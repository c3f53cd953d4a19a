package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.model.Decimals;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.io.IOException;

/** Streaming-JSON helpers shared by the parse classes: one factory, no per-call mappers. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  static JsonParser parser(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }

  static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /** Advances to the value of the next field and returns the field name, or null at object end. */
  static String nextField(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = p.currentName();
    p.nextToken();
    return name;
  }

  /** Text of the current scalar, or null for JSON null. */
  static String text(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
  }

  static long longValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      return Long.parseLong(p.getText().trim());
    }
    return 0;
  }

  /** The current string value parsed exactly at {@code scale}, without building a String. */
  static long units(JsonParser p, int scale) throws IOException {
    return Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), scale);
  }

  static Price price(String text, int scale) {
    return text == null ? null : Price.parse(text, scale);
  }

  static Quantity quantity(String text, int scale) {
    return text == null ? null : Quantity.parse(text, scale);
  }

  /** A quantity at its own natural scale (balances, fees). */
  static Quantity natural(String text) {
    return text == null ? null : Quantity.parse(text);
  }
}
