package io.tradeserver.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.event.InstrumentsLoaded;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Configuration validation, ServiceLoader registration and market-data-only clients. */
class KucoinConfigTest {

  @Test
  void defaultsFromAPlainVenueConfig() {
    KucoinConfig c = KucoinConfig.from(VenueConfig.builder("kucoin").build());
    assertThat(c.restUrl()).isEqualTo("https://api.kucoin.com");
    assertThat(c.apiKeyVersion()).isEqualTo(3);
    assertThat(c.vipLevel()).isZero();
    assertThat(c.maxInFlightOrders()).isEqualTo(256);
    assertThat(c.timeSyncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.wsIdleTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.feeRefreshInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(c.takerFeeBps()).isEqualByComparingTo("10");
    assertThat(c.makerFeeBps()).isEqualByComparingTo("10");
    assertThat(c.fullBookSnapshot()).isFalse();
    assertThat(c.hasCredentials()).isFalse();
  }

  @Test
  void everyOptionTheAdapterReadsIsAcceptedByTheConfigFileLoader() {
    // The loader checks known providers' options itself: an option missing there refuses the file.
    String json =
        """
        {"venues": {"kucoin": {"provider": "kucoin", "options": {
          "apiKeyVersion": 2, "vipLevel": 3, "maxInFlightOrders": 8,
          "timeSyncIntervalSeconds": 60, "wsIdleTimeoutSeconds": 30, "bookSnapshot": "top100",
          "feeRefreshIntervalSeconds": 600}}}}
        """;
    io.tradeserver.config.TradeServerConfig loaded =
        io.tradeserver.config.ConfigLoader.withEnvironment(Map.of()).parse(json, "test");
    KucoinConfig c = KucoinConfig.from(loaded.venues().get(0).config());
    assertThat(c.feeRefreshInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.apiKeyVersion()).isEqualTo(2);
    assertThat(c.fullBookSnapshot()).isFalse();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    VenueConfig v =
        VenueConfig.builder("kucoin")
            .credentials(Credentials.of("k", "s"))
            .rateLimits(Map.of("SPOT", 0, "FUTURES", 10))
            .orderEntry(io.tradeserver.spi.OrderEntry.WEBSOCKET)
            .options(
                Map.of(
                    "vipLevel", "13",
                    "apiKeyVersion", "1",
                    "bookSnapshot", "all",
                    "timeSyncIntervalSeconds", "x",
                    "feeRefreshIntervalSeconds", "30",
                    "recvWindow", "5000"))
            .build();
    assertThatThrownBy(() -> KucoinConfig.from(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vipLevel")
        .hasMessageContaining("apiKeyVersion")
        .hasMessageContaining("bookSnapshot")
        .hasMessageContaining("timeSyncIntervalSeconds")
        .hasMessageContaining("feeRefreshIntervalSeconds")
        .hasMessageContaining("unknown option recvWindow")
        .hasMessageContaining("passphrase")
        .hasMessageContaining("rateLimits.SPOT")
        .hasMessageContaining("rateLimits.FUTURES")
        .hasMessageContaining("orderEntry WEBSOCKET is not supported by the KuCoin adapter");
  }

  @Test
  void toStringNeverShowsSecrets() {
    KucoinConfig c =
        KucoinConfig.from(
            VenueConfig.builder("kucoin")
                .credentials(Credentials.of("abcdef123456", "topsecret", "mypassphrase"))
                .build());
    assertThat(c.toString()).doesNotContain("topsecret", "mypassphrase", "abcdef12");
  }

  @Test
  void theProviderIsFoundByServiceLoaderUnderKucoin() {
    assertThat(ServiceLoader.load(ExchangeClientProvider.class).stream())
        .extracting(p -> p.get().id())
        .contains("kucoin");
  }

  @Test
  void withoutCredentialsOnlyMarketDataWorks() throws Exception {
    try (MockKucoin venue = new MockKucoin()) {
      VenueConfig config =
          VenueConfig.builder("kucoin").restUrl(venue.server.url("/").toString()).build();
      ExchangeClient client = new KucoinExchangeProvider().create(venue.kit.context(config));
      try {
        assertThat(client.capabilities())
            .containsExactlyInAnyOrder(
                Capability.ORDER_BOOK_STREAM, Capability.TICKER, Capability.BOOK_SNAPSHOT);
        client.start();
        venue.events().await(InstrumentsLoaded.class);
        assertThatThrownBy(() -> client.requestBalances())
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.subscribeTrades(null))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThat(venue.requests("POST", "/api/v1/bullet-private")).isEmpty();
      } finally {
        client.close();
      }
    }
  }
}
