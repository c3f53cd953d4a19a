package io.tradeserver.bench.load;

import io.tradeserver.bench.mock.KucoinMock;
import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.kucoin.internal.KucoinBenchAccess;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * KuCoin in the load test: BTC-USDT over the HF order endpoint, the adapter's defaults, with its
 * local quota pools raised ({@code rateLimits}: a real account's SPOT pool is 4,000 to 40,000
 * weight per 30 s by VIP level) and the mock reporting a matching large pool in its headers.
 */
final class KucoinVenue implements Venue {
  static final Credentials CREDENTIALS =
      Credentials.of(
          "67113e4e0c2c5400016c56d1", "4b4f3d0a-1c6e-4f5a-9c3e-bench00000000", "bench-pass");
  private static final Price PRICE = Price.parse("64000.0");
  private static final Quantity QUANTITY = Quantity.parse("0.00100000");
  private static final int UNLIMITED = 1_000_000_000;

  @Override
  public String id() {
    return "kucoin";
  }

  @Override
  public MockServer.Handler newMock(LoadOptions o) {
    return new KucoinMock(o.fills());
  }

  @Override
  public VenueConfig config(String baseUrl, LoadOptions o) {
    return VenueConfig.builder("kucoin")
        .restUrl(baseUrl)
        .credentials(CREDENTIALS)
        .requestTimeout(Duration.ofSeconds(10))
        .symbols(List.of("BTC-USDT"))
        .bookDepth(5)
        .rateLimits(Map.of("SPOT", UNLIMITED, "PUBLIC", UNLIMITED, "MANAGEMENT", UNLIMITED))
        .option("maxInFlightOrders", Integer.toString(Math.max(256, o.concurrency())))
        .build();
  }

  @Override
  public List<String> symbols(LoadOptions o) {
    return List.of("BTC-USDT");
  }

  @Override
  public Price price() {
    return PRICE;
  }

  @Override
  public Quantity quantity() {
    return QUANTITY;
  }

  /** BTC-USDT exactly as the adapter maps the mock's symbols answer. */
  static Instrument instrument() {
    return Instrument.builder(InstrumentId.of("kucoin", "BTC-USDT"), "BTC-USDT")
        .tickSize(Price.parse("0.1"))
        .stepSize(Quantity.parse("0.00000001"))
        .minQuantity(Quantity.parse("0.00001000"))
        .minNotional(Quantity.parse("0.1"))
        .notionalScale(6)
        .build();
  }

  @Override
  public WireCodec wire(String baseUrl, LoadOptions o) {
    return new Wire(baseUrl);
  }

  /** The adapter's JSON body, KC-API-* signature and parser; a minimal HTTP/1.1 request. */
  private static final class Wire implements WireCodec {
    private final KucoinBenchAccess access = new KucoinBenchAccess(CREDENTIALS);
    private final Instrument instrument = instrument();
    private final HttpUrl url;
    private final String host;

    Wire(String baseUrl) {
      this.url = HttpUrl.get(baseUrl + "/api/v1/hf/orders");
      this.host = url.host() + ":" + url.port();
    }

    @Override
    public void writeRequest(long seq, ByteArrayOutputStream out) {
      OrderRequest o = LoadOrders.request(seq, instrument, PRICE, QUANTITY);
      byte[] body = KucoinBenchAccess.newOrderBody(o);
      Request signed = access.addOrderRequest(url, body, System.currentTimeMillis());
      StringBuilder head =
          new StringBuilder(512).append("POST /api/v1/hf/orders HTTP/1.1\r\nHost: ").append(host);
      for (int i = 0; i < signed.headers().size(); i++) {
        head.append("\r\n")
            .append(signed.headers().name(i))
            .append(": ")
            .append(signed.headers().value(i));
      }
      head.append("\r\nContent-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(body);
    }

    @Override
    public String verdict(int status, byte[] body) {
      try {
        return status == 200 && KucoinBenchAccess.orderId(body) != null ? null : "http " + status;
      } catch (IOException e) {
        return "unparseable answer";
      }
    }
  }
}
