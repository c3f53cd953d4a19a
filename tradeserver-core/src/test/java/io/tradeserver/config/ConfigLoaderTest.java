package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.risk.BreakerConfig;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.risk.TradingState;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  static final SecretResolvers RESOLVERS =
      SecretResolvers.of(
          new EnvSecretResolver(Map.of()), new FileSecretResolver(), new FakeAwsResolver(Map.of()));

  static ConfigLoader loader(Map<String, String> env) {
    return ConfigLoader.withEnvironment(env).withResolvers(RESOLVERS);
  }

  static TradeServerConfig parse(String json) {
    return loader(Map.of()).parse(json.replace('\'', '"'), "test.json");
  }

  static List<String> problems(String json) {
    return problems(json, Map.of());
  }

  static List<String> problems(String json, Map<String, String> env) {
    try {
      loader(env).parse(json.replace('\'', '"'), "test.json");
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void emptyObjectGivesTheRecordsDefaults() {
    TradeServerConfig c = parse("{}");
    assertThat(c).isEqualTo(TradeServerConfig.defaults());
    assertThat(c.engine()).isEqualTo(EngineConfig.defaults());
    assertThat(c.risk()).isEqualTo(RiskConfig.defaults());
    assertThat(c.nats()).isEqualTo(NatsSettings.defaults());
  }

  @Test
  void theSampleAndDemoFilesLoad() {
    TradeServerConfig sample = loader(Map.of()).read(Path.of("../config/sample.json"));
    assertThat(sample.venues())
        .extracting(VenueSettings::venue)
        .containsExactly("binance", "kucoin", "kraken", "sim");
    VenueSettings kraken = sample.venue("kraken");
    assertThat(kraken.config().options()).containsEntry("tier", "intermediate");
    assertThat(kraken.paper())
        .isEqualTo(
            new PaperSettings(
                true, Map.of("USD", new BigDecimal("100000"), "BTC", new BigDecimal("1"))));
    assertThat(kraken.config().options().get("paperBalances"))
        .as("the paper account reaches the paper wrapper")
        .matches("(USD=100000,BTC=1|BTC=1,USD=100000)");
    assertThat(sample.venue("kucoin").credentials().passphrase())
        .isEqualTo(new SecretRef("aws", "prod/tradeserver/kucoin", "passphrase"));
    assertThat(sample.risk().breakers().dailyLoss()).containsEntry("USDT", new BigDecimal("5000"));

    TradeServerConfig demo = loader(Map.of()).read(Path.of("../config/demo.json"));
    assertThat(demo.venues())
        .extracting(v -> v.config().provider())
        .containsExactly("sim", "sim", "sim");
  }

  @Test
  void mapsEveryVenueFieldOntoVenueConfig() {
    TradeServerConfig c =
        parse(
            "{'venues': {'bin-1': {'provider': 'binance', 'enabled': false, 'restUrl': 'http://127.0.0.1:1',"
                + " 'streamUrl': 'ws://127.0.0.1:2', 'privateStreamUrl': 'wss://x', 'orderEntry': 'websocket',"
                + " 'credentials': {'apiKey': 'env:K', 'secret': 'file:/run/s#secret'},"
                + " 'symbols': ['BTC-USDT'], 'bookDepth': 50, 'requestTimeout': '1500ms',"
                + " 'takerFeeBps': '7.5', 'makerFeeBps': -1, 'rateLimits': {'ORDERS_10s': 40},"
                + " 'options': {'recvWindow': 6000, 'bookTickerForTopOfBook': true}}}}");
    VenueSettings v = c.venue("bin-1");
    VenueConfig expected =
        VenueConfig.builder("binance")
            .venue("bin-1")
            .enabled(false)
            .restUrl("http://127.0.0.1:1")
            .streamUrl("ws://127.0.0.1:2")
            .privateStreamUrl("wss://x")
            .orderEntry(OrderEntry.WEBSOCKET)
            .symbols(List.of("BTC-USDT"))
            .bookDepth(50)
            .requestTimeout(Duration.ofMillis(1500))
            .takerFeeBps(new BigDecimal("7.5"))
            .makerFeeBps(new BigDecimal("-1"))
            .rateLimits(Map.of("ORDERS_10s", 40))
            .options(Map.of("recvWindow", "6000", "bookTickerForTopOfBook", "true"))
            .build();
    assertThat(v.config()).isEqualTo(expected);
    assertThat(v.credentials())
        .isEqualTo(
            new CredentialRefs(
                new SecretRef("env", "K", null), new SecretRef("file", "/run/s", "secret"), null));
  }

  @Test
  void mapsRiskLevelsTotalsRatesAndBreakers() {
    TradeServerConfig c =
        parse(
            "{'venues': {'sim': {}}, 'risk': {'global': {'maxOrderNotional': '5000', 'priceCollarBps': 100},"
                + " 'venues': {'sim': {'ordersPerSecond': 5}},"
                + " 'instruments': {'sim:BTC-USDT': {'maxPosition': '0.5', 'roundToRules': true}},"
                + " 'totalGrossExposure': {'USDT': 100000}, 'strategyOrdersPerSecond': {'*': 9},"
                + " 'breakers': {'consecutiveVenueErrors': null, 'ackLatencyP99': null, 'dailyLoss': {'USDT': '100'},"
                + "   'staleMarketDataTarget': 'halted'}, 'flattenOnKill': true, 'volatilityLambda': 0.9}}");
    RiskConfig r = c.risk();
    assertThat(r.global())
        .isEqualTo(
            Limits.builder()
                .maxOrderNotional("5000")
                .priceCollarBps(100)
                .build()
                .over(RiskConfig.DEFAULT_GLOBAL));
    assertThat(r.venues()).isEqualTo(Map.of("sim", Limits.builder().ordersPerSecond(5).build()));
    assertThat(r.instruments())
        .isEqualTo(
            Map.of("sim:BTC-USDT", Limits.builder().maxPosition("0.5").roundToRules(true).build()));
    assertThat(r.totalGrossExposure()).isEqualTo(Map.of("USDT", new BigDecimal("100000")));
    assertThat(r.strategyOrdersPerSecond()).isEqualTo(Map.of("*", 9));
    BreakerConfig d = BreakerConfig.defaults();
    BreakerConfig b = r.breakers();
    assertThat(b.consecutiveVenueErrors()).isNull();
    assertThat(b.ackLatencyP99()).isNull();
    assertThat(b.rejectRatePercent()).isEqualTo(d.rejectRatePercent());
    assertThat(b.dailyLoss()).isEqualTo(Map.of("USDT", new BigDecimal("100")));
    assertThat(b.staleMarketDataTarget()).isEqualTo(TradingState.HALTED);
    assertThat(r.flattenOnKill()).isTrue();
    assertThat(r.volatilityLambda()).isEqualTo(0.9);
  }

  @Test
  void webSocketOrderEntryIsRefusedForAdaptersWithoutItRatherThanIgnored() {
    assertThat(
            problems(
                "{'venues': {'kucoin': {'orderEntry': 'WEBSOCKET',"
                    + "   'credentials': {'apiKey': 'env:K', 'secret': 'env:S', 'passphrase': 'env:P'}},"
                    + " 'sim': {'orderEntry': 'WEBSOCKET'},"
                    + " 'bin': {'provider': 'binance', 'orderEntry': 'WEBSOCKET'}}}"))
        .containsExactly(
            "venues.kucoin.orderEntry: kucoin takes REST order entry only",
            "venues.sim.orderEntry: sim takes REST order entry only",
            "venues.bin.orderEntry: WEBSOCKET order entry needs credentials");
    TradeServerConfig paper =
        parse(
            "{'venues': {'kucoin': {'orderEntry': 'WEBSOCKET', 'paper': true,"
                + " 'paperBalances': {'USDT': '1000'}}}}");
    assertThat(paper.venue("kucoin").config().orderEntry())
        .as("a paper venue sends nothing: its order path does not matter")
        .isEqualTo(OrderEntry.WEBSOCKET);
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    assertThat(
            problems(
                "{'engine': {'node': 99, 'orders': {'ackTimeout': 'soon'}},"
                    + " 'venues': {'binance': {'bookDepth': 0, 'options': {'recvWindow': 90000}},"
                    + "   'kraken': {'orderEntry': 'FAX', 'symbols': ['btc-usd']}},"
                    + " 'risk': {'global': {'maxOrderNotional': '-5'}, 'venues': {'kucoin': {}},"
                    + "   'breakers': {'drawdownTarget': 'ACTIVE'}},"
                    + " 'nats': {'url': 'http://x'}}"))
        .containsExactly(
            "venues.binance.bookDepth: must be 1..5000, was 0",
            "venues.binance.options.recvWindow: must be 1..60000, was 90000",
            "venues.kraken.orderEntry: must be one of [REST, WEBSOCKET], was \"FAX\"",
            "venues.kraken.symbols[0]: must be BASE-QUOTE in upper case, was btc-usd",
            "engine.node: must be 0..61, was 99",
            "engine.orders.ackTimeout: must be a duration such as \"250ms\", \"10s\", \"5m\", \"24h\", was \"soon\"",
            "risk.global.maxOrderNotional: must be > 0, was -5",
            "risk.venues.kucoin: no venue kucoin in venues (have [binance, kraken])",
            "risk.breakers.drawdownTarget: must be HALTED or REDUCING, was ACTIVE",
            "nats.url: each URL must start with nats://, tls://, ws:// or wss://, was http://x");
  }

  @Test
  void unknownFieldsAreErrorsWithASuggestionAndCommentsAreNot() {
    assertThat(
            problems(
                "{'//': 'top comment', 'venues': {'// c': 'x', 'sim': {'// why': ['a'], 'enabeld': false,"
                    + " 'options': {'sed': 1}}}, 'risk': {'global': {'maxNotional': '1'}}, 'extra': 1}"))
        .containsExactly(
            "venues.sim.options.sed: unknown sim option (did you mean seed?); known: [disconnectPpm,"
                + " latencyMillis, marketSeed, marketStepMillis, priceOffsetBps, rejectPpm, seed,"
                + " timeoutPpm]",
            "extra: unknown field; known: [arbitrage, demo, engine, metrics, nats, risk, routing,"
                + " secrets, venues]",
            "venues.sim.enabeld: unknown field (did you mean enabled?); known: [accountTier,"
                + " bookDepth, credentials, deadManSwitch, enabled, makerFeeBps, options, orderEntry, paper,"
                + " paperBalances, privateStreamUrl, provider, rateLimits, requestTimeout, restUrl,"
                + " streamUrl, symbols, takerFeeBps]",
            "risk.global.maxNotional: unknown field (did you mean maxOrderNotional?); known:"
                + " [maxGrossExposure, maxNetExposure, maxOpenOrders, maxOrderNotional,"
                + " maxOrderQuantity, maxPosition, maxSlippageBps, ordersPerSecond, priceCollarBps,"
                + " requireBalances, roundToRules, staleAfterMillis]");
  }

  @Test
  void duplicateKeysAndBrokenJsonAreRefusedWithoutQuotingContent() {
    assertThat(problems("{'venues': {}, 'venues': {}}"))
        .singleElement()
        .asString()
        .startsWith("not valid JSON at line 1, column 24: Duplicate field 'venues'");
    List<String> broken = problems("{'venues': {'sim': {'enabled': tru3SECRETSECRET}}}");
    assertThat(broken).singleElement().asString().startsWith("not valid JSON at line 1");
    assertThat(String.join("", broken)).doesNotContain("SECRETSECRET");
  }

  @Test
  void literalCredentialsAreRefusedAndNeverQuoted() {
    String key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    List<String> p =
        problems(
            "{'venues': {'binance': {'credentials': {'apiKey': '"
                + key
                + "', 'secret': 'raw:"
                + secret
                + "'}}, 'kucoin': {'credentials': {'apiKey': 'env:K', 'secret': 'env:S'}}}}");
    assertThat(p)
        .containsExactly(
            "venues.binance.credentials.apiKey: must be a secret reference (env:NAME,"
                + " file:/absolute/path, aws:secret-id#field); literal secrets are not allowed in"
                + " the file (value not shown)",
            "venues.binance.credentials.secret: unknown secret reference scheme (have [env, file,"
                + " aws]); value not shown",
            "venues.kucoin.credentials.passphrase: is required for kucoin");
    assertThat(String.join("\n", p))
        .doesNotContain(key)
        .doesNotContain(secret)
        .doesNotContain("raw");
  }

  @Test
  void environmentOverridesApplyAndAreValidatedLikeTheFile() {
    String json =
        "{'venues': {'binance': {'options': {'recvWindow': 5000}}, 'sim-a': {'provider': 'sim'}}}";
    TradeServerConfig c =
        loader(
                Map.of(
                    "TRADESERVER_VENUES_BINANCE_ENABLED", "false",
                    "TRADESERVER_VENUES_SIM_A_BOOK_DEPTH", "7",
                    "TRADESERVER_VENUES_BINANCE_OPTIONS_RECVWINDOW", "6000",
                    "TRADESERVER_VENUES_BINANCE_SYMBOLS", "BTC-USDT, ETH-USDT",
                    "TRADESERVER_NATS_URL", "nats://10.0.0.1:4222",
                    "TRADESERVER_RISK_GLOBAL_MAX_ORDER_NOTIONAL", "1234.5",
                    "TRADESERVER_RISK_BREAKERS_ACKLATENCYP99", "null",
                    "TRADESERVER_HOME", "/opt/ts"))
            .parse(json.replace('\'', '"'), "t");
    assertThat(c.venue("binance").enabled()).isFalse();
    assertThat(c.venue("binance").config().options()).containsEntry("recvWindow", "6000");
    assertThat(c.venue("binance").config().symbols()).containsExactly("BTC-USDT", "ETH-USDT");
    assertThat(c.venue("sim-a").config().bookDepth()).isEqualTo(7);
    assertThat(c.nats().url()).isEqualTo("nats://10.0.0.1:4222");
    assertThat(c.risk().global().maxOrderNotional()).isEqualByComparingTo("1234.5");
    assertThat(c.risk().breakers().ackLatencyP99()).isNull();

    assertThat(
            problems(
                json,
                Map.of(
                    "TRADESERVER_VENUES_BINANCE_OPTIONS_RECVWINDOW", "90000",
                    "TRADESERVER_VENUES_BINANCE_ENABLD", "false",
                    "TRADESERVER_NATS_MAXACKPENDING", "lots")))
        .containsExactly(
            "venues.binance.options.recvWindow: must be 1..60000, was 90000 (from"
                + " TRADESERVER_VENUES_BINANCE_OPTIONS_RECVWINDOW)",
            "nats.maxAckPending: must be an integer 1..10000000, was \"lots\" (from"
                + " TRADESERVER_NATS_MAXACKPENDING)",
            "TRADESERVER_VENUES_BINANCE_ENABLD: environment override matches no setting");
  }

  @Test
  void fromEnvironmentBuildsOnTheDefaults() {
    TradeServerConfig c =
        ConfigLoader.fromEnvironment(
            Map.of("TRADESERVER_NATS_ENABLED", "true", "TRADESERVER_DEMO_SIGNALS_PER_SECOND", "5"));
    assertThat(c.nats().enabled()).isTrue();
    assertThat(c.demo().signalsPerSecond()).isEqualTo(5);
    assertThat(c.venues()).isEmpty();
  }

  @Test
  void accountTierSetsTheProvidersTierOption() {
    TradeServerConfig c =
        parse("{'venues': {'kraken': {'accountTier': 'pro'}, 'kucoin': {'accountTier': '5'}}}");
    assertThat(c.venue("kraken").config().options()).isEqualTo(Map.of("tier", "pro"));
    assertThat(c.venue("kucoin").config().options()).isEqualTo(Map.of("vipLevel", "5"));
    assertThat(
            problems(
                "{'venues': {'binance': {'accountTier': 'vip1'}, 'kraken': {'accountTier': 'gold'},"
                    + " 'sim': {'accountTier': 'x'}}}"))
        .containsExactly(
            "venues.binance.accountTier: binance has no account tiers (set fees and rateLimits)",
            "venues.kraken.options.tier: must be one of [starter, intermediate, pro], was gold",
            "venues.sim.accountTier: sim has no account tiers (set fees and rateLimits)");
  }

  @Test
  void secretSettingsAreCheckedByTheirResolver() {
    assertThat(problems("{'secrets': {'aws': {'regoin': 'x'}, 'vault': {}}}"))
        .containsExactly(
            "secrets.vault: no SecretResolver for this scheme on the classpath (have [env, file, aws])",
            "secrets.aws: unknown setting regoin");
  }

  @Test
  void configExceptionMessageListsEveryProblem() {
    assertThatThrownBy(() -> parse("{'engine': {'node': -1, 'bookDepth': 0}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "test.json: 2 problems\n"
                + "  engine.node: must be 0..61, was -1\n"
                + "  engine.bookDepth: must be 1..5000, was 0");
  }
}
