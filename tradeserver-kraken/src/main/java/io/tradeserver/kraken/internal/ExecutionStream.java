package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.VenueListener;
import io.tradeserver.venue.ReconnectingWebSocket;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated WebSocket v2 {@code executions} channel. Each connection first fetches a fresh
 * token (GetWebSocketsToken; a token must be used within 15 minutes, the connection then stays
 * authenticated), subscribes with {@code snap_orders=false} (open orders are reconciled through
 * REST OpenOrders, which the engine needs as one event anyway) and {@code snap_trades=true} (the
 * last 50 fills, so fills missed during a gap are reported again; the engine dedupes by trade id),
 * and is ready once Kraken acknowledges. After a gap ({@code RECONNECTED}) it reconciles:
 * OpenOrders and Balances. Pings keep the connection alive; an idle connection is replaced.
 *
 * <p>With WebSocket order entry the same connection carries {@code add_order}/{@code cancel_order}
 * ({@link WsOrders}): their answers and the loss of the connection are passed on to it.
 */
final class ExecutionStream implements ReconnectingWebSocket.Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutionStream.class);

  private final AdapterCore core;
  private final ExecutionParse parse;
  private final QueryCommands queries;
  private final AtomicLong reqIds;
  private final WsOrders orders;
  private final ReconnectingWebSocket socket;
  private volatile String token;

  /**
   * @param reqIds the {@code req_id} sequence of this connection
   * @param orders WebSocket order entry on this connection, or null
   */
  ExecutionStream(AdapterCore core, QueryCommands queries, AtomicLong reqIds, WsOrders orders) {
    this.core = core;
    this.queries = queries;
    this.reqIds = reqIds;
    this.orders = orders;
    this.parse = new ExecutionParse(core);
    this.socket =
        ReconnectingWebSocket.builder()
            .venue(core.venue)
            .channel(Channel.PRIVATE_STREAM)
            .http(core.ctx.httpClient())
            .requests(this::newRequest)
            .handler(this)
            .clock(core.ctx.clock())
            .scheduler(core.ctx.scheduler())
            .listener(reconciling(core.ctx.listener()))
            .errorHandler(core.ctx.errorHandler())
            .idleTimeout(core.config.idleTimeout())
            .build();
  }

  void start() {
    socket.start();
  }

  boolean isUp() {
    return socket.isUp();
  }

  /** The token of the current connection (null before the first one). */
  String token() {
    return token;
  }

  /**
   * Sends on the current connection once it is subscribed (so authenticated); false when there is
   * none, so the frame never left.
   */
  boolean send(String text) {
    return socket.send(text);
  }

  /** Passes connection events on and reconciles after a gap in the private stream. */
  private VenueListener reconciling(VenueListener downstream) {
    return event -> {
      downstream.onEvent(event);
      if (event instanceof ConnectionEvent c && c.state() == ConnectionState.RECONNECTED) {
        queries.requestOpenOrders(null);
        queries.requestBalances();
      }
    };
  }

  private CompletionStage<Request> newRequest() {
    CompletableFuture<Request> f = new CompletableFuture<>();
    core.call(
        "GetWebSocketsToken",
        1,
        sb -> {},
        r -> {
          token = r.path("token").asText();
          f.complete(new Request.Builder().url(core.config.privateStreamUrl()).build());
        },
        e -> f.completeExceptionally(new IOException("GetWebSocketsToken: " + e)));
    return f;
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    session.send(
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\""
            + token
            + "\",\"snap_orders\":false,\"snap_trades\":true},\"req_id\":"
            + reqIds.incrementAndGet()
            + "}");
    session.pingEvery(core.config.pingInterval(), this::ping);
  }

  @Override
  public void onMessage(ReconnectingWebSocket.Session session, String text) {
    JsonNode root;
    try {
      root = KrakenParse.MAPPER.readTree(text);
    } catch (IOException e) {
      core.bug(new IllegalStateException("unparseable executions message", e));
      return;
    }
    if ("executions".equals(root.path("channel").asText())) {
      for (JsonNode e : root.path("data")) {
        if (!parse.entry(e, this::emit)) {
          core.bug(new IllegalStateException("execution for an unknown order/pair: " + e));
        }
      }
      return;
    }
    if (orders != null && orders.onAnswer(root)) {
      return;
    }
    if ("subscribe".equals(root.path("method").asText())) {
      if (root.path("success").asBoolean(false)) {
        session.ready();
      } else {
        log.warn("{} executions subscribe refused: {}", core.venue, root.path("error").asText());
        session.abort("subscribe refused: " + root.path("error").asText());
      }
    }
  }

  @Override
  public void onDisconnected(String reason) {
    if (orders != null) {
      orders.onDisconnected(reason);
    }
  }

  private void emit(VenueEvent e) {
    core.emit(e);
  }

  private String ping() {
    return "{\"method\":\"ping\",\"req_id\":" + reqIds.incrementAndGet() + "}";
  }

  @Override
  public void close() {
    socket.close();
  }
}
