package io.tradeserver.kucoin;

import static io.tradeserver.kucoin.MockKucoin.json;
import static io.tradeserver.kucoin.MockKucoin.status;

import io.tradeserver.event.Channel;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientContractTest;
import io.tradeserver.testing.RecordingVenueListener;
import java.util.List;
import java.util.Map;

/** The core contract, run against a scripted KuCoin (REST routes plus the private WebSocket). */
class KucoinContractTest extends ExchangeClientContractTest {

  @Override
  protected Fixture createFixture() throws Exception {
    return new KucoinFixture(new MockKucoin());
  }

  /** The contract's scripted venue on {@link MockKucoin}. */
  static final class KucoinFixture implements Fixture {
    private final MockKucoin venue;
    private final ExchangeClient client;

    KucoinFixture(MockKucoin venue) {
      this.venue = venue;
      this.client = venue.client(Map.of());
    }

    @Override
    public ExchangeClient client() {
      return client;
    }

    @Override
    public RecordingVenueListener events() {
      return venue.events();
    }

    @Override
    public String symbol() {
      return "BTC-USDT";
    }

    @Override
    public void acceptNextOrder() {
      venue.once(
          "POST",
          "/api/v1/hf/orders",
          r -> {
            String clientOid = MockKucoin.WsServer.field(r.getBody().utf8(), "clientOid");
            return json(Frames.ack(orderId(clientOid), clientOid));
          });
    }

    @Override
    public void rejectNextOrderInsufficientBalance() {
      venue.once(
          "POST",
          "/api/v1/hf/orders",
          r -> json("{\"code\":\"200004\",\"msg\":\"Balance insufficient\"}"));
    }

    @Override
    public void failNextOrderAmbiguously() {
      venue.once(
          "POST",
          "/api/v1/hf/orders",
          r -> status(503, "{\"code\":\"500000\",\"msg\":\"Internal Server Error\"}"));
    }

    @Override
    public void fill(
        OrderRequest order, String tradeId, Price price, Quantity quantity, Quantity cumulative) {
      venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
      venue.privateWs.push(
          Frames.match(
              order,
              orderId(order.clientOrderId()),
              tradeId,
              price,
              quantity,
              cumulative,
              "maker",
              venue.kit.clock.nanos()));
    }

    @Override
    public void acceptNextCancel(OrderRequest order) {
      String path = "/api/v1/hf/orders/sync/" + orderId(order.clientOrderId());
      venue.once(
          "DELETE",
          path,
          r -> json(Frames.cancelDone(orderId(order.clientOrderId()), order.quantity())));
    }

    @Override
    public void reportNextQueryNotFound(String clientOrderId) {
      venue.always(
          "GET",
          "/api/v1/hf/orders/client-order/" + clientOrderId,
          r -> json("{\"code\":\"400100\",\"msg\":\"order not exist.\"}"));
    }

    @Override
    public void reportNextQuery(
        OrderRequest order, OrderStatus status, Quantity filled, Price averagePrice) {
      venue.always(
          "GET",
          "/api/v1/hf/orders/client-order/" + order.clientOrderId(),
          r ->
              json(
                  Frames.orderDetail(
                      order, orderId(order.clientOrderId()), status, filled, averagePrice)));
    }

    @Override
    public void reportOpenOrders(List<OrderRequest> orders) {
      venue.always(
          "GET",
          "/api/v1/hf/orders/active/symbols",
          r -> json("{\"code\":\"200000\",\"data\":{\"symbols\":[\"BTC-USDT\"]}}"));
      StringBuilder sb = new StringBuilder("{\"code\":\"200000\",\"data\":[");
      for (int i = 0; i < orders.size(); i++) {
        OrderRequest o = orders.get(i);
        sb.append(i == 0 ? "" : ",")
            .append(
                Frames.order(
                    o,
                    orderId(o.clientOrderId()),
                    OrderStatus.ACCEPTED,
                    Quantity.zero(o.quantity().scale()),
                    null));
      }
      String body = sb.append("]}").toString();
      venue.always("GET", "/api/v1/hf/orders/active", r -> json(body));
    }

    @Override
    public void reportBalances(Map<String, String> free) {
      StringBuilder sb = new StringBuilder("{\"code\":\"200000\",\"data\":[");
      int i = 0;
      for (Map.Entry<String, String> e : free.entrySet()) {
        sb.append(i++ == 0 ? "" : ",")
            .append("{\"id\":\"")
            .append(5486745917L + i)
            .append("\",\"currency\":\"")
            .append(e.getKey())
            .append("\",\"type\":\"trade\",\"balance\":\"")
            .append(e.getValue())
            .append("\",\"available\":\"")
            .append(e.getValue())
            .append("\",\"holds\":\"0\"}");
      }
      String body = sb.append("]}").toString();
      venue.always("GET", "/api/v1/accounts", r -> json(body));
    }

    @Override
    public int submissionsOf(String clientOrderId) {
      return (int)
          venue.requests("POST", "/api/v1/hf/orders").stream()
              .filter(r -> r.getBody().utf8().contains("\"clientOid\":\"" + clientOrderId + "\""))
              .count();
    }

    /** A stable fake KuCoin order id per client order id. */
    private static String orderId(String clientOid) {
      return String.format("67%022x", Math.abs((long) clientOid.hashCode()));
    }

    @Override
    public void close() {
      venue.close();
    }
  }
}
