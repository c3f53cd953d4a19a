package io.tradeserver.bench.load;

import com.binance.connector.client.SpotClient;
import com.binance.connector.client.impl.SpotClientImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;

/**
 * binance-connector-java 3.4.1 placing the same limit orders against the same mock: {@code
 * SpotClientImpl.createTrade().newOrder(params)}, blocking, one thread per in-flight order. The
 * connector returns the answer as a string; it is read with Jackson (as its users must) to check
 * the order was accepted.
 */
final class ConnectorPeer implements LoadClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String baseUrl;
  private SpotClient client;

  ConnectorPeer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String name() {
    return "binance-connector";
  }

  @Override
  public boolean blocking() {
    return true;
  }

  @Override
  public void start() {
    client =
        new SpotClientImpl(
            BinanceVenue.CREDENTIALS.apiKey(), BinanceVenue.CREDENTIALS.secret().reveal(), baseUrl);
  }

  @Override
  public void place(long seq, int slot, Completion done) {
    LinkedHashMap<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", "BTCUSDT");
    p.put("side", LoadOrders.side(seq).name());
    p.put("type", "LIMIT");
    p.put("timeInForce", "GTC");
    p.put("quantity", "0.00100");
    p.put("price", "64000.00");
    p.put("newClientOrderId", Ids.clientOrderId(seq));
    try {
      JsonNode answer = JSON.readTree(client.createTrade().newOrder(p));
      done.done(seq, answer.hasNonNull("orderId") ? null : "no orderId");
    } catch (Exception e) {
      done.done(seq, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {}
}
