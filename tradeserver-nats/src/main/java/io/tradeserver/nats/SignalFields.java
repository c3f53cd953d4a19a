package io.tradeserver.nats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.nats.SignalJson.ParseError;
import io.tradeserver.nats.SignalJson.Parsed;
import io.tradeserver.nats.SignalJson.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of one signal as read from JSON, then validated into a {@link Signal}. Collects every
 * problem so one dead letter tells the strategy all that is wrong.
 */
final class SignalFields {
  private static final Object WRONG_TYPE = new Object();

  private Object signalId;
  private Object strategy;
  private Object symbol;
  private Object side;
  private Object type;
  private Object quantity;
  private Object notional;
  private Object price;
  private Object exchange;
  private Object timeInForce;
  private Object maxSlippageBps;
  private Object timestamp;

  private final List<String> missing = new ArrayList<>(2);
  private final List<String> invalid = new ArrayList<>(2);
  private int seen; // one bit per known field read
  private String duplicate;
  private String firstMissing;
  private String firstInvalid;

  /**
   * Reads the value of a known field; false for an unknown one (the caller skips it). A known field
   * given twice is remembered as {@link #duplicate()}: its two values would be ambiguous.
   */
  boolean accept(String name, JsonToken v, JsonParser p) throws IOException {
    int bit;
    switch (name) {
      case "signalId" -> {
        bit = 1;
        signalId = string(v, p);
      }
      case "strategy" -> {
        bit = 1 << 1;
        strategy = string(v, p);
      }
      case "symbol" -> {
        bit = 1 << 2;
        symbol = string(v, p);
      }
      case "side" -> {
        bit = 1 << 3;
        side = string(v, p);
      }
      case "type" -> {
        bit = 1 << 4;
        type = string(v, p);
      }
      case "quantity" -> {
        bit = 1 << 5;
        quantity = string(v, p);
      }
      case "notional" -> {
        bit = 1 << 6;
        notional = string(v, p);
      }
      case "price" -> {
        bit = 1 << 7;
        price = string(v, p);
      }
      case "exchange" -> {
        bit = 1 << 8;
        exchange = string(v, p);
      }
      case "timeInForce" -> {
        bit = 1 << 9;
        timeInForce = string(v, p);
      }
      case "maxSlippageBps" -> {
        bit = 1 << 10;
        maxSlippageBps = integer(v, p);
      }
      case "timestamp" -> {
        bit = 1 << 11;
        timestamp = integer(v, p);
      }
      default -> {
        return false;
      }
    }
    if ((seen & bit) != 0 && duplicate == null) {
      duplicate = name;
    }
    seen |= bit;
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    return true;
  }

  /** The first known field the JSON gave twice, or null. */
  String duplicate() {
    return duplicate;
  }

  private static Object string(JsonToken v, JsonParser p) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    return v == JsonToken.VALUE_STRING ? p.getText() : WRONG_TYPE;
  }

  private static Object integer(JsonToken v, JsonParser p) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.VALUE_NUMBER_INT) {
      return WRONG_TYPE;
    }
    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? WRONG_TYPE : p.getLongValue();
  }

  String signalIdOrNull() {
    return signalId instanceof String s
            && !s.isBlank()
            && s.length() <= SignalJson.MAX_SIGNAL_ID_LENGTH
        ? s.strip()
        : null;
  }

  Result validate(String defaultStrategy, long receivedNanos) {
    String id = text("signalId", signalId, true);
    if (id != null && id.length() > SignalJson.MAX_SIGNAL_ID_LENGTH) {
      invalid("signalId", "signalId is longer than " + SignalJson.MAX_SIGNAL_ID_LENGTH);
    }
    String strat = text("strategy", strategy, false);
    String sym = symbol();
    Side sd = enumValue("side", side, Side.class, "BUY or SELL");
    OrderType ot = enumValue("type", type, OrderType.class, "LIMIT, MARKET or LIMIT_MAKER");
    Quantity qty = decimal("quantity", quantity);
    Quantity ntl = decimal("notional", notional);
    Price px = priceValue();
    String ex = text("exchange", exchange, false);
    TimeInForce tif = enumValue("timeInForce", timeInForce, TimeInForce.class, "GTC, IOC or FOK");
    Integer slip = slippage();
    long ts = timestamp();
    checkSize();
    if (ot != null && ot != OrderType.MARKET && price == null) {
      missing("price", "price is required for " + ot);
    }
    if (!missing.isEmpty() || !invalid.isEmpty()) {
      return error(id);
    }
    try {
      Signal s =
          new Signal(
              id,
              strat != null ? strat : defaultStrategy,
              sym,
              sd,
              ot,
              qty,
              ntl,
              px,
              ex,
              tif,
              slip,
              ts,
              null,
              receivedNanos);
      return new Parsed(s);
    } catch (IllegalArgumentException e) { // a rule of Signal's own not checked above
      return new ParseError(RejectCode.INVALID_FIELD, null, e.getMessage(), id);
    }
  }

  private ParseError error(String id) {
    List<String> all = new ArrayList<>(missing);
    all.addAll(invalid);
    return missing.isEmpty()
        ? new ParseError(
            RejectCode.INVALID_FIELD, firstInvalid, String.join("; ", all), signalIdOrNull())
        : new ParseError(
            RejectCode.MISSING_FIELD, firstMissing, String.join("; ", all), signalIdOrNull());
  }

  private String text(String field, Object v, boolean required) {
    if (v == null) {
      if (required) {
        missing(field, field + " is required");
      }
      return null;
    }
    if (v == WRONG_TYPE) {
      invalid(field, field + " must be a string");
      return null;
    }
    String s = ((String) v).strip();
    if (s.isEmpty()) {
      if (required) {
        missing(field, field + " is required (was blank)");
      }
      return null;
    }
    return s;
  }

  private String symbol() {
    String s = text("symbol", symbol, true);
    if (s == null) {
      return null;
    }
    String upper = s.toUpperCase(Locale.ROOT);
    if (!isBaseDashQuote(upper)) {
      invalid("symbol", "symbol must be BASE-QUOTE, was '" + s + "'");
      return null;
    }
    return upper;
  }

  /** {@code [A-Z0-9]+-[A-Z0-9]+}, without a regex matcher per signal. */
  private static boolean isBaseDashQuote(String s) {
    int dash = s.indexOf('-');
    if (dash <= 0 || dash == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i != dash && !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private <E extends Enum<E>> E enumValue(String field, Object v, Class<E> type, String allowed) {
    boolean required = type != TimeInForce.class;
    String s = text(field, v, required);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      invalid(field, field + " must be " + allowed + ", was '" + s + "'");
      return null;
    }
  }

  private Quantity decimal(String field, Object v) {
    if (v == WRONG_TYPE) {
      invalid(field, field + " must be a decimal string, e.g. \"0.0100\"");
      return null;
    }
    String s = text(field, v, false);
    if (s == null) {
      return null;
    }
    try {
      Quantity q = Quantity.parse(s);
      if (!q.isPositive()) {
        invalid(field, field + " must be > 0, was '" + s + "'");
        return null;
      }
      return q;
    } catch (RuntimeException e) {
      invalid(field, field + " is not a plain decimal: '" + s + "'");
      return null;
    }
  }

  private Price priceValue() {
    Quantity q = decimal("price", price);
    return q == null ? null : Price.of(q.units(), q.scale());
  }

  private void checkSize() {
    if (quantity == null && notional == null) {
      missing("quantity", "one of quantity or notional is required");
    } else if (quantity != null && notional != null) {
      invalid("quantity", "give quantity or notional, not both");
    }
  }

  private Integer slippage() {
    if (maxSlippageBps == null) {
      return null;
    }
    if (maxSlippageBps == WRONG_TYPE
        || (long) maxSlippageBps < 0
        || (long) maxSlippageBps > 10_000) {
      invalid("maxSlippageBps", "maxSlippageBps must be an integer 0..10000");
      return null;
    }
    return (int) (long) maxSlippageBps;
  }

  private long timestamp() {
    if (timestamp == null) {
      return 0;
    }
    if (timestamp == WRONG_TYPE || (long) timestamp < 0) {
      invalid("timestamp", "timestamp must be a non-negative integer (epoch ms)");
      return 0;
    }
    return (long) timestamp;
  }

  private void missing(String field, String problem) {
    missing.add(problem);
    if (firstMissing == null) {
      firstMissing = field;
    }
  }

  private void invalid(String field, String problem) {
    invalid.add(problem);
    if (firstInvalid == null) {
      firstInvalid = field;
    }
  }
}
