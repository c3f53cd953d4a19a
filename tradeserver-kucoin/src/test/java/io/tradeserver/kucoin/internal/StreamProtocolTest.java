package io.tradeserver.kucoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.kucoin.MockKucoin.WsServer;
import io.tradeserver.testing.Await;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * KuCoin's WebSocket protocol on the private stream: a fresh token from {@code bullet-private}, the
 * connection URL built from the token server's endpoint, nothing sent before {@code welcome}, the
 * subscriptions after it, ready only once acknowledged, then a ping every {@code pingInterval}
 * (driven by the manual scheduler).
 */
class StreamProtocolTest extends KucoinTestBase {

  @Override
  protected void beforeStart() {
    venue.privateWs.welcome = false;
    venue.pingIntervalMillis = 18_000;
  }

  @Test
  void tokenThenWelcomeThenSubscribeThenPingsAtTheServersInterval() {
    RecordedRequest upgrade = venue.await("GET", "/ws/private", 1);
    Await.until(() -> venue.privateWs.sockets.size() == 1, "server side open");
    assertThat(upgrade.getUrl().queryParameter("token"))
        .isEqualTo("tok1-2neAiuYvAU61ZDXANAGAsiL4=.mvnek==");
    assertThat(upgrade.getUrl().queryParameter("connectId")).isNotBlank();
    assertThat(venue.requests("POST", "/api/v1/bullet-private")).hasSize(1);
    // Open but not welcomed: the client must not use the socket yet.
    assertThat(venue.privateWs.frames).isEmpty();
    assertThat(events.events(ConnectionEvent.class)).isEmpty();

    venue.privateWs.sendWelcome(venue.privateWs.latest());
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
    List<String> subscribes = venue.privateWs.frames("\"type\":\"subscribe\"");
    assertThat(subscribes).hasSize(2);
    assertThat(subscribes.get(0))
        .isEqualTo(
            "{\"id\":\""
                + WsServer.field(subscribes.get(0), "id")
                + "\",\"type\":\"subscribe\",\"topic\":\"/spotMarket/tradeOrdersV2\","
                + "\"privateChannel\":true,\"response\":true}");
    assertThat(WsServer.field(subscribes.get(1), "topic")).isEqualTo("/account/balance");
    assertThat(venue.privateWs.frames("\"type\":\"ping\"")).isEmpty();

    venue.kit.scheduler.advance(Duration.ofMillis(17_999));
    assertThat(venue.privateWs.frames).hasSize(2);
    venue.kit.scheduler.advance(Duration.ofMillis(1));
    Await.until(() -> venue.privateWs.frames("\"type\":\"ping\"").size() == 1, "first ping");
    venue.kit.scheduler.advance(Duration.ofSeconds(18));
    Await.until(() -> venue.privateWs.frames("\"type\":\"ping\"").size() == 2, "second ping");
    String ping = venue.privateWs.frames("\"type\":\"ping\"").get(1);
    assertThat(ping).isEqualTo("{\"id\":\"" + WsServer.field(ping, "id") + "\",\"type\":\"ping\"}");
    assertThat(events.events(ConnectionEvent.class))
        .extracting(ConnectionEvent::channel, ConnectionEvent::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Channel.PRIVATE_STREAM, ConnectionState.CONNECTED));
  }

  @Test
  void readyOnlyAfterEverySubscriptionIsAcknowledged() {
    venue.privateWs.ack = false;
    venue.await("GET", "/ws/private", 1);
    Await.until(() -> venue.privateWs.sockets.size() == 1, "server side open");
    venue.privateWs.sendWelcome(venue.privateWs.latest());
    Await.until(
        () -> venue.privateWs.frames("\"type\":\"subscribe\"").size() == 2, "two subscriptions");
    List<String> subs = venue.privateWs.frames("\"type\":\"subscribe\"");
    assertThat(events.events(ConnectionEvent.class)).as("not ready before the acks").isEmpty();
    venue.privateWs.push("{\"id\":\"" + WsServer.field(subs.get(0), "id") + "\",\"type\":\"ack\"}");
    venue.privateWs.push("{\"id\":\"" + WsServer.field(subs.get(1), "id") + "\",\"type\":\"ack\"}");
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
    // Reconcile happens once the stream is live: open orders and balances are requested.
    venue.await("GET", "/api/v1/hf/orders/active/symbols", 2);
    venue.await("GET", "/api/v1/accounts", 2);
  }

  @Test
  void aConnectionWhoseSubscriptionsAreNeverAcknowledgedIsReplaced() {
    venue.privateWs.ack = false;
    venue.await("GET", "/ws/private", 1);
    Await.until(() -> venue.privateWs.sockets.size() == 1, "server side open");
    venue.privateWs.sendWelcome(venue.privateWs.latest());
    Await.until(
        () -> venue.privateWs.frames("\"type\":\"subscribe\"").size() == 2, "subscriptions");
    venue.privateWs.welcome = true; // the next connection behaves
    venue.privateWs.ack = true;
    venue.kit.scheduler.advance(Duration.ofMillis(9_999));
    assertThat(venue.requests("POST", "/api/v1/bullet-private")).hasSize(1);
    venue.kit.scheduler.advance(Duration.ofMillis(1));
    advanceUntil(() -> venue.requests("POST", "/api/v1/bullet-private").size() == 2, "a new token");
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
    assertThat(events.events(ConnectionEvent.class))
        .extracting(ConnectionEvent::state)
        .containsExactly(ConnectionState.CONNECTED);
  }
}
