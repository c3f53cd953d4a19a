package io.tradeserver.binance;

import static io.tradeserver.binance.MockBinance.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeserver.event.Balances;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientContractTest;
import io.tradeserver.testing.RecordingVenueListener;
import io.tradeserver.testing.TestContexts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;

/** The core contract against a scripted Binance (REST + WebSocket API user data). */
class BinanceContractTest extends ExchangeClientContractTest {

  @Override
  protected Fixture createFixture() throws Exception {
    TestContexts kit = new TestContexts();
    MockBinance venue = new MockBinance(kit.clock);
    ExchangeClient client = new BinanceExchangeProvider().create(kit.context(Configs.rest(venue)));
    return new BinanceFixture(kit, venue, client);
  }

  /** start() reconciles once the private stream is up; the contract's tests begin after that. */
  @BeforeEach
  void settleStart() {
    events.await(Balances.class, Balances::complete);
    events.await(OpenOrders.class);
    events.clear();
  }

  static final class BinanceFixture implements Fixture {
    private final TestContexts kit;
    private final MockBinance venue;
    private final ExchangeClient client;
    private final Map<String, Long> orderIds = new ConcurrentHashMap<>();

    BinanceFixture(TestContexts kit, MockBinance venue, ExchangeClient client) {
      this.kit = kit;
      this.venue = venue;
      this.client = client;
    }

    @Override
    public ExchangeClient client() {
      return client;
    }

    @Override
    public RecordingVenueListener events() {
      return kit.listener;
    }

    @Override
    public String symbol() {
      return "BTC-USDT";
    }

    @Override
    public void acceptNextOrder() {
      venue.script(
          "POST /api/v3/order",
          r -> {
            ObjectNode n = venue.newOrder(MockBinance.params(r), "NEW");
            orderIds.put(n.get("clientOrderId").asText(), n.get("orderId").asLong());
            return MockBinance.json(200, n.toString());
          });
    }

    @Override
    public void rejectNextOrderInsufficientBalance() {
      venue.script(
          "POST /api/v3/order",
          400,
          "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");
    }

    @Override
    public void failNextOrderAmbiguously() {
      venue.script("POST /api/v3/order", 503, "Service Unavailable");
    }

    @Override
    public void fill(
        OrderRequest order, String tradeId, Price price, Quantity quantity, Quantity cumulative) {
      ObjectNode e =
          (ObjectNode) MockBinance.tree("ws-execution-report.json").get("event").deepCopy();
      boolean done = cumulative.compareTo(order.quantity()) >= 0;
      e.put("s", order.instrument().nativeSymbol())
          .put("c", order.clientOrderId())
          .put("S", order.side().name())
          .put("q", order.quantity().toString())
          .put("p", order.price().toString())
          .put("x", "TRADE")
          .put("X", done ? "FILLED" : "PARTIALLY_FILLED")
          .put("i", orderIds.getOrDefault(order.clientOrderId(), 1L))
          .put("l", quantity.toString())
          .put("z", cumulative.toString())
          .put("L", price.toString())
          .put("n", "0.00000010")
          .put("N", "BTC")
          .put("T", kit.clock.millis())
          .put("m", true);
      // Binance trade ids are numbers; the contract's ids ("t-1") are sent as their text.
      e.put("t", tradeId);
      userData().event(e);
    }

    MockBinance.ServerSocket userData() {
      List<MockBinance.ServerSocket> s =
          venue.wsApi.stream().filter(MockBinance.ServerSocket::isUserData).toList();
      return s.get(s.size() - 1);
    }

    @Override
    public void acceptNextCancel(OrderRequest order) {
      venue.script(
          "DELETE /api/v3/order",
          r -> {
            ObjectNode n = (ObjectNode) MockBinance.tree("cancel-order.json");
            n.put("symbol", order.instrument().nativeSymbol())
                .put("origClientOrderId", order.clientOrderId())
                .put("orderId", orderIds.getOrDefault(order.clientOrderId(), 4L))
                .put("price", order.price().toString())
                .put("origQty", order.quantity().toString());
            return MockBinance.json(200, n.toString());
          });
    }

    @Override
    public void reportNextQueryNotFound(String clientOrderId) {
      venue.script("GET /api/v3/order", 400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}");
    }

    @Override
    public void reportNextQuery(
        OrderRequest order, OrderStatus status, Quantity filled, Price averagePrice) {
      venue.script(
          "GET /api/v3/order", 200, queried(order, status, filled, averagePrice).toString());
    }

    ObjectNode queried(OrderRequest order, OrderStatus status, Quantity filled, Price avg) {
      ObjectNode n = (ObjectNode) MockBinance.tree("query-order.json");
      String binanceStatus = status == OrderStatus.ACCEPTED ? "NEW" : status.name();
      n.put("symbol", order.instrument().nativeSymbol())
          .put("orderId", orderIds.getOrDefault(order.clientOrderId(), 1L))
          .put("clientOrderId", order.clientOrderId())
          .put("price", order.price().toString())
          .put("origQty", order.quantity().toString())
          .put("executedQty", filled.toString())
          .put("cummulativeQuoteQty", avg == null ? "0.00000000" : avg.times(filled).toString())
          .put("status", binanceStatus)
          .put("side", order.side().name());
      return n;
    }

    @Override
    public void reportOpenOrders(List<OrderRequest> orders) {
      ArrayNode a = MockBinance.array();
      for (OrderRequest o : orders) {
        a.add(queried(o, OrderStatus.ACCEPTED, Quantity.zero(o.quantity().scale()), null));
      }
      venue.script("GET /api/v3/openOrders", 200, a.toString());
    }

    @Override
    public void reportBalances(Map<String, String> free) {
      ObjectNode n = (ObjectNode) MockBinance.tree("account-information.json");
      ArrayNode balances = n.putArray("balances");
      free.forEach(
          (asset, amount) ->
              balances
                  .addObject()
                  .put("asset", asset)
                  .put("free", amount)
                  .put("locked", "0.00000000"));
      venue.script("GET /api/v3/account", 200, n.toString());
    }

    @Override
    public int submissionsOf(String clientOrderId) {
      return (int)
          venue.requests("POST /api/v3/order").stream()
              .filter(r -> clientOrderId.equals(MockBinance.params(r).get("newClientOrderId")))
              .count();
    }

    @Override
    public void close() {
      kit.assertNoErrors();
      venue.close();
    }

    static JsonNode parse(String s) throws Exception {
      return JSON.readTree(s);
    }
  }
}
