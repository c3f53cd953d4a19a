package io.tradeserver.binance.internal;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderType;
import io.tradeserver.venue.ServerTime;

/**
 * The WebSocket API requests {@link WsApiOrders} sends (web-socket-api.md): {@code order.place},
 * {@code order.cancel}, {@code order.status}, each with its parameters in alphabetical order (the
 * signature payload rule), and {@code session.logon}. With {@code session} the connection is logged
 * on, so a request goes without {@code apiKey} and signature (the timestamp stays). Built in the
 * calling thread's reused {@link WsApiRequest}; thread-safe.
 */
final class WsApiRequests {
  private final Signer signer;
  private final String apiKey;
  private final int recvWindow;
  private final String responseType;
  private final ServerTime serverTime;

  WsApiRequests(BinanceConfig config, Signer signer, ServerTime serverTime) {
    this.signer = signer;
    this.apiKey = config.credentials().apiKey();
    this.recvWindow = config.recvWindowMillis();
    this.responseType = config.orderResponseType().name();
    this.serverTime = serverTime;
  }

  String place(String id, OrderRequest o, boolean session) {
    WsApiRequest r =
        begin(id, "order.place", session)
            .str("newClientOrderId", o.clientOrderId())
            .str("newOrderRespType", responseType);
    if (o.type() != OrderType.MARKET) {
      r.dec("price", o.price().units(), o.price().scale());
    }
    if (o.quantity() != null) {
      r.dec("quantity", o.quantity().units(), o.quantity().scale());
    } else {
      r.dec("quoteOrderQty", o.quoteQuantity().units(), o.quoteQuantity().scale());
    }
    r.num("recvWindow", recvWindow)
        .str("side", o.side().name())
        .str("symbol", o.instrument().nativeSymbol());
    if (o.type() == OrderType.LIMIT) {
      r.str("timeInForce", o.timeInForce().name());
    }
    return end(r.num("timestamp", serverTime.millis()).str("type", o.type().name()), session);
  }

  /** By {@code orderId} when the exchange order id is known, else by client order id. */
  String cancel(
      String id, Instrument inst, String clientOrderId, String exchangeOrderId, boolean session) {
    WsApiRequest r = begin(id, "order.cancel", session);
    if (exchangeOrderId != null) {
      r.num("orderId", Long.parseLong(exchangeOrderId));
    } else {
      r.str("origClientOrderId", clientOrderId);
    }
    return end(onSymbol(r, inst), session);
  }

  String status(String id, Instrument inst, String clientOrderId, boolean session) {
    return end(
        onSymbol(begin(id, "order.status", session).str("origClientOrderId", clientOrderId), inst),
        session);
  }

  /** Authenticates the connection (Ed25519 keys only); always signed. */
  String logon(String id) {
    return WsApiRequest.local(id, "session.logon")
        .str("apiKey", apiKey)
        .num("recvWindow", recvWindow)
        .num("timestamp", serverTime.millis())
        .signed(signer);
  }

  private WsApiRequest onSymbol(WsApiRequest r, Instrument inst) {
    return r.num("recvWindow", recvWindow)
        .str("symbol", inst.nativeSymbol())
        .num("timestamp", serverTime.millis());
  }

  private WsApiRequest begin(String id, String method, boolean session) {
    WsApiRequest r = WsApiRequest.local(id, method);
    return session ? r : r.str("apiKey", apiKey);
  }

  private String end(WsApiRequest r, boolean session) {
    return session ? r.unsigned() : r.signed(signer);
  }
}
