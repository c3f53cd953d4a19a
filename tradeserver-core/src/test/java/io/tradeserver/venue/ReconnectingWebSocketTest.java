package io.tradeserver.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectingWebSocketTest {
  final TestContexts kit = new TestContexts();
  final MockWebServer server = new MockWebServer();
  final LinkedBlockingQueue<WebSocket> serverSockets = new LinkedBlockingQueue<>();
  final List<WebSocket> allServerSockets = Collections.synchronizedList(new ArrayList<>());
  final List<String> received = Collections.synchronizedList(new ArrayList<>());
  final List<String> ready = Collections.synchronizedList(new ArrayList<>());
  // When set, connections after the first wait here to be made ready by the test.
  volatile LinkedBlockingQueue<ReconnectingWebSocket.Session> held;
  ReconnectingWebSocket ws;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (ws != null) {
      ws.close();
    }
    synchronized (allServerSockets) {
      allServerSockets.forEach(s -> s.close(1001, "test over"));
    }
    kit.http.dispatcher().cancelAll();
    kit.http.connectionPool().evictAll();
    try {
      server.close();
    } catch (AssertionError e) {
      // mockwebserver3 gives up waiting for upgraded sockets' tasks; nothing of ours is pending
    }
  }

  void acceptUpgrades(int n) {
    for (int i = 0; i < n; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .webSocketUpgrade(
                  new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket webSocket, Response response) {
                      serverSockets.add(webSocket);
                    }
                  })
              .build());
    }
  }

  ReconnectingWebSocketBuilder builder() {
    return ReconnectingWebSocket.builder()
        .venue("v")
        .channel(Channel.PRIVATE_STREAM)
        .http(kit.http)
        .url(server.url("/ws").toString())
        .clock(kit.clock)
        .scheduler(kit.scheduler)
        .listener(kit.listener)
        .backoff(
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(1)))
        .handler(
            new ReconnectingWebSocket.Handler() {
              @Override
              public void onOpen(ReconnectingWebSocket.Session session) {
                if (held != null && !ready.isEmpty()) {
                  held.add(session);
                } else {
                  session.ready();
                }
              }

              @Override
              public void onMessage(ReconnectingWebSocket.Session session, String text) {
                received.add(text);
              }

              @Override
              public void onReady(ReconnectingWebSocket.Session session, ConnectionState state) {
                ready.add(state + (session.afterGap() ? " after gap" : ""));
              }
            });
  }

  WebSocket nextServerSocket() throws InterruptedException {
    WebSocket s = serverSockets.poll(5, TimeUnit.SECONDS);
    assertThat(s).as("a connection reached the server").isNotNull();
    return s;
  }

  List<ConnectionState> states() {
    return kit.listener.events(ConnectionEvent.class).stream().map(ConnectionEvent::state).toList();
  }

  @Test
  void aLostConnectionComesBackAfterBackoffAndSaysThereWasAGap() throws Exception {
    acceptUpgrades(2);
    ws = builder().build();
    ws.start();
    WebSocket first = nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.CONNECTED);
    first.send("hello");
    Await.until(() -> received.contains("hello"), "message delivered");

    first.close(1011, "server restarting"); // the venue drops us
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.DISCONNECTED);
    assertThat(serverSockets).isEmpty();
    kit.scheduler.advance(Duration.ofSeconds(1)); // past the first backoff (50..100 ms)
    nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.RECONNECTED);
    assertThat(states())
        .containsExactly(
            ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED);
    Await.until(() -> ready.size() == 2, "onReady twice");
    assertThat(ready).containsExactly("CONNECTED", "RECONNECTED after gap");
  }

  @Test
  void rotationOpensTheReplacementFirstAndLosesNothing() throws Exception {
    acceptUpgrades(2);
    ws = builder().maxLifetime(Duration.ofHours(24)).rotationLead(Duration.ofMinutes(5)).build();
    ws.start();
    WebSocket first = nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.CONNECTED);
    kit.scheduler.advance(Duration.ofHours(23).plusMinutes(54));
    assertThat(serverSockets).as("not yet").isEmpty();
    kit.scheduler.advance(Duration.ofMinutes(1)); // 23h55m: rotate
    WebSocket second = nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.ROTATED);
    first.send("late answer on the old connection");
    second.send("first on the new one");
    Await.until(() -> received.size() == 2, "both delivered: " + received);
    assertThat(received)
        .containsExactlyInAnyOrder("late answer on the old connection", "first on the new one");
    assertThat(states()).containsExactly(ConnectionState.CONNECTED, ConnectionState.ROTATED);
    assertThat(ws.send("out")).isTrue();
  }

  @Test
  void silenceLongerThanTheIdleTimeoutReconnects() throws Exception {
    acceptUpgrades(2);
    ws = builder().idleTimeout(Duration.ofSeconds(30)).build();
    ws.start();
    nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.CONNECTED);
    kit.scheduler.advance(Duration.ofSeconds(29));
    assertThat(states()).containsExactly(ConnectionState.CONNECTED);
    kit.scheduler.advance(Duration.ofSeconds(10));
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.DISCONNECTED);
    kit.scheduler.advance(Duration.ofSeconds(1));
    nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.RECONNECTED);
  }

  @Test
  void aLossWhileARotationOpensHandsOverToTheReplacementAsAReconnect() throws Exception {
    acceptUpgrades(3);
    held = new LinkedBlockingQueue<>();
    ws = builder().maxLifetime(Duration.ofHours(24)).rotationLead(Duration.ofMinutes(5)).build();
    ws.start();
    WebSocket first = nextServerSocket();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.CONNECTED);
    kit.scheduler.advance(Duration.ofHours(23).plusMinutes(55)); // the rotation starts
    nextServerSocket();
    ReconnectingWebSocket.Session replacement = held.poll(5, TimeUnit.SECONDS);
    assertThat(replacement).as("the replacement opened").isNotNull();

    first.close(1011, "server restarting"); // the live one is lost before the replacement is ready
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.DISCONNECTED);
    replacement.ready();
    kit.listener.await(ConnectionEvent.class, e -> e.state() == ConnectionState.RECONNECTED);
    kit.scheduler.advance(Duration.ofSeconds(1)); // when the reconnect after the loss was due

    assertThat(ws.isUp()).as("the replacement stays the live connection").isTrue();
    assertThat(states())
        .as("a gap, so a reconnect: the adapter reconciles")
        .containsExactly(
            ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED);
    assertThat(ws.send("out")).isTrue();
    Await.until(() -> ready.size() == 2, "onReady twice");
    assertThat(ready).containsExactly("CONNECTED", "RECONNECTED after gap");
  }
}
