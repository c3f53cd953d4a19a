package io.tradeserver.nats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Signal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses the Signal JSON of DESIGN §6 from raw bytes with Jackson's streaming parser, into a {@link
 * Signal} or a {@link ParseError} with a stable reason ({@code MALFORMED_SIGNAL}, {@code
 * MISSING_FIELD}, {@code INVALID_FIELD}) and a detail naming the field. Never throws on bad input.
 *
 * <p>Rules: UTF-8 JSON object, duplicate keys refused, unknown keys ignored, {@code null} is the
 * same as absent. Decimals ({@code quantity}, {@code notional}, {@code price}) must be JSON strings
 * holding a plain decimal (a JSON number is refused: it may already have gone through a float);
 * {@code maxSlippageBps} and {@code timestamp} (epoch ms) are JSON integers. {@code side}, {@code
 * type} and {@code timeInForce} are matched ignoring case; {@code symbol} is {@code BASE-QUOTE} and
 * upper-cased. {@code strategy} falls back to the caller's default (the subject token).
 *
 * <p>Thread-safe and stateless.
 */
public final class SignalJson {
  /** Longest accepted signal id: it is echoed into headers, logs and events. */
  public static final int MAX_SIGNAL_ID_LENGTH = 128;

  // Duplicate known fields are caught by SignalFields; Jackson's strict detection built a HashSet
  // per signal (a quarter of the parse's allocation) to also catch ones that are ignored anyway.
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private SignalJson() {}

  /** The outcome of parsing: a {@link Parsed} signal or a {@link ParseError}. */
  public sealed interface Result permits Parsed, ParseError {}

  /** A valid signal. */
  public record Parsed(Signal signal) implements Result {}

  /**
   * Why the bytes are not a valid signal.
   *
   * @param reason {@code MALFORMED_SIGNAL} (not a JSON object), {@code MISSING_FIELD} or {@code
   *     INVALID_FIELD}
   * @param field the first offending field, or null for malformed JSON
   * @param detail every problem found, e.g. {@code "side must be BUY or SELL, was 'HOLD'"}
   * @param signalId the signal id when it could be read, else null
   */
  public record ParseError(RejectCode reason, String field, String detail, String signalId)
      implements Result {}

  /**
   * Writes a signal as the contract's JSON (DESIGN §6): decimals as strings, {@code exchange}
   * omitted when the router picks. The inverse of {@link #parse}; used by publishers and tests.
   */
  public static byte[] write(Signal s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256);
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("signalId", s.signalId());
      g.writeStringField("strategy", s.strategy());
      g.writeStringField("symbol", s.symbol());
      g.writeStringField("side", s.side().name());
      g.writeStringField("type", s.type().name());
      if (s.quantity() != null) {
        g.writeStringField("quantity", s.quantity().toString());
      }
      if (s.notional() != null) {
        g.writeStringField("notional", s.notional().toString());
      }
      if (s.price() != null) {
        g.writeStringField("price", s.price().toString());
      }
      if (s.exchange() != null) {
        g.writeStringField("exchange", s.exchange());
      }
      g.writeStringField("timeInForce", s.timeInForce().name());
      if (s.maxSlippageBps() != null) {
        g.writeNumberField("maxSlippageBps", s.maxSlippageBps());
      }
      if (s.timestampMillis() != 0) {
        g.writeNumberField("timestamp", s.timestampMillis());
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Parses {@code data}; {@code defaultStrategy} (may be null) is used when none is given. */
  public static Result parse(byte[] data, String defaultStrategy) {
    return parse(data, defaultStrategy, 0L);
  }

  /**
   * Parses {@code data} and stamps the signal with {@code receivedNanos} (clock nanos when it
   * arrived, 0 to let the engine stamp it).
   */
  public static Result parse(byte[] data, String defaultStrategy, long receivedNanos) {
    if (data == null || data.length == 0) {
      return new ParseError(RejectCode.MALFORMED_SIGNAL, null, "empty message", null);
    }
    SignalFields f = new SignalFields();
    try (JsonParser p = JSON.createParser(data)) {
      String error = readObject(p, f);
      if (error != null) {
        return new ParseError(RejectCode.MALFORMED_SIGNAL, null, error, f.signalIdOrNull());
      }
    } catch (IOException | RuntimeException e) {
      return new ParseError(
          RejectCode.MALFORMED_SIGNAL, null, "not valid JSON: " + firstLine(e), f.signalIdOrNull());
    }
    return f.validate(defaultStrategy, receivedNanos);
  }

  /** The raw bytes as text for a dead letter (invalid UTF-8 is replaced, never thrown). */
  public static String rawText(byte[] data) {
    return data == null ? "" : new String(data, StandardCharsets.UTF_8);
  }

  private static String readObject(JsonParser p, SignalFields f) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return "expected a JSON object";
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (!f.accept(name, v, p)) {
        p.skipChildren();
      } else if (f.duplicate() != null) {
        return "Duplicate field '" + f.duplicate() + "'";
      }
    }
    if (t != JsonToken.END_OBJECT) {
      return "expected a JSON object";
    }
    if (p.nextToken() != null) {
      return "trailing content after the JSON object";
    }
    return null;
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
