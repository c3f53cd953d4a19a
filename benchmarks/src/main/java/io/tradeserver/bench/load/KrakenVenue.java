package io.tradeserver.bench.load;

import io.tradeserver.bench.mock.KrakenMock;
import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.kraken.internal.KrakenBenchAccess;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kraken in the load test: synthetic pairs (Kraken's per-pair trading counter, enforced locally by
 * the adapter, allows at most 180 orders in a burst per pair at the Pro tier), Pro tier limits, and
 * with more than one order in flight a key with a nonce window ({@code nonceWindow=true}, {@code
 * privateConcurrency} = in-flight orders, at most 64), which is what a Kraken user sending orders
 * in parallel needs. {@code --order-entry websocket} sends orders as WebSocket v2 {@code add_order}
 * instead (no nonce, so the nonce window plays no part).
 */
final class KrakenVenue implements Venue {
  static final Credentials CREDENTIALS =
      Credentials.of(
          "bench-kraken-api-key",
          Base64.getEncoder().encodeToString("bench-secret-".repeat(5).getBytes()));
  private static final Price PRICE = Price.parse("50000.0");
  private static final Quantity QUANTITY = Quantity.parse("0.00100000");
  private static final AtomicLong NONCE = new AtomicLong();

  @Override
  public String id() {
    return "kraken";
  }

  @Override
  public MockServer.Handler newMock(LoadOptions o) {
    return new KrakenMock(o.pairs(), o.fills());
  }

  @Override
  public VenueConfig config(String baseUrl, LoadOptions o) {
    String ws = baseUrl.replaceFirst("^http", "ws");
    int parallel = Math.min(64, o.concurrency());
    VenueConfig.Builder b =
        VenueConfig.builder("kraken")
            .restUrl(baseUrl)
            .streamUrl(ws + "/ws/public")
            .privateStreamUrl(ws + "/ws/private")
            .credentials(CREDENTIALS)
            .requestTimeout(Duration.ofSeconds(10))
            .bookDepth(10)
            .orderEntry(o.orderEntry().equals("websocket") ? OrderEntry.WEBSOCKET : OrderEntry.REST)
            .option("tier", "pro");
    if (parallel > 1) {
      b.option("nonceWindow", "true").option("privateConcurrency", Integer.toString(parallel));
    }
    return b.build();
  }

  @Override
  public List<String> symbols(LoadOptions o) {
    List<String> s = new ArrayList<>(o.pairs());
    for (int i = 0; i < o.pairs(); i++) {
      s.add(KrakenMock.symbol(i));
    }
    return s;
  }

  @Override
  public Price price() {
    return PRICE;
  }

  @Override
  public Quantity quantity() {
    return QUANTITY;
  }

  /** The instrument exactly as the adapter maps the mock's AssetPairs entry. */
  static Instrument instrument(String symbol) {
    return Instrument.builder(InstrumentId.of("kraken", symbol), pairKey(symbol))
        .priceScale(1)
        .quantityScale(8)
        .notionalScale(5)
        .tickSize(Price.parse("0.1"))
        .stepSize(Quantity.of(1, 8))
        .minQuantity(Quantity.parse("0.00010000"))
        .minNotional(Quantity.parse("0.5"))
        .build();
  }

  static String pairKey(String symbol) {
    return symbol.substring(0, symbol.indexOf('-')) + "ZUSD";
  }

  @Override
  public WireCodec wire(String baseUrl, LoadOptions o) {
    List<String> symbols = symbols(o);
    List<Instrument> instruments = new ArrayList<>();
    List<KrakenBenchAccess> access = new ArrayList<>();
    for (String s : symbols) {
      Instrument in = instrument(s);
      instruments.add(in);
      access.add(new KrakenBenchAccess(CREDENTIALS, in, pairKey(s)));
    }
    String host = baseUrl.replaceFirst("^https?://", "");
    return new Wire(access, instruments, host);
  }

  /** The same body, nonce rule and signature as the adapter's AddOrder. */
  private static final class Wire implements WireCodec {
    private static final byte[] PATH = "/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII);
    private final List<KrakenBenchAccess> access;
    private final List<Instrument> instruments;
    private final String host;
    private final StringBuilder body = new StringBuilder(256);

    Wire(List<KrakenBenchAccess> access, List<Instrument> instruments, String host) {
      this.access = access;
      this.instruments = instruments;
      this.host = host;
    }

    @Override
    public void writeRequest(long seq, ByteArrayOutputStream out) {
      int i = (int) (seq % access.size());
      KrakenBenchAccess a = access.get(i);
      long nonce = nextNonce();
      body.setLength(0);
      body.append("nonce=").append(nonce);
      OrderRequest o = LoadOrders.request(seq, instruments.get(i), PRICE, QUANTITY);
      a.writeAddOrder(body, o);
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      String sign = a.sign(PATH, Long.toString(nonce).getBytes(StandardCharsets.US_ASCII), bytes);
      String head =
          "POST /0/private/AddOrder HTTP/1.1\r\nHost: "
              + host
              + "\r\nAPI-Key: "
              + a.apiKey()
              + "\r\nAPI-Sign: "
              + sign
              + "\r\nUser-Agent: tradeserver-kraken/0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
              + "Content-Length: "
              + bytes.length
              + "\r\n\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(bytes);
    }

    @Override
    public String verdict(int status, byte[] body) {
      try {
        return status == 200 && KrakenBenchAccess.addOrderTxid(body) != null
            ? null
            : "http " + status;
      } catch (java.io.IOException e) {
        return "unparseable answer";
      }
    }
  }

  static long nextNonce() {
    long now = System.currentTimeMillis() * 1000;
    return NONCE.updateAndGet(last -> Math.max(last + 1, now));
  }
}
