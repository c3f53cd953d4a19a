package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.model.Instrument;
import java.io.IOException;

/**
 * Streaming parse of market-stream payloads (web-socket-streams.md): diff depth ({@code
 * depthUpdate}), depth snapshots, {@code bookTicker}, {@code trade}. Decimals go straight to units
 * at the instrument's scales.
 */
final class StreamParse {
  private StreamParse() {}

  /** A {@code depthUpdate} payload, parser at its START_OBJECT. */
  static DepthData depthUpdate(JsonParser p, Instrument inst) throws IOException {
    DepthData d = new DepthData();
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "U" -> d.firstUpdateId = p.getLongValue();
        case "u" -> d.lastUpdateId = p.getLongValue();
        case "b" -> levels(p, inst, d, true);
        case "a" -> levels(p, inst, d, false);
        default -> p.skipChildren();
      }
    }
    return d;
  }

  /** A {@code GET /api/v3/depth} snapshot. */
  static DepthData snapshot(byte[] body, Instrument inst) throws IOException {
    DepthData d = new DepthData();
    try (JsonParser p = Json.parser(body)) {
      p.nextToken();
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "lastUpdateId" -> {
            d.lastUpdateId = p.getLongValue();
            d.firstUpdateId = d.lastUpdateId;
          }
          case "bids" -> levels(p, inst, d, true);
          case "asks" -> levels(p, inst, d, false);
          default -> p.skipChildren();
        }
      }
    }
    return d;
  }

  private static void levels(JsonParser p, Instrument inst, DepthData d, boolean bids)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_ARRAY) {
      p.nextToken();
      long price = Json.units(p, inst.priceScale());
      p.nextToken();
      long qty = Json.units(p, inst.quantityScale());
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren(); // tolerate extra elements
      }
      if (bids) {
        d.addBid(price, qty);
      } else {
        d.addAsk(price, qty);
      }
    }
  }

  /** A {@code bookTicker} payload as one level per side; update id in both id fields. */
  static DepthData bookTicker(JsonParser p, Instrument inst) throws IOException {
    DepthData d = new DepthData();
    long bid = 0;
    long bidQty = 0;
    long ask = 0;
    long askQty = 0;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "u" -> d.lastUpdateId = p.getLongValue();
        case "b" -> bid = Json.units(p, inst.priceScale());
        case "B" -> bidQty = Json.units(p, inst.quantityScale());
        case "a" -> ask = Json.units(p, inst.priceScale());
        case "A" -> askQty = Json.units(p, inst.quantityScale());
        default -> p.skipChildren();
      }
    }
    d.firstUpdateId = d.lastUpdateId;
    if (bidQty > 0) {
      d.addBid(bid, bidQty);
    }
    if (askQty > 0) {
      d.addAsk(ask, askQty);
    }
    return d;
  }

  /** Fields of a {@code trade} payload. */
  record Trade(long tradeId, long priceUnits, long quantityUnits, boolean buyerIsMaker) {}

  static Trade trade(JsonParser p, Instrument inst) throws IOException {
    long id = -1;
    long price = 0;
    long qty = 0;
    boolean buyerMaker = false;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "t" -> id = p.getLongValue();
        case "p" -> price = Json.units(p, inst.priceScale());
        case "q" -> qty = Json.units(p, inst.quantityScale());
        case "m" -> buyerMaker = p.getBooleanValue();
        default -> p.skipChildren();
      }
    }
    return new Trade(id, price, qty, buyerMaker);
  }
}
