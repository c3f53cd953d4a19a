package io.tradeserver.bench.load;

import io.tradeserver.bench.mock.BinanceMock;
import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.binance.internal.BinanceBenchAccess;
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

/**
 * Binance in the load test: BTCUSDT, REST order entry with FULL answers (the adapter's defaults),
 * {@code maxInFlightOrders} raised to the load's concurrency and the ORDERS / weight limits raised,
 * as the adapter's README prescribes for loopback load tests (Binance allows 100 orders per 10 s
 * per account; the mock's exchangeInfo publishes the real limits).
 */
final class BinanceVenue implements Venue {
  static final Credentials CREDENTIALS =
      Credentials.of(
          "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
          "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
  static final int RECV_WINDOW = 5000;
  private static final Price PRICE = Price.parse("64000.00");
  private static final Quantity QUANTITY = Quantity.parse("0.00100");
  private static final int UNLIMITED = 1_000_000_000;

  @Override
  public String id() {
    return "binance";
  }

  @Override
  public MockServer.Handler newMock(LoadOptions o) {
    return new BinanceMock(o.fills());
  }

  @Override
  public VenueConfig config(String baseUrl, LoadOptions o) {
    String ws = baseUrl.replaceFirst("^http", "ws");
    return VenueConfig.builder("binance")
        .restUrl(baseUrl)
        .streamUrl(ws)
        .privateStreamUrl(ws + "/ws-api/v3")
        .credentials(CREDENTIALS)
        .requestTimeout(Duration.ofSeconds(10))
        .symbols(List.of("BTC-USDT"))
        .bookDepth(1)
        .rateLimits(
            Map.of(
                "ORDERS_10s", UNLIMITED,
                "ORDERS_1d", UNLIMITED,
                "REQUEST_WEIGHT_1m", UNLIMITED,
                "RAW_REQUESTS_5m", UNLIMITED))
        .orderEntry(
            o.orderEntry().equals("websocket")
                ? io.tradeserver.spi.OrderEntry.WEBSOCKET
                : io.tradeserver.spi.OrderEntry.REST)
        .option("maxInFlightOrders", Integer.toString(Math.max(64, o.concurrency())))
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

  /** BTCUSDT exactly as the adapter maps the mock's exchangeInfo. */
  static Instrument instrument() {
    return Instrument.builder(InstrumentId.of("binance", "BTC-USDT"), "BTCUSDT")
        .tickSize(Price.parse("0.01"))
        .stepSize(Quantity.parse("0.00001"))
        .minQuantity(Quantity.parse("0.00001"))
        .minNotional(Quantity.parse("5"))
        .build();
  }

  @Override
  public WireCodec wire(String baseUrl, LoadOptions o) {
    return new Wire(baseUrl.replaceFirst("^https?://", ""));
  }

  /** The adapter's parameters and HMAC signature, its parser; a minimal HTTP/1.1 request. */
  private static final class Wire implements WireCodec {
    private final BinanceBenchAccess access =
        new BinanceBenchAccess(CREDENTIALS, RECV_WINDOW, "FULL");
    private final Instrument instrument = instrument();
    private final byte[] head;

    Wire(String host) {
      head =
          ("POST /api/v3/order HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nX-MBX-APIKEY: "
                  + CREDENTIALS.apiKey()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
              .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void writeRequest(long seq, ByteArrayOutputStream out) {
      OrderRequest o = LoadOrders.request(seq, instrument, PRICE, QUANTITY);
      byte[] body = access.newOrderBody(o, System.currentTimeMillis());
      out.writeBytes(head);
      out.writeBytes(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(new byte[] {'\r', '\n', '\r', '\n'});
      out.writeBytes(body);
    }

    @Override
    public String verdict(int status, byte[] body) {
      try {
        return status == 200 && BinanceBenchAccess.orderStatus(body) != null
            ? null
            : "http " + status;
      } catch (IOException e) {
        return "unparseable answer";
      }
    }
  }
}
