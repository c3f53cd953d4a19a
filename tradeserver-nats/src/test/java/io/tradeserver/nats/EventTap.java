package io.tradeserver.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.tradeserver.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A test client: publishes signals, sends control requests, and records every message on {@code
 * <prefix>.events.>} and {@code <prefix>.signals.rejected} with its subject and parsed JSON.
 */
final class EventTap implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded message. */
  record Received(String subject, JsonNode json, String msgId) {
    String text(String field) {
      JsonNode v = json.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  final Connection conn;
  private final String prefix;
  private final List<Received> received = new ArrayList<>();
  private final Dispatcher dispatcher;

  EventTap(String url, String prefix) throws IOException, InterruptedException {
    this.prefix = prefix;
    this.conn =
        Nats.connect(
            new Options.Builder()
                .server(url)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100))
                .build());
    this.dispatcher = conn.createDispatcher(this::record);
    dispatcher.subscribe(prefix + ".events.>");
    dispatcher.subscribe(prefix + ".signals.rejected");
    flush();
  }

  private void record(Message m) {
    JsonNode n;
    try {
      n = JSON.readTree(m.getData());
    } catch (IOException e) {
      throw new AssertionError("event is not JSON: " + new String(m.getData()), e);
    }
    if (isProbe(n)) {
      return; // the harness's market-readiness probes trade ETH-USDT under strategy "probe"
    }
    String id = m.hasHeaders() ? m.getHeaders().getFirst("Nats-Msg-Id") : null;
    synchronized (this) {
      received.add(new Received(m.getSubject(), n, id));
    }
  }

  static boolean isProbe(JsonNode n) {
    JsonNode strategy = n.get("strategy");
    JsonNode symbol = n.get("symbol");
    return (strategy != null && "probe".equals(strategy.asText()))
        || (symbol != null && "ETH-USDT".equals(symbol.asText()));
  }

  void flush() {
    try {
      conn.flush(Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new AssertionError("flush failed", e);
    }
  }

  void publish(String strategy, String json) {
    conn.publish(prefix + ".signals." + strategy, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A control request; returns the reply as JSON. */
  JsonNode control(String command, String body) {
    try {
      Message reply =
          conn.request(
              prefix + ".control." + command,
              body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
              Duration.ofSeconds(10));
      if (reply == null) {
        throw new AssertionError("no reply to control." + command);
      }
      return JSON.readTree(reply.getData());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  synchronized List<Received> all() {
    return new ArrayList<>(received);
  }

  synchronized List<Received> on(String subject) {
    return received.stream().filter(r -> r.subject().equals(subject)).collect(Collectors.toList());
  }

  synchronized List<Received> matching(Predicate<Received> p) {
    return received.stream().filter(p).collect(Collectors.toList());
  }

  /** Waits until a message matching {@code p} was recorded and returns the first. */
  Received await(String what, Predicate<Received> p) {
    Await.until(
        Duration.ofSeconds(10), () -> !matching(p).isEmpty(), () -> what + "; got " + all());
    return matching(p).get(0);
  }

  /** Order statuses published for a signal, in order. */
  List<String> orderStatuses(String signalId) {
    return matching(
            r ->
                r.subject().startsWith(prefix + ".events.order.")
                    && signalId.equals(r.text("signalId")))
        .stream()
        .map(r -> r.text("status"))
        .collect(Collectors.toList());
  }

  synchronized void clear() {
    received.clear();
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
