package io.tradeserver.paper;

import io.tradeserver.event.BookUpdate;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.TradeTick;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.EngineDriven;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.RateLimitAware;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.venue.RateLimiter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper trading on live data ({@code VenueConfig.paper() == true}): wraps a real adapter's client,
 * passes its market data (instruments, books, trades, market-stream state, alerts) to the engine
 * unchanged, and fills orders itself against that live book with {@link PaperMatcher}. No order,
 * cancel or account request ever reaches the venue: the live client gets the configuration without
 * credentials, so it cannot trade even by mistake, and anything private it might still emit is
 * dropped. Orders produce the same events as a live venue (accepted, fills, expired, canceled,
 * balances); only the ids show the difference ({@code P}-prefixed exchange order and trade ids) and
 * {@code TradeServer.isPaper(venue)} / {@code VenueStatus.paper()} say so.
 *
 * <p>Balances are a paper account from the option {@value #BALANCES_OPTION} ({@code
 * "USDT=100000,BTC=2"}; default {@value #DEFAULT_BALANCES}); fees are the venue's configured taker
 * and maker rates, in the quote currency. Commands are thread-safe (queued); matching happens in
 * {@link #doWork(long)} on the engine thread, live data first, then commands.
 */
public final class PaperExchangeClient implements ExchangeClient, EngineDriven, RateLimitAware {
  /** Venue option with the paper account's starting balances. */
  public static final String BALANCES_OPTION = "paperBalances";

  /** Starting balances when the option is absent. */
  public static final String DEFAULT_BALANCES =
      "USDT=1000000,USDC=1000000,USD=1000000,EUR=1000000,BTC=20,ETH=300";

  private static final Logger log = LoggerFactory.getLogger(PaperExchangeClient.class);
  private static final Set<Capability> ORDER_CAPABILITIES =
      EnumSet.of(
          Capability.LIMIT_ORDER,
          Capability.MARKET_ORDER,
          Capability.POST_ONLY,
          Capability.MARKET_PROTECTION_PRICE,
          Capability.IOC,
          Capability.FOK,
          Capability.CANCEL,
          Capability.CANCEL_ALL,
          Capability.QUERY_ORDER,
          Capability.OPEN_ORDERS,
          Capability.BALANCES,
          Capability.PRIVATE_STREAM);

  private final ExchangeContext context;
  private final String venue;
  private final ExchangeClient live;
  private final EngineDriven liveDriven;
  private final Set<Capability> capabilities;
  private final ConcurrentLinkedQueue<VenueEvent> market = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final AtomicLong droppedLive = new AtomicLong();
  private final Set<String> tradeSubscriptions = new HashSet<>();
  private final PaperVenue paper;

  private PaperExchangeClient(ExchangeContext context, ExchangeClientProvider provider) {
    this.context = context;
    this.venue = context.venue();
    SimAccount account = new SimAccount(balances(context.config().option(BALANCES_OPTION, null)));
    PaperMatcher matcher =
        new PaperMatcher(
            venue, context.config().takerFeeBps(), context.config().makerFeeBps(), account);
    this.paper = new PaperVenue(venue, context.listener(), account, matcher);
    ExchangeContext liveContext =
        context.toBuilder().config(liveConfig(context.config())).listener(this::onLive).build();
    this.live = provider.create(liveContext);
    this.liveDriven = live instanceof EngineDriven d ? d : null;
    Set<Capability> c = EnumSet.copyOf(ORDER_CAPABILITIES);
    for (Capability data :
        List.of(
            Capability.ORDER_BOOK_STREAM,
            Capability.TRADE_STREAM,
            Capability.TICKER,
            Capability.BOOK_SNAPSHOT)) {
      if (live.capabilities().contains(data)) {
        c.add(data);
      }
    }
    this.capabilities = Set.copyOf(c);
  }

  /**
   * Creates {@code provider}'s client for {@code context}'s venue as the live data source, without
   * credentials, and wraps it.
   *
   * @throws IllegalArgumentException when the paper balances option or the venue configuration is
   *     invalid
   */
  public static PaperExchangeClient create(
      ExchangeClientProvider provider, ExchangeContext context) {
    return new PaperExchangeClient(context, provider);
  }

  /**
   * What the live client gets: no credentials (it cannot trade, even by mistake) and no paper
   * option (adapters refuse options they do not know).
   */
  static VenueConfig liveConfig(VenueConfig paper) {
    Map<String, String> options = new LinkedHashMap<>(paper.options());
    options.remove(BALANCES_OPTION);
    return paper.toBuilder().credentials(null).options(options).build();
  }

  /** Parses {@code "USDT=1000,BTC=0.5"}; every bad entry is named. */
  static Map<String, String> balances(String option) {
    String text = option == null ? DEFAULT_BALANCES : option;
    Map<String, String> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String entry : text.split(",")) {
      String[] kv = entry.trim().split("=", 2);
      try {
        if (kv.length != 2 || kv[0].isBlank() || Quantity.parse(kv[1].trim()).signum() < 0) {
          throw new IllegalArgumentException();
        }
        out.put(kv[0].trim(), kv[1].trim());
      } catch (RuntimeException e) {
        problems.add("'" + entry.trim() + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          BALANCES_OPTION + ": expected ASSET=AMOUNT,... with amounts >= 0; bad: " + problems);
    }
    return out;
  }

  // ---- live data, any thread -----------------------------------------------------------------

  private void onLive(VenueEvent e) {
    if (e instanceof BookUpdate b && b.requested()) {
      context.listener().onEvent(e); // a one-off snapshot: never the book paper orders match on
    } else if (e instanceof BookUpdate
        || e instanceof TradeTick
        || e instanceof InstrumentsLoaded) {
      market.add(e); // before the engine sees it, so the paper book is never behind the engine's
      context.listener().onEvent(e);
    } else if (isMarketData(e) || e instanceof io.tradeserver.event.Ticker) {
      context.listener().onEvent(e);
    } else if (droppedLive.getAndIncrement() == 0) {
      log.warn("{}: paper mode ignores the live venue's account events, e.g. {}", venue, e);
    }
  }

  private static boolean isMarketData(VenueEvent e) {
    if (e instanceof ConnectionEvent c) {
      return c.channel() == Channel.MARKET_STREAM || c.channel() == Channel.REST;
    }
    if (e instanceof RequestFailed f) {
      RequestKind k = f.request();
      return k == RequestKind.INSTRUMENTS
          || k == RequestKind.BOOK_SNAPSHOT
          || k == RequestKind.TICKER
          || k == RequestKind.SUBSCRIBE;
    }
    return e instanceof VenueAlert;
  }

  /** Live events dropped because they concern the real account (none expected). */
  public long droppedLiveEvents() {
    return droppedLive.get();
  }

  // ---- ExchangeClient -----------------------------------------------------------------------

  @Override
  public String venue() {
    return venue;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public void start() {
    live.start();
    commands.add(paper::started);
  }

  @Override
  public void submit(OrderRequest order) {
    commands.add(() -> paper.submit(order));
  }

  @Override
  public void cancel(Instrument instrument, String clientOrderId, String exchangeOrderId) {
    commands.add(() -> paper.cancel(instrument, clientOrderId));
  }

  @Override
  public void cancelAll(Instrument instrument) {
    commands.add(() -> paper.cancelAll(instrument));
  }

  @Override
  public void queryOrder(Instrument instrument, String clientOrderId) {
    commands.add(() -> paper.query(instrument, clientOrderId));
  }

  @Override
  public void requestOpenOrders(Instrument instrument) {
    commands.add(() -> paper.openOrders(instrument));
  }

  @Override
  public void requestBalances() {
    commands.add(paper::balances);
  }

  /** Streams the live book, and the live trades when the venue has them (limit fills use them). */
  @Override
  public void subscribeBook(Instrument instrument, int depth) {
    live.subscribeBook(instrument, depth);
    subscribeTrades(instrument);
  }

  /** The live venue's ticker (market data passes through). */
  @Override
  public void requestTicker(Instrument instrument) {
    if (!capabilities.contains(Capability.TICKER)) {
      ExchangeClient.super.requestTicker(instrument);
    }
    live.requestTicker(instrument);
  }

  /** The live venue's REST book snapshot (market data passes through). */
  @Override
  public void requestBook(Instrument instrument, int depth) {
    if (!capabilities.contains(Capability.BOOK_SNAPSHOT)) {
      ExchangeClient.super.requestBook(instrument, depth);
    }
    live.requestBook(instrument, depth);
  }

  @Override
  public void subscribeTrades(Instrument instrument) {
    if (!live.capabilities().contains(Capability.TRADE_STREAM)) {
      return;
    }
    synchronized (tradeSubscriptions) {
      if (!tradeSubscriptions.add(instrument.symbol())) {
        return;
      }
    }
    live.subscribeTrades(instrument);
  }

  @Override
  public List<RateLimiter.Headroom> rateLimitHeadroom() {
    return live instanceof RateLimitAware r ? r.rateLimitHeadroom() : List.of();
  }

  @Override
  public void close() {
    live.close();
  }

  // ---- engine thread ------------------------------------------------------------------------

  @Override
  public int doWork(long nowNanos) {
    paper.now(nowNanos);
    int work = liveDriven == null ? 0 : liveDriven.doWork(nowNanos);
    VenueEvent e;
    while ((e = market.poll()) != null) {
      paper.apply(e);
      work++;
    }
    Runnable c;
    while ((c = commands.poll()) != null) {
      c.run();
      work++;
    }
    return work;
  }
}
