package io.tradeserver.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BinanceConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    BinanceConfig c = BinanceConfig.from(VenueConfig.builder("binance").build());
    assertThat(c.restUrl()).isEqualTo("https://api.binance.com");
    assertThat(c.streamUrl()).isEqualTo("wss://stream.binance.com:9443");
    assertThat(c.wsApiUrl()).isEqualTo("wss://ws-api.binance.com:443/ws-api/v3");
    assertThat(c.recvWindowMillis()).isEqualTo(5000);
    assertThat(c.orderResponseType()).isEqualTo(BinanceConfig.OrderResponseType.FULL);
    assertThat(c.keyType()).isEqualTo(BinanceConfig.KeyType.HMAC);
    assertThat(c.wsMaxLifetime()).isEqualTo(Duration.ofHours(24));
    assertThat(c.maxInFlightOrders()).isEqualTo(64);
  }

  @Test
  void everyOptionTheAdapterReadsIsAcceptedByTheConfigFileLoader() throws Exception {
    // The loader checks known providers' options itself: an option missing there refuses the file.
    java.util.Map<String, Object> options = new java.util.LinkedHashMap<>();
    options.put("keyType", "HMAC");
    options.put("recvWindow", 2000);
    options.put("newOrderRespType", "RESULT");
    options.put("timeSyncIntervalSeconds", 60);
    options.put("maxInFlightOrders", 16);
    options.put("depthSnapshotLimit", 500);
    options.put("depthUpdateSpeed", "1000ms");
    options.put("bookTickerForTopOfBook", false);
    options.put("wsMaxLifetimeMinutes", 60);
    options.put("wsRotationLeadSeconds", 30);
    options.put("wsPingIntervalSeconds", 15);
    assertThat(options.keySet()).as("every option key").isEqualTo(BinanceConfig.OPTION_KEYS);
    String json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                java.util.Map.of(
                    "venues",
                    java.util.Map.of(
                        "binance", java.util.Map.of("provider", "binance", "options", options))));
    io.tradeserver.config.TradeServerConfig loaded =
        io.tradeserver.config.ConfigLoader.withEnvironment(java.util.Map.of()).parse(json, "test");
    BinanceConfig c = BinanceConfig.from(loaded.venues().get(0).config());
    assertThat(c.recvWindowMillis()).isEqualTo(2000);
    assertThat(c.orderResponseType()).isEqualTo(BinanceConfig.OrderResponseType.RESULT);
    assertThat(c.wsPingInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    VenueConfig bad =
        VenueConfig.builder("binance")
            .restUrl("ftp://x")
            .orderEntry(OrderEntry.WEBSOCKET)
            .option("recvWindow", "70000")
            .option("keyType", "RSA")
            .option("depthUpdateSpeed", "10ms")
            .option("recvWindos", "1")
            .build();
    assertThatThrownBy(() -> BinanceConfig.from(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWindow: must be 1..60000")
        .hasMessageContaining("keyType: must be one of [HMAC, ED25519]")
        .hasMessageContaining("unknown option recvWindos")
        .hasMessageContaining("restUrl must be a http(s) URL")
        .hasMessageContaining("depthUpdateSpeed must be 100ms or 1000ms")
        .hasMessageContaining("WebSocket order entry needs credentials");
  }

  @Test
  void secretsNeverShowAndBadEd25519KeysAreRefusedWithoutEcho() {
    VenueConfig v =
        VenueConfig.builder("binance")
            .credentials(Credentials.of("key-abcd", "super-secret-value"))
            .option("keyType", "ED25519")
            .build();
    assertThatThrownBy(() -> BinanceConfig.from(v))
        .hasMessageContaining("not a PKCS#8 PEM Ed25519 private key")
        .hasMessageNotContaining("super-secret-value");
    BinanceConfig ok =
        BinanceConfig.from(
            VenueConfig.builder("binance")
                .credentials(Credentials.of("key-abcd", "super-secret-value"))
                .build());
    assertThat(ok.toString()).doesNotContain("super-secret-value").doesNotContain("key-abcd");
  }

  @Test
  void providerIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(ExchangeClientProvider.class).stream().map(p -> p.get().id()))
        .contains("binance");
  }
}
