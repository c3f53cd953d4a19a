package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Balances;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.OpenOrders;
import io.tradeserver.kucoin.MockKucoin;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A lost private stream reconnects with backoff on a new token, resubscribes, and then the adapter
 * itself reports open orders and balances so the engine can reconcile what it missed.
 */
class ReconnectTest extends KucoinTestBase {

  @Test
  void disconnectNewTokenReconnectResubscribeReconcile() {
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
    venue.always(
        "GET",
        "/api/v1/hf/orders/active/symbols",
        r -> json(MockKucoin.fixture("hf-active-symbols.json")));
    venue.always(
        "GET", "/api/v1/hf/orders/active", r -> json(MockKucoin.fixture("hf-open-orders.json")));
    venue.always("GET", "/api/v1/accounts", r -> json(MockKucoin.fixture("accounts.json")));
    venue.await("GET", "/api/v1/accounts", 2); // at start, and when the stream first came up
    int accountsBefore = 2;

    venue.privateWs.latest().close(1001, "service restart");
    events.await(
        ConnectionEvent.class,
        e -> e.channel() == Channel.PRIVATE_STREAM && e.state() == ConnectionState.DISCONNECTED);
    advanceUntil(() -> venue.requests("GET", "/ws/private").size() == 2, "a second connection");
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 2);
    OpenOrders open = events.await(OpenOrders.class, o -> afterReconnect(o));
    Balances balances = events.await(Balances.class, b -> afterReconnect(b));

    List<RecordedRequest> tokens = venue.requests("POST", "/api/v1/bullet-private");
    List<RecordedRequest> upgrades = venue.requests("GET", "/ws/private");
    assertThat(tokens).hasSize(2);
    assertThat(upgrades.get(0).getUrl().queryParameter("token")).startsWith("tok1-");
    assertThat(upgrades.get(1).getUrl().queryParameter("token")).startsWith("tok2-");
    assertThat(venue.privateWs.frames("\"type\":\"subscribe\""))
        .extracting(f -> io.tradeserver.kucoin.MockKucoin.WsServer.field(f, "topic"))
        .containsExactly(
            "/spotMarket/tradeOrdersV2", "/account/balance",
            "/spotMarket/tradeOrdersV2", "/account/balance");
    assertThat(events.events(ConnectionEvent.class))
        .filteredOn(e -> e.channel() == Channel.PRIVATE_STREAM)
        .extracting(ConnectionEvent::state)
        .containsExactly(
            ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED);
    assertThat(open.orders()).hasSize(2);
    assertThat(balances.complete()).isTrue();
    assertThat(venue.requests("GET", "/api/v1/accounts")).hasSize(accountsBefore + 1);
  }

  /** True when {@code e} was recorded after the private stream's RECONNECTED event. */
  private boolean afterReconnect(io.tradeserver.event.VenueEvent e) {
    List<io.tradeserver.event.VenueEvent> all = events.events();
    boolean reconnected = false;
    for (io.tradeserver.event.VenueEvent x : all) {
      if (x == e) {
        return reconnected;
      }
      reconnected |= x instanceof ConnectionEvent c && c.state() == ConnectionState.RECONNECTED;
    }
    return false;
  }
}
