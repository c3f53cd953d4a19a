package io.tradeserver.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KrakenConfigTest {
  @Test
  void defaultsAndOptions() {
    KrakenConfig c =
        KrakenConfig.from(
            VenueConfig.builder("kraken")
                .credentials(Credentials.of("k", FakeKraken.SECRET))
                .option("tier", "pro")
                .option("privateConcurrency", "4")
                .option("nonceWindow", "true")
                .build());
    assertThat(c.restUrl()).isEqualTo("https://api.kraken.com");
    assertThat(c.publicStreamUrl()).isEqualTo("wss://ws.kraken.com/v2");
    assertThat(c.privateStreamUrl()).isEqualTo("wss://ws-auth.kraken.com/v2");
    assertThat(c.tier()).isEqualTo(KrakenTier.PRO);
    assertThat(c.privateConcurrency()).isEqualTo(4);
    assertThat(c.toString()).doesNotContain(FakeKraken.SECRET);
  }

  @Test
  void everyOptionTheAdapterReadsIsAcceptedByTheConfigFileLoader() {
    // The loader checks known providers' options itself: an option missing there refuses the file.
    String json =
        """
        {"venues": {"kraken": {"provider": "kraken", "options": {
          "tier": "intermediate", "privateConcurrency": 2, "nonceWindow": true,
          "nonceFile": "/var/lib/tradeserver/kraken.nonce", "maxRequests": 32,
          "pingIntervalSeconds": 5, "idleTimeoutSeconds": 20}}}}
        """;
    io.tradeserver.config.TradeServerConfig loaded =
        io.tradeserver.config.ConfigLoader.withEnvironment(java.util.Map.of()).parse(json, "test");
    KrakenConfig c = KrakenConfig.from(loaded.venues().get(0).config());
    assertThat(c.tier()).isEqualTo(KrakenTier.INTERMEDIATE);
    assertThat(c.privateConcurrency()).isEqualTo(2);
    assertThat(c.maxRequests()).isEqualTo(32);
    assertThat(c.pingInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(c.nonceFile()).isEqualTo(java.nio.file.Path.of("/var/lib/tradeserver/kraken.nonce"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                KrakenConfig.from(
                    VenueConfig.builder("kraken")
                        .credentials(Credentials.of("k", "not base64!"))
                        .option("tier", "gold")
                        .option("privateConcurrency", "3")
                        .option("maxRequests", "0")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options.tier")
        .hasMessageContaining("nonceWindow")
        .hasMessageContaining("maxRequests")
        .hasMessageContaining("base64")
        .hasMessageNotContaining("not base64!");
  }

  @Test
  void webSocketOrderEntryIsReadAndNeedsCredentials() {
    KrakenConfig ws =
        KrakenConfig.from(
            VenueConfig.builder("kraken")
                .credentials(Credentials.of("k", FakeKraken.SECRET))
                .orderEntry(OrderEntry.WEBSOCKET)
                .build());
    assertThat(ws.webSocketOrderEntry()).isTrue();
    assertThat(KrakenConfig.builder().build().orderEntry()).isEqualTo(OrderEntry.REST);
    assertThatThrownBy(() -> KrakenConfig.builder().orderEntry(OrderEntry.WEBSOCKET).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderEntry WEBSOCKET needs credentials");
  }

  @Test
  void webSocketOrderEntryLoadsThroughTheConfigFileLoader() {
    String json =
        """
        {"venues": {"kraken": {"provider": "kraken", "orderEntry": "websocket",
          "credentials": {"apiKey": "env:K", "secret": "env:S"}}}}
        """;
    io.tradeserver.config.TradeServerConfig loaded =
        io.tradeserver.config.ConfigLoader.withEnvironment(java.util.Map.of()).parse(json, "test");
    // Secrets are resolved at start; the adapter then gets the config with credentials.
    VenueConfig vc =
        loaded.venues().get(0).config().toBuilder()
            .credentials(Credentials.of("k", FakeKraken.SECRET))
            .build();
    assertThat(KrakenConfig.from(vc).orderEntry()).isEqualTo(OrderEntry.WEBSOCKET);
  }

  @Test
  void tierLimitsAsPublished() {
    assertThat(KrakenTier.STARTER.apiCounterMax()).isEqualTo(15);
    assertThat(KrakenTier.STARTER.tradingCounterMax()).isEqualTo(60);
    assertThat(KrakenTier.INTERMEDIATE.tradingCounterDrain().toMillis()).isEqualTo(53_419);
    assertThat(KrakenTier.PRO.apiCounterDrain().toSeconds()).isEqualTo(20);
  }

  @Test
  void providerIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(ExchangeClientProvider.class).stream().map(p -> p.get().id()))
        .contains("kraken");
  }
}
