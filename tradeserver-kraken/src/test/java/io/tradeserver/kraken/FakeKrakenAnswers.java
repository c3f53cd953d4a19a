package io.tradeserver.kraken;

import io.tradeserver.kraken.FakeKraken.Call;
import io.tradeserver.kraken.FakeKraken.FakeOrder;
import java.util.Map;
import mockwebserver3.MockResponse;

/** The fake's default answers, shaped like Kraken's documented responses. */
final class FakeKrakenAnswers {
  private FakeKrakenAnswers() {}

  static MockResponse answer(FakeKraken k, Call c) {
    return switch (c.method()) {
      case "AssetPairs" -> FakeKraken.json(FakeKraken.resource("asset-pairs.json"));
      case "Ticker" -> FakeKraken.json(FakeKraken.resource("ticker.json"));
      case "Depth" -> FakeKraken.json(FakeKraken.resource("depth.json"));
      case "GetWebSocketsToken" ->
          FakeKraken.json(
              "{\"error\":[],\"result\":{\"token\":\"" + k.token + "\",\"expires\":900}}");
      case "AddOrder" -> addOrder(k, c);
      case "CancelOrder" -> cancel(k, c);
      case "CancelAll" -> FakeKraken.json("{\"error\":[],\"result\":{\"count\":0}}");
      case "CancelAllOrdersAfter" ->
          FakeKraken.json(
              "{\"error\":[],\"result\":{\"currentTime\":\"2025-11-24T21:00:00Z\",\"triggerTime\":\"2025-11-24T21:01:00Z\"}}");
      case "BalanceEx" ->
          k.balances == null
              ? FakeKraken.json("{\"error\":[\"EService:Unavailable\"]}")
              : FakeKraken.json(k.balances);
      case "OpenOrders" -> openOrders(k, c);
      case "ClosedOrders" -> closedOrders(k, c);
      case "QueryOrders" -> queryOrders(k, c);
      case "QueryTrades" -> queryTrades(k, c);
      default -> FakeKraken.json("{\"error\":[\"EGeneral:Unknown method\"]}");
    };
  }

  static MockResponse addOrder(FakeKraken k, Call c) {
    FakeOrder o = accept(k, c);
    return FakeKraken.json(
        "{\"error\":[],\"result\":{\"descr\":{\"order\":\""
            + o.side
            + " "
            + o.vol
            + " "
            + o.pair
            + " @ limit "
            + o.price
            + "\"},\"txid\":[\""
            + o.txid
            + "\"]}}");
  }

  /** Registers the order as working at the venue. */
  static FakeOrder accept(FakeKraken k, Call c) {
    FakeOrder o = new FakeOrder(k.nextTxid(), c.form());
    k.orders.put(o.txid, o);
    return o;
  }

  private static MockResponse cancel(FakeKraken k, Call c) {
    FakeOrder o = find(k, c.field("txid"), c.field("cl_ord_id"));
    if (o == null || !o.status.equals("open")) {
      return FakeKraken.json("{\"error\":[\"EOrder:Unknown order\"]}");
    }
    o.status = "canceled";
    return FakeKraken.json("{\"error\":[],\"result\":{\"count\":1}}");
  }

  static FakeOrder find(FakeKraken k, String txid, String clOrdId) {
    if (txid != null) {
      return k.orders.get(txid);
    }
    return k.orders.values().stream()
        .filter(o -> clOrdId.equals(o.clOrdId))
        .findFirst()
        .orElse(null);
  }

  private static MockResponse openOrders(FakeKraken k, Call c) {
    String cl = c.field("cl_ord_id");
    if (cl == null && !k.openOrdersScripted) {
      return FakeKraken.json("{\"error\":[\"EService:Unavailable\"]}");
    }
    return FakeKraken.json(
        "{\"error\":[],\"result\":{\"open\":"
            + list(k, cl, true, "true".equals(c.field("trades")))
            + "}}");
  }

  private static MockResponse closedOrders(FakeKraken k, Call c) {
    return FakeKraken.json(
        "{\"error\":[],\"result\":{\"closed\":"
            + list(k, c.field("cl_ord_id"), false, "true".equals(c.field("trades")))
            + ",\"count\":0}}");
  }

  private static MockResponse queryOrders(FakeKraken k, Call c) {
    StringBuilder sb = new StringBuilder("{");
    for (String txid : c.field("txid").split(",")) {
      FakeOrder o = k.orders.get(txid);
      if (o != null) {
        sb.append(sb.length() > 1 ? "," : "")
            .append('"')
            .append(txid)
            .append("\":")
            .append(order(o, true));
      }
    }
    return FakeKraken.json("{\"error\":[],\"result\":" + sb.append('}') + "}");
  }

  private static MockResponse queryTrades(FakeKraken k, Call c) {
    StringBuilder sb = new StringBuilder("{");
    for (String id : c.field("txid").split(",")) {
      Map<String, String> t = k.trades.get(id);
      if (t == null) {
        continue;
      }
      sb.append(sb.length() > 1 ? "," : "")
          .append('"')
          .append(id)
          .append("\":{\"ordertxid\":\"")
          .append(t.get("ordertxid"))
          .append(
              "\",\"postxid\":\"TKH2SE-M7IF5-CFI7LT\",\"pair\":\"XXBTZUSD\",\"time\":1688667796.8802,\"type\":\"")
          .append(t.get("type"))
          .append("\",\"ordertype\":\"limit\",\"price\":\"")
          .append(t.get("price"))
          .append("\",\"cost\":\"0.00000\",\"fee\":\"")
          .append(t.get("fee"))
          .append("\",\"vol\":\"")
          .append(t.get("vol"))
          .append("\",\"margin\":\"0.00000\",\"misc\":\"\",\"trade_id\":40274859,\"maker\":true}");
    }
    return FakeKraken.json("{\"error\":[],\"result\":" + sb.append('}') + "}");
  }

  private static String list(FakeKraken k, String clOrdId, boolean open, boolean trades) {
    StringBuilder sb = new StringBuilder("{");
    for (FakeOrder o : k.orders.values()) {
      boolean isOpen = o.status.equals("open");
      if (isOpen == open && (clOrdId == null || clOrdId.equals(o.clOrdId))) {
        sb.append(sb.length() > 1 ? "," : "")
            .append('"')
            .append(o.txid)
            .append("\":")
            .append(order(o, trades));
      }
    }
    return sb.append('}').toString();
  }

  /** An order object as in the OpenOrders/QueryOrders documentation examples. */
  static String order(FakeOrder o, boolean trades) {
    String alt = o.pair.equals("XXBTZUSD") ? "XBTUSD" : o.pair;
    StringBuilder sb =
        new StringBuilder()
            .append("{\"refid\":null,\"userref\":0,\"cl_ord_id\":\"")
            .append(o.clOrdId)
            .append("\",\"status\":\"")
            .append(o.status)
            .append(
                "\",\"opentm\":1688666559.8974,\"starttm\":0,\"expiretm\":0,\"descr\":{\"pair\":\"")
            .append(alt)
            .append("\",\"type\":\"")
            .append(o.side)
            .append("\",\"ordertype\":\"")
            .append(o.ordertype)
            .append("\",\"price\":\"")
            .append(o.price)
            .append("\",\"price2\":\"0\",\"leverage\":\"none\",\"order\":\"")
            .append(o.side)
            .append(' ')
            .append(o.vol)
            .append(" XBTUSD @ limit ")
            .append(o.price)
            .append("\",\"close\":\"\"},\"vol\":\"")
            .append(o.vol)
            .append("\",\"vol_exec\":\"")
            .append(o.volExec)
            .append("\",\"cost\":\"0.00000\",\"fee\":\"0.00000\",\"price\":\"")
            .append(o.avgPrice)
            .append(
                "\",\"stopprice\":\"0.00000\",\"limitprice\":\"0.00000\",\"misc\":\"\",\"oflags\":\"fciq\"");
    if (trades && !o.tradeIds.isEmpty()) {
      sb.append(",\"trades\":[");
      for (int i = 0; i < o.tradeIds.size(); i++) {
        sb.append(i > 0 ? "," : "").append('"').append(o.tradeIds.get(i)).append('"');
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }
}
