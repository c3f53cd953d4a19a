package io.tradeserver.bench.load;

import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.spi.VenueConfig;
import java.util.List;

/**
 * What the load test (and the signal-to-wire benchmark) needs to know about one exchange: its mock,
 * its configuration, its wire.
 */
public interface Venue {
  String id();

  /** The embedded mock venue's personality. */
  MockServer.Handler newMock(LoadOptions options);

  /** The adapter's configuration pointing at the mock at {@code baseUrl}. */
  VenueConfig config(String baseUrl, LoadOptions options);

  /** Canonical symbols the orders are spread over. */
  List<String> symbols(LoadOptions options);

  /** Limit price of every order (at the instruments' tick). */
  Price price();

  /** Quantity of every order (at the instruments' step, above their minimums). */
  Quantity quantity();

  /** The raw baseline's codec for one slot. */
  WireCodec wire(String baseUrl, LoadOptions options);

  /** The venue for {@code binance}, {@code kucoin} or {@code kraken}. */
  static Venue of(String exchange) {
    return switch (exchange) {
      case "kraken" -> new KrakenVenue();
      case "binance" -> new BinanceVenue();
      case "kucoin" -> new KucoinVenue();
      default -> throw new IllegalArgumentException("no load-test venue for " + exchange + " yet");
    };
  }
}
