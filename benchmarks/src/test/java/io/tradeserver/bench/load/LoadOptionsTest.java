package io.tradeserver.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  @Test
  void defaultsForTheMinimalCommand() {
    LoadOptions o = LoadOptions.parse("--exchange", "kraken");
    assertThat(o)
        .isEqualTo(
            new LoadOptions(
                "kraken", null, 100_000, 20_000, 10, 1, "adapter", List.of(), true, 3, 4096,
                "backoff", 0, false, "rest", "default"));
  }

  @Test
  void engineModeFillsByDefaultAndPeersAccumulate() {
    LoadOptions o =
        LoadOptions.parse(
            "--exchange",
            "binance",
            "--mode",
            "engine",
            "--peer",
            "xchange",
            "--peer",
            "binance-connector",
            "--base-url",
            "http://127.0.0.1:9/",
            "--concurrency",
            "64");
    assertThat(o.engine()).isTrue();
    assertThat(o.fills()).isTrue();
    assertThat(o.peers()).containsExactly("xchange", "binance-connector");
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(o.concurrency()).isEqualTo(64);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                LoadOptions.parse(
                    "--exchange",
                    "ftx",
                    "--mode",
                    "turbo",
                    "--orders",
                    "x",
                    "--peer",
                    "ccxt",
                    "--bogus",
                    "1",
                    "--concurrency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--orders needs a number")
        .hasMessageContaining("unknown flag --bogus")
        .hasMessageContaining("--concurrency needs a value")
        .hasMessageContaining("--exchange must be binance, kucoin or kraken")
        .hasMessageContaining("--mode must be adapter or engine")
        .hasMessageContaining("--peer must be xchange or binance-connector");
  }

  @Test
  void webSocketOrderEntryIsForBinanceAndKraken() {
    assertThat(LoadOptions.parse("--exchange", "kraken", "--order-entry", "websocket").orderEntry())
        .isEqualTo("websocket");
    assertThat(
            LoadOptions.parse("--exchange", "binance", "--order-entry", "WebSocket").orderEntry())
        .isEqualTo("websocket");
    assertThatThrownBy(
            () -> LoadOptions.parse("--exchange", "kucoin", "--order-entry", "websocket"))
        .hasMessageContaining("--order-entry websocket needs --exchange binance or kraken");
  }

  @Test
  void peersAreBinanceClients() {
    assertThatThrownBy(() -> LoadOptions.parse("--exchange", "kraken", "--peer", "xchange"))
        .hasMessageContaining("use it with --exchange binance");
  }
}
