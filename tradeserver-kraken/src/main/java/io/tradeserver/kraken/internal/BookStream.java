package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.Side;
import io.tradeserver.venue.ReconnectingWebSocket;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public WebSocket v2 {@code book} channel. Subscribes each book with a snapshot, applies
 * updates, truncates to the subscribed depth, verifies Kraken's checksum after every message and,
 * on a mismatch, emits {@code VenueAlert(BOOK_RESYNC)} and unsubscribes/resubscribes that symbol
 * for a fresh snapshot (updates are ignored until it arrives). After a reconnect every book waits
 * for its new snapshot. Handler callbacks are serialised by {@link ReconnectingWebSocket}.
 */
final class BookStream implements ReconnectingWebSocket.Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BookStream.class);

  private final AdapterCore core;
  private final Map<String, KrakenBook> books = new ConcurrentHashMap<>();
  private final AtomicLong reqIds = new AtomicLong();
  private final ReconnectingWebSocket socket;
  private volatile boolean started;

  BookStream(AdapterCore core) {
    this.core = core;
    this.socket =
        ReconnectingWebSocket.builder()
            .venue(core.venue)
            .channel(Channel.MARKET_STREAM)
            .http(core.ctx.httpClient())
            .url(core.config.publicStreamUrl())
            .handler(this)
            .clock(core.ctx.clock())
            .scheduler(core.ctx.scheduler())
            .listener(core.ctx.listener())
            .errorHandler(core.ctx.errorHandler())
            .idleTimeout(core.config.idleTimeout())
            .build();
  }

  /** Adds a book; connects on first use, else subscribes on the live connection. */
  void subscribe(Market market, int depth) {
    KrakenBook b = new KrakenBook(market, KrakenBook.krakenDepth(depth), depth);
    books.put(market.wsSymbol(), b);
    synchronized (this) {
      if (!started) {
        started = true;
        socket.start();
        return;
      }
    }
    socket.send(subscribeMessage("subscribe", b, true));
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    for (KrakenBook b : books.values()) {
      b.reset();
      session.send(subscribeMessage("subscribe", b, true));
    }
    session.pingEvery(core.config.pingInterval(), this::ping);
    session.ready();
  }

  @Override
  public void onMessage(ReconnectingWebSocket.Session session, String text) {
    JsonNode root;
    try {
      root = KrakenParse.MAPPER.readTree(text);
    } catch (IOException e) {
      core.bug(new IllegalStateException("unparseable book message", e));
      return;
    }
    String channel = root.path("channel").asText("");
    if ("book".equals(channel)) {
      boolean snapshot = "snapshot".equals(root.path("type").asText());
      for (JsonNode d : root.path("data")) {
        onBook(session, d, snapshot);
      }
    } else if (root.has("method") && !root.path("success").asBoolean(true)) {
      String err = root.path("error").asText("subscription refused");
      log.warn("{} book {} refused: {}", core.venue, root.path("method").asText(), err);
      core.emit(
          new RequestFailed(core.venue, RequestKind.SUBSCRIBE, null, null, false, err, core.now()));
    }
  }

  private void onBook(ReconnectingWebSocket.Session session, JsonNode d, boolean snapshot) {
    KrakenBook b = books.get(d.path("symbol").asText());
    if (b == null) {
      return;
    }
    if (snapshot) {
      b.startSnapshot();
    } else if (b.awaitingSnapshot()) {
      return;
    }
    apply(b, Side.BUY, d.path("bids"));
    apply(b, Side.SELL, d.path("asks"));
    b.truncate();
    long expected = d.path("checksum").asLong(-1);
    long actual = b.checksum();
    if (expected >= 0 && expected != actual) {
      resync(session, b, "checksum " + actual + " != venue " + expected);
      return;
    }
    long now = core.now();
    core.emit(new BookUpdate(core.venue, b.snapshot(now), now));
  }

  private static void apply(KrakenBook b, Side side, JsonNode levels) {
    for (JsonNode l : levels) {
      b.set(
          side,
          MarketDataParse.units(l.path("price"), b.priceScale()),
          MarketDataParse.units(l.path("qty"), b.quantityScale()));
    }
  }

  private void resync(ReconnectingWebSocket.Session session, KrakenBook b, String why) {
    log.warn("{} book {} resync: {}", core.venue, b.market.wsSymbol(), why);
    long now = core.now();
    core.emit(
        new VenueAlert(
            core.venue, AlertKind.BOOK_RESYNC, b.market.wsSymbol() + ": " + why, now, now));
    b.reset();
    session.send(subscribeMessage("unsubscribe", b, false));
    session.send(subscribeMessage("subscribe", b, true));
  }

  private String subscribeMessage(String method, KrakenBook b, boolean snapshot) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("{\"method\":\"").append(method).append("\",\"params\":{\"channel\":\"book\",");
    sb.append("\"symbol\":[\"").append(b.market.wsSymbol()).append("\"],");
    sb.append("\"depth\":").append(b.subscribedDepth);
    if (snapshot) {
      sb.append(",\"snapshot\":true");
    }
    sb.append("},\"req_id\":").append(reqIds.incrementAndGet()).append('}');
    return sb.toString();
  }

  private String ping() {
    return "{\"method\":\"ping\",\"req_id\":" + reqIds.incrementAndGet() + "}";
  }

  @Override
  public void close() {
    socket.close();
  }
}
