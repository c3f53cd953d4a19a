package io.tradeserver.kucoin;

import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * KuCoin settings: the common {@link VenueConfig} fields this adapter uses plus its own options,
 * validated together. Immutable; {@link #toString()} never shows credentials.
 *
 * <p>Options ({@code VenueConfig.options}), all optional:
 *
 * <ul>
 *   <li>{@code apiKeyVersion} — 2 or 3 (default 3): sent as {@code KC-API-KEY-VERSION}; both sign
 *       the passphrase with the secret.
 *   <li>{@code vipLevel} — 0..12 (default 0): sizes the Spot and Management resource pools.
 *   <li>{@code maxInFlightOrders} — 1..4096 (default 256): order requests in flight at once.
 *   <li>{@code timeSyncIntervalSeconds} — 10..86400 (default 300): server-time re-measurement.
 *   <li>{@code wsIdleTimeoutSeconds} — 5..600 (default 45): reconnect a silent WebSocket.
 *   <li>{@code bookSnapshot} — {@code full} (signed {@code /api/v3/market/orderbook/level2}) or
 *       {@code top100} (public {@code level2_100}); default {@code full} with credentials, else
 *       {@code top100}.
 *   <li>{@code feeRefreshIntervalSeconds} — 60..86400 (default 3600): how often the account's fee
 *       rates are fetched again.
 * </ul>
 *
 * <p>{@code VenueConfig.rateLimits} may override the pool sizes by name: {@code SPOT}, {@code
 * PUBLIC}, {@code MANAGEMENT} (tokens per 30 s).
 *
 * @param venue venue instance id
 * @param restUrl REST base URL (no trailing slash)
 * @param credentials keys, or null for market data only
 * @param apiKeyVersion KuCoin API key version (2 or 3)
 * @param vipLevel VIP level 0..12
 * @param requestTimeout a request not answered within this is ambiguous
 * @param maxInFlightOrders concurrent order-entry requests allowed by the order HTTP client
 * @param timeSyncInterval how often the server clock offset is re-measured
 * @param wsIdleTimeout a WebSocket silent this long is replaced
 * @param fullBookSnapshot true to snapshot books from the full (signed) endpoint
 * @param bookDepth levels published per book
 * @param poolOverrides pool size overrides by pool name
 * @param symbols canonical {@code BASE-QUOTE} symbols whose fee rates are fetched; empty for every
 *     tradable instrument
 * @param takerFeeBps taker fee (basis points) for stream fills until the account's rates are known,
 *     or null for none
 * @param makerFeeBps maker fee (basis points, negative for a rebate) likewise, or null
 * @param feeRefreshInterval how often the account's fee rates are fetched again
 */
public record KucoinConfig(
    String venue,
    String restUrl,
    Credentials credentials,
    int apiKeyVersion,
    int vipLevel,
    Duration requestTimeout,
    int maxInFlightOrders,
    Duration timeSyncInterval,
    Duration wsIdleTimeout,
    boolean fullBookSnapshot,
    int bookDepth,
    Map<String, Integer> poolOverrides,
    List<String> symbols,
    BigDecimal takerFeeBps,
    BigDecimal makerFeeBps,
    Duration feeRefreshInterval) {

  /** KuCoin's production REST endpoint. */
  public static final String DEFAULT_REST_URL = "https://api.kucoin.com";

  private static final Set<String> OPTIONS =
      Set.of(
          "apiKeyVersion",
          "vipLevel",
          "maxInFlightOrders",
          "timeSyncIntervalSeconds",
          "wsIdleTimeoutSeconds",
          "bookSnapshot",
          "feeRefreshIntervalSeconds");
  private static final Set<String> POOLS = Set.of("SPOT", "PUBLIC", "MANAGEMENT");

  public KucoinConfig {
    poolOverrides = Map.copyOf(poolOverrides == null ? Map.of() : poolOverrides);
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    List<String> problems = new ArrayList<>();
    if (venue == null || venue.isBlank()) {
      problems.add("venue is required");
    }
    if (restUrl == null || !(restUrl.startsWith("http://") || restUrl.startsWith("https://"))) {
      problems.add("restUrl must be an http(s) URL, was " + restUrl);
    }
    if (credentials != null && credentials.passphrase() == null) {
      problems.add("credentials need a passphrase for KuCoin");
    }
    checkRange("apiKeyVersion", apiKeyVersion, 2, 3, problems);
    checkRange("vipLevel", vipLevel, 0, 12, problems);
    checkRange("maxInFlightOrders", maxInFlightOrders, 1, 4096, problems);
    checkRange("bookDepth", bookDepth, 1, 5000, problems);
    checkPositive("requestTimeout", requestTimeout, problems);
    checkPositive("timeSyncInterval", timeSyncInterval, problems);
    checkPositive("wsIdleTimeout", wsIdleTimeout, problems);
    checkPositive("feeRefreshInterval", feeRefreshInterval, problems);
    checkPools(poolOverrides, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid kucoin config " + venue + ": " + String.join("; ", problems));
    }
    restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
  }

  private static void checkRange(String name, int v, int min, int max, List<String> problems) {
    if (v < min || v > max) {
      problems.add(name + " must be " + min + ".." + max + ", was " + v);
    }
  }

  private static void checkPools(Map<String, Integer> pools, List<String> problems) {
    pools.forEach(
        (k, v) -> {
          if (!POOLS.contains(k)) {
            problems.add("rateLimits." + k + ": unknown pool (SPOT, PUBLIC, MANAGEMENT)");
          } else if (v == null || v < 1) {
            problems.add("rateLimits." + k + " must be >= 1, was " + v);
          }
        });
  }

  private static void checkPositive(String name, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(name + " must be > 0, was " + d);
    }
  }

  /**
   * Builds the KuCoin config from the common venue config and its options.
   *
   * @throws IllegalArgumentException naming every invalid option at once
   */
  public static KucoinConfig from(VenueConfig config) {
    Objects.requireNonNull(config, "config");
    List<String> problems = new ArrayList<>();
    for (String key : config.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        problems.add("unknown option " + key + " (known: " + OPTIONS + ")");
      }
    }
    if (config.orderEntry() == OrderEntry.WEBSOCKET) {
      // Asked for but not built: refusing beats sending every order over REST unannounced.
      problems.add("orderEntry WEBSOCKET is not supported by the KuCoin adapter (REST only)");
    }
    Builder b = builder(config.venue()).credentials(config.credentials());
    b.restUrl(VenueConfig.orDefault(config.restUrl(), DEFAULT_REST_URL));
    b.requestTimeout(config.requestTimeout()).bookDepth(config.bookDepth());
    b.poolOverrides(config.rateLimits()).symbols(config.symbols());
    b.takerFeeBps(config.takerFeeBps()).makerFeeBps(config.makerFeeBps());
    b.apiKeyVersion((int) option(config, "apiKeyVersion", 3, 2, 3, problems));
    b.vipLevel((int) option(config, "vipLevel", 0, 0, 12, problems));
    b.maxInFlightOrders((int) option(config, "maxInFlightOrders", 256, 1, 4096, problems));
    b.timeSyncInterval(
        Duration.ofSeconds(option(config, "timeSyncIntervalSeconds", 300, 10, 86_400, problems)));
    b.wsIdleTimeout(
        Duration.ofSeconds(option(config, "wsIdleTimeoutSeconds", 45, 5, 600, problems)));
    b.feeRefreshInterval(
        Duration.ofSeconds(
            option(config, "feeRefreshIntervalSeconds", 3600, 60, 86_400, problems)));
    bookSnapshot(config, b, problems);
    try {
      KucoinConfig built = b.build();
      if (problems.isEmpty()) {
        return built;
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    throw new IllegalArgumentException(
        "invalid kucoin config " + config.venue() + ": " + String.join("; ", problems));
  }

  private static void bookSnapshot(VenueConfig config, Builder b, List<String> problems) {
    String snapshot = config.option("bookSnapshot", null);
    if (snapshot == null) {
      b.fullBookSnapshot(config.credentials() != null);
    } else if (snapshot.equals("full") || snapshot.equals("top100")) {
      b.fullBookSnapshot(snapshot.equals("full"));
      if (snapshot.equals("full") && config.credentials() == null) {
        problems.add("option bookSnapshot=full needs credentials (the endpoint is signed)");
      }
    } else {
      problems.add("option bookSnapshot must be full or top100, was " + snapshot);
    }
  }

  private static long option(
      VenueConfig config, String key, long def, long min, long max, List<String> problems) {
    try {
      return config.longOption(key, def, min, max);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return def;
    }
  }

  public static Builder builder(String venue) {
    return new Builder(venue);
  }

  /** True when keys are configured (order entry and the private stream are available). */
  public boolean hasCredentials() {
    return credentials != null;
  }

  @Override
  public String toString() {
    return "KucoinConfig[venue="
        + venue
        + ", restUrl="
        + restUrl
        + ", credentials="
        + credentials
        + ", apiKeyVersion="
        + apiKeyVersion
        + ", vipLevel="
        + vipLevel
        + ", requestTimeout="
        + requestTimeout
        + ", maxInFlightOrders="
        + maxInFlightOrders
        + ", timeSyncInterval="
        + timeSyncInterval
        + ", wsIdleTimeout="
        + wsIdleTimeout
        + ", fullBookSnapshot="
        + fullBookSnapshot
        + ", bookDepth="
        + bookDepth
        + ", poolOverrides="
        + poolOverrides
        + ", symbols="
        + symbols
        + ", takerFeeBps="
        + takerFeeBps
        + ", makerFeeBps="
        + makerFeeBps
        + ", feeRefreshInterval="
        + feeRefreshInterval
        + "]";
  }

  /** Builder with the defaults listed on {@link KucoinConfig}. */
  public static final class Builder {
    private final String venue;
    private String restUrl = DEFAULT_REST_URL;
    private Credentials credentials;
    private int apiKeyVersion = 3;
    private int vipLevel;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxInFlightOrders = 256;
    private Duration timeSyncInterval = Duration.ofMinutes(5);
    private Duration wsIdleTimeout = Duration.ofSeconds(45);
    private Boolean fullBookSnapshot;
    private int bookDepth = 20;
    private Map<String, Integer> poolOverrides = Map.of();
    private List<String> symbols = List.of();
    private BigDecimal takerFeeBps;
    private BigDecimal makerFeeBps;
    private Duration feeRefreshInterval = Duration.ofHours(1);

    private Builder(String venue) {
      this.venue = venue;
    }

    public Builder restUrl(String v) {
      restUrl = v;
      return this;
    }

    public Builder credentials(Credentials v) {
      credentials = v;
      return this;
    }

    public Builder apiKeyVersion(int v) {
      apiKeyVersion = v;
      return this;
    }

    public Builder vipLevel(int v) {
      vipLevel = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder maxInFlightOrders(int v) {
      maxInFlightOrders = v;
      return this;
    }

    public Builder timeSyncInterval(Duration v) {
      timeSyncInterval = v;
      return this;
    }

    public Builder wsIdleTimeout(Duration v) {
      wsIdleTimeout = v;
      return this;
    }

    public Builder fullBookSnapshot(boolean v) {
      fullBookSnapshot = v;
      return this;
    }

    public Builder bookDepth(int v) {
      bookDepth = v;
      return this;
    }

    public Builder poolOverrides(Map<String, Integer> v) {
      poolOverrides = v;
      return this;
    }

    public Builder symbols(List<String> v) {
      symbols = v;
      return this;
    }

    /** Taker fee in basis points assumed until the account's rates are known; null for none. */
    public Builder takerFeeBps(BigDecimal v) {
      takerFeeBps = v;
      return this;
    }

    /** Maker fee in basis points (negative: rebate) likewise; null for none. */
    public Builder makerFeeBps(BigDecimal v) {
      makerFeeBps = v;
      return this;
    }

    public Builder feeRefreshInterval(Duration v) {
      feeRefreshInterval = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException listing every problem
     */
    public KucoinConfig build() {
      return new KucoinConfig(
          venue,
          restUrl,
          credentials,
          apiKeyVersion,
          vipLevel,
          requestTimeout,
          maxInFlightOrders,
          timeSyncInterval,
          wsIdleTimeout,
          fullBookSnapshot != null ? fullBookSnapshot : credentials != null,
          bookDepth,
          poolOverrides,
          symbols,
          takerFeeBps,
          makerFeeBps,
          feeRefreshInterval);
    }
  }
}
