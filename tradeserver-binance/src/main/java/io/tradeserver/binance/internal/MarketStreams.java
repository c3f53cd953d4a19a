package io.tradeserver.binance.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.TradeTick;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.ReconnectingWebSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public market streams on one combined-stream connection ({@code /stream?streams=a/b}, payloads
 * wrapped as {@code {"stream":..,"data":..}}): diff depth for books, {@code bookTicker} for depth-1
 * books, {@code trade} for trade ticks. Subscriptions made while connected are sent as {@code
 * SUBSCRIBE} (at most one message per 250 ms: Binance allows 5 incoming messages a second). After a
 * reconnect every book is rebuilt from a snapshot; a 24 h rotation keeps them (update ids bridge
 * the two connections).
 */
final class MarketStreams implements ReconnectingWebSocket.Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MarketStreams.class);
  private static final long SUBSCRIBE_SPACING_NANOS = 250_000_000L;

  private final BinanceConfig config;
  private final ExchangeContext context;
  private final OkHttpClient wsHttp;
  private final RestTransport rest;
  private final Emitter out;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  private ReconnectingWebSocket socket;
  private long lastSubscribeNanos = Long.MIN_VALUE / 2;
  private boolean flushScheduled;
  private long requestIds;
  private volatile Set<String> connectedWith = Set.of();

  /** Where one stream's payloads go. */
  private interface Route {
    void onData(JsonParser data) throws IOException;

    default void onReconnected() {}
  }

  MarketStreams(
      BinanceConfig config,
      ExchangeContext context,
      OkHttpClient wsHttp,
      RestTransport rest,
      Emitter out) {
    this.config = config;
    this.context = context;
    this.wsHttp = wsHttp;
    this.rest = rest;
    this.out = out;
  }

  void subscribeBook(Instrument inst, int depth) {
    String sym = inst.nativeSymbol().toLowerCase(Locale.ROOT);
    String tickerStream = sym + "@bookTicker";
    String depthStream = sym + "@depth@" + config.depthUpdateSpeed();
    Route existing = routes.get(depthStream);
    if (existing instanceof DepthRoute d) {
      d.book.depth(depth);
      return;
    }
    if (depth == 1 && config.bookTickerForTopOfBook()) {
      subscribe(tickerStream, new TickerRoute(inst));
      return;
    }
    if (routes.remove(tickerStream) != null) {
      send("UNSUBSCRIBE", List.of(tickerStream));
    }
    BookSync book = new BookSync(inst, depth, out, this::fetchSnapshot);
    subscribe(depthStream, new DepthRoute(book));
  }

  void subscribeTrades(Instrument inst) {
    subscribe(inst.nativeSymbol().toLowerCase(Locale.ROOT) + "@trade", new TradeRoute(inst));
  }

  private void subscribe(String stream, Route route) {
    if (routes.putIfAbsent(stream, route) != null) {
      return;
    }
    ReconnectingWebSocket s;
    synchronized (this) {
      if (socket == null) {
        socket = newSocket();
        s = socket;
      } else {
        s = null;
        pending.add(stream);
        flushOrSchedule();
      }
    }
    if (s != null) {
      s.start();
    }
  }

  private ReconnectingWebSocket newSocket() {
    return ReconnectingWebSocket.builder()
        .venue(out.venue())
        .channel(Channel.MARKET_STREAM)
        .http(wsHttp)
        .requests(this::request)
        .handler(this)
        .clock(context.clock())
        .scheduler(context.scheduler())
        .listener(context.listener())
        .errorHandler(context.errorHandler())
        .maxLifetime(config.wsMaxLifetime())
        .rotationLead(config.wsRotationLead())
        .build();
  }

  /** Each connection subscribes, in its URL, to every stream known at that moment. */
  private CompletableFuture<Request> request() {
    Set<String> streams = new LinkedHashSet<>(routes.keySet());
    connectedWith = streams;
    String base = config.streamUrl().endsWith("/") ? config.streamUrl() : config.streamUrl() + "/";
    String url = base + "stream?streams=" + String.join("/", streams);
    return CompletableFuture.completedFuture(new Request.Builder().url(url).build());
  }

  private void flushOrSchedule() {
    long now = out.now();
    long due = lastSubscribeNanos + SUBSCRIBE_SPACING_NANOS;
    if (now >= due) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      context.scheduler().schedule(due - now, this::scheduledFlush);
    }
  }

  private synchronized void scheduledFlush() {
    flushScheduled = false;
    flush();
  }

  private void flush() {
    if (pending.isEmpty() || socket == null || !socket.isUp()) {
      return; // the next connection's URL carries them
    }
    List<String> streams = new ArrayList<>(pending);
    pending.clear();
    lastSubscribeNanos = out.now();
    send("SUBSCRIBE", streams);
  }

  private void send(String method, List<String> streams) {
    ReconnectingWebSocket s = socket;
    if (s == null) {
      return;
    }
    StringBuilder sb =
        new StringBuilder(64).append("{\"method\":\"").append(method).append("\",\"params\":[");
    for (int i = 0; i < streams.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(streams.get(i)).append('"');
    }
    sb.append("],\"id\":").append(++requestIds).append('}');
    s.send(sb.toString());
  }

  @Override
  public void onOpen(ReconnectingWebSocket.Session session) {
    session.ready();
    if (session.afterGap()) {
      for (Route r : routes.values()) {
        r.onReconnected();
      }
    }
    synchronized (this) {
      for (String stream : routes.keySet()) {
        if (!connectedWith.contains(stream)) {
          pending.add(stream);
        }
      }
      pending.removeAll(connectedWith);
      flushOrSchedule();
    }
  }

  @Override
  public void onMessage(ReconnectingWebSocket.Session session, String text) {
    try (JsonParser p = Json.parser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      String stream = null;
      String f;
      while ((f = Json.nextField(p)) != null) {
        if ("stream".equals(f)) {
          stream = p.getText();
        } else if ("data".equals(f)
            && stream != null
            && p.currentToken() == JsonToken.START_OBJECT) {
          Route r = routes.get(stream);
          if (r != null) {
            r.onData(p);
          } else {
            p.skipChildren();
          }
        } else if ("e".equals(f) && "serverShutdown".equals(p.getText())) {
          log.info("{} market stream: serverShutdown, reconnecting", out.venue());
          session.abort("serverShutdown");
          return;
        } else {
          p.skipChildren(); // subscription answers {"result":null,"id":n}
        }
      }
    } catch (IOException | RuntimeException e) {
      out.bug(new IllegalStateException("unreadable market message: " + abbreviate(text), e));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** {@code GET /api/v3/depth} with the configured limit, for the local book. */
  private void fetchSnapshot(BookSync book) {
    Instrument inst = book.instrument();
    rest.send(
        MarketRequests.depth(inst, config.depthSnapshotLimit()),
        new BodyHandler(
            body -> book.onSnapshot(StreamParse.snapshot(body, inst)),
            (detail, retryable) -> {
              book.onSnapshotFailed(detail);
              context.scheduler().schedule(1_000_000_000L, book::retrySnapshot);
            }));
  }

  @Override
  public void close() {
    ReconnectingWebSocket s;
    synchronized (this) {
      s = socket;
    }
    if (s != null) {
      s.close();
    }
  }

  private static final class DepthRoute implements Route {
    final BookSync book;

    DepthRoute(BookSync book) {
      this.book = book;
    }

    @Override
    public void onData(JsonParser data) throws IOException {
      book.onEvent(StreamParse.depthUpdate(data, book.instrument()));
    }

    @Override
    public void onReconnected() {
      book.restart("market stream reconnected after a gap");
    }
  }

  /** Top of book from {@code bookTicker}: each event replaces the book; stale ids are dropped. */
  private final class TickerRoute implements Route {
    private final Instrument inst;
    private long lastId = -1;

    TickerRoute(Instrument inst) {
      this.inst = inst;
    }

    @Override
    public synchronized void onData(JsonParser data) throws IOException {
      DepthData d = StreamParse.bookTicker(data, inst);
      if (d.lastUpdateId <= lastId) {
        return;
      }
      lastId = d.lastUpdateId;
      long now = out.now();
      out.emit(new BookUpdate(out.venue(), d.snapshot(inst, 1, now), now));
    }

    @Override
    public synchronized void onReconnected() {
      lastId = -1;
    }
  }

  private final class TradeRoute implements Route {
    private final Instrument inst;

    TradeRoute(Instrument inst) {
      this.inst = inst;
    }

    @Override
    public void onData(JsonParser data) throws IOException {
      StreamParse.Trade t = StreamParse.trade(data, inst);
      if (t.quantityUnits() <= 0) {
        return;
      }
      out.emit(
          new TradeTick(
              out.venue(),
              inst.id(),
              Long.toString(t.tradeId()),
              Price.of(t.priceUnits(), inst.priceScale()),
              Quantity.of(t.quantityUnits(), inst.quantityScale()),
              // "m": the buyer is the maker, so the aggressor sold.
              t.buyerIsMaker() ? Side.SELL : Side.BUY,
              out.now()));
    }
  }
}
