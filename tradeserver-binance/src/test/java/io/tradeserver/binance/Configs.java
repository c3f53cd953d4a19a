package io.tradeserver.binance;

import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.model.Instrument;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.TestContexts;
import java.time.Duration;
import java.util.List;

/** Venue configurations pointing at a {@link MockBinance}. */
final class Configs {
  private Configs() {}

  static VenueConfig.Builder base(MockBinance venue) {
    return VenueConfig.builder("binance")
        .restUrl(venue.restUrl())
        .streamUrl(venue.streamUrl())
        .privateStreamUrl(venue.wsApiUrl())
        .credentials(Credentials.of(MockBinance.API_KEY, MockBinance.SECRET))
        .symbols(List.of("BTC-USDT", "ETH-BTC", "BNB-USDT"))
        .requestTimeout(Duration.ofSeconds(1));
  }

  static VenueConfig rest(MockBinance venue) {
    return base(venue).build();
  }

  static VenueConfig webSocket(MockBinance venue) {
    return base(venue).orderEntry(OrderEntry.WEBSOCKET).build();
  }

  /** BTC-USDT from the client's first {@code InstrumentsLoaded}, once it arrives. */
  static Instrument btcUsdt(TestContexts kit) {
    return kit.listener.await(InstrumentsLoaded.class).instruments().stream()
        .filter(i -> i.symbol().equals("BTC-USDT"))
        .findFirst()
        .orElseThrow();
  }
}
