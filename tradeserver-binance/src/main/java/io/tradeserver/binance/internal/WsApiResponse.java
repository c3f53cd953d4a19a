package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * One WebSocket API answer {@code {"id","status","result"|"error","rateLimits"}} (web-socket-api.md
 * "Response format"), or a pushed event {@code {"subscriptionId","event"}}, parsed in one streaming
 * pass.
 */
final class WsApiResponse {
  String id;
  int status;
  OrderResult order;
  VenueError error;
  boolean event;

  /** The venue's error, or one made of the bare status when an answer without a result has none. */
  VenueError errorOrStatus() {
    return error != null ? error : new VenueError(status, 0, "no result", 0);
  }

  /** Parses a frame; {@code limits} receives the rateLimits counters. */
  static WsApiResponse parse(String text, VenueLimits limits, long serverNowMillis)
      throws IOException {
    return parse(text, limits, serverNowMillis, id -> false);
  }

  /**
   * As {@link #parse(String, VenueLimits, long)}; when the answer's id (sent before its result)
   * satisfies {@code placement}, the result is read as a new-order answer ({@link
   * RestParse#placed}: the fields a placement uses).
   */
  static WsApiResponse parse(
      String text, VenueLimits limits, long serverNowMillis, Predicate<String> placement)
      throws IOException {
    WsApiResponse r = new WsApiResponse();
    try (JsonParser p = Json.parser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return r;
      }
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "id" -> r.id = Json.text(p);
          case "status" -> r.status = p.getIntValue();
          case "result" -> {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              // order.place / order.cancel / order.status answer an order object; other results
              // (a subscription id) parse into an order without an orderId and are not used.
              r.order = RestParse.order(p, r.id == null || !placement.test(r.id));
            } else {
              p.skipChildren();
            }
          }
          case "error" -> r.error = error(p, r.status, serverNowMillis);
          case "rateLimits" -> rateLimits(p, limits);
          case "event", "subscriptionId" -> {
            r.event = true;
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      }
    }
    if (r.error != null && r.error.status() == 0) {
      r.error =
          new VenueError(r.status, r.error.code(), r.error.message(), r.error.retryAfterMillis());
    }
    return r;
  }

  static VenueError error(JsonParser p, int status, long serverNowMillis) throws IOException {
    int code = 0;
    String msg = null;
    long retryAfter = 0;
    String f;
    while ((f = Json.nextField(p)) != null) {
      switch (f) {
        case "code" -> code = p.getIntValue();
        case "msg" -> msg = p.getText();
        case "data" -> {
          if (p.currentToken() == JsonToken.START_OBJECT) {
            String g;
            while ((g = Json.nextField(p)) != null) {
              if ("retryAfter".equals(g)) {
                // An epoch-millisecond time (web-socket-api.md "IP limits"); keep the wait.
                retryAfter = Math.max(0, p.getLongValue() - serverNowMillis);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new VenueError(status, code, msg, retryAfter);
  }

  private static void rateLimits(JsonParser p, VenueLimits limits) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String type = null;
      String interval = null;
      int num = 0;
      long count = -1;
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "rateLimitType" -> type = p.getText();
          case "interval" -> interval = p.getText();
          case "intervalNum" -> num = p.getIntValue();
          case "count" -> count = p.getLongValue();
          default -> p.skipChildren();
        }
      }
      if (type != null && interval != null && num > 0 && count >= 0) {
        limits.observe(type, interval, num, count);
      }
    }
  }
}
