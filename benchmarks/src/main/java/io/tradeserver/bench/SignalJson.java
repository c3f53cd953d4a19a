package io.tradeserver.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import java.io.IOException;

/**
 * Reads a DESIGN §6 signal from JSON bytes with Jackson's streaming parser straight into {@link
 * Signal} (decimals parsed exactly from their strings). It stands in for the NATS bridge's codec in
 * the "signal JSON to signed request" benchmark until that codec is on main; it does the same work:
 * one pass over the bytes, one Signal.
 */
public final class SignalJson {
  private static final JsonFactory JSON = new JsonFactory();

  private SignalJson() {}

  public static Signal parse(byte[] json) throws IOException {
    Signal.Builder b = Signal.builder();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a signal is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (field) {
          case "signalId" -> b.signalId(p.getText());
          case "strategy" -> b.strategy(p.getText());
          case "symbol" -> b.symbol(p.getText());
          case "side" -> b.side(Side.valueOf(p.getText()));
          case "type" -> b.type(OrderType.valueOf(p.getText()));
          case "quantity" -> b.quantity(p.getText());
          case "notional" -> b.notional(Quantity.parse(p.getText()));
          case "price" -> b.price(p.getText());
          case "exchange" -> b.exchange(p.getText());
          case "timeInForce" -> b.timeInForce(TimeInForce.valueOf(p.getText()));
          case "maxSlippageBps" -> b.maxSlippageBps(p.getIntValue());
          case "timestamp" -> b.timestampMillis(p.getLongValue());
          default -> p.skipChildren();
        }
      }
    }
    return b.build();
  }
}
