package io.tradeserver.binance;

import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads Binance options from a {@link VenueConfig}, collecting every problem instead of failing.
 */
final class OptionReader {
  private final VenueConfig config;
  private final List<String> problems = new ArrayList<>();

  OptionReader(VenueConfig config) {
    this.config = config;
  }

  BinanceConfig read() {
    for (String key : new TreeSet<>(config.options().keySet())) {
      if (!BinanceConfig.OPTION_KEYS.contains(key)) {
        problems.add(
            "unknown option " + key + " (known: " + new TreeSet<>(BinanceConfig.OPTION_KEYS) + ")");
      }
    }
    BinanceConfig.Builder b =
        BinanceConfig.builder(config.venue())
            .restUrl(VenueConfig.orDefault(config.restUrl(), BinanceConfig.DEFAULT_REST_URL))
            .streamUrl(VenueConfig.orDefault(config.streamUrl(), BinanceConfig.DEFAULT_STREAM_URL))
            .wsApiUrl(
                VenueConfig.orDefault(config.privateStreamUrl(), BinanceConfig.DEFAULT_WS_API_URL))
            .orderEntry(config.orderEntry())
            .credentials(config.credentials())
            .requestTimeout(config.requestTimeout())
            .symbols(config.symbols())
            .bookDepth(config.bookDepth())
            .rateLimitOverrides(config.rateLimits());
    b.keyType(enumOption("keyType", BinanceConfig.KeyType.class, b.keyType));
    b.orderResponseType(
        enumOption("newOrderRespType", BinanceConfig.OrderResponseType.class, b.orderResponseType));
    b.recvWindowMillis((int) longOption("recvWindow", b.recvWindowMillis, 1, 60_000));
    b.timeSyncInterval(
        Duration.ofSeconds(
            longOption("timeSyncIntervalSeconds", b.timeSyncInterval.toSeconds(), 0, 86_400)));
    b.maxInFlightOrders((int) longOption("maxInFlightOrders", b.maxInFlightOrders, 1, 4096));
    b.depthSnapshotLimit((int) longOption("depthSnapshotLimit", b.depthSnapshotLimit, 1, 5000));
    b.depthUpdateSpeed(config.option("depthUpdateSpeed", b.depthUpdateSpeed));
    b.bookTickerForTopOfBook(boolOption("bookTickerForTopOfBook", b.bookTickerForTopOfBook));
    b.wsMaxLifetime(
        Duration.ofMinutes(
            longOption("wsMaxLifetimeMinutes", b.wsMaxLifetime.toMinutes(), 2, 24 * 60)));
    b.wsRotationLead(
        Duration.ofSeconds(
            longOption("wsRotationLeadSeconds", b.wsRotationLead.toSeconds(), 1, 3600)));
    b.wsPingInterval(
        Duration.ofSeconds(
            longOption("wsPingIntervalSeconds", b.wsPingInterval.toSeconds(), 0, 600)));
    if (!problems.isEmpty()) {
      // Report option problems together with any field problems the record finds.
      try {
        b.build();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      throw new IllegalArgumentException(
          "invalid binance config for " + config.venue() + ": " + String.join("; ", problems));
    }
    return b.build();
  }

  private long longOption(String key, long defaultValue, long min, long max) {
    try {
      return config.longOption(key, defaultValue, min, max);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return defaultValue;
    }
  }

  private boolean boolOption(String key, boolean defaultValue) {
    String v = config.options().get(key);
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      problems.add(config.venue() + ".options." + key + ": must be true or false, was " + v);
      return defaultValue;
    }
    return Boolean.parseBoolean(t);
  }

  private <E extends Enum<E>> E enumOption(String key, Class<E> type, E defaultValue) {
    String v = config.options().get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          config.venue()
              + ".options."
              + key
              + ": must be one of "
              + List.of(type.getEnumConstants())
              + ", was "
              + v);
      return defaultValue;
    }
  }
}
