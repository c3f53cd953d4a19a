package io.tradeserver.binance;

import io.tradeserver.binance.internal.Ed25519Signer;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binance spot settings: the common {@link VenueConfig} plus the venue options documented in the
 * module README. Immutable; {@link #toString()} never shows credentials. Build it with {@link
 * #from(VenueConfig)} (which reads and validates the options) or {@link #builder(String)}; both
 * report every problem at once in one {@link IllegalArgumentException}.
 *
 * @param venue venue instance id used in events and instrument ids
 * @param restUrl REST base URL, e.g. {@code https://api.binance.com}
 * @param streamUrl market-stream base URL, e.g. {@code wss://stream.binance.com:9443}
 * @param wsApiUrl WebSocket API URL (user data, optional order entry)
 * @param orderEntry REST or WebSocket API order entry
 * @param credentials API key and secret (HMAC secret or PKCS#8 PEM Ed25519 key), or null
 * @param keyType how {@code credentials.secret} signs
 * @param recvWindowMillis {@code recvWindow} sent with signed requests (1..60000)
 * @param requestTimeout time after which a request's outcome is unknown
 * @param symbols canonical {@code BASE-QUOTE} symbols to load, or empty for all
 * @param bookDepth levels published per book
 * @param orderResponseType {@code newOrderRespType} for new orders
 * @param timeSyncInterval how often the server-time offset is re-measured; zero disables
 * @param maxInFlightOrders concurrent REST order requests per client (OkHttp dispatcher limit)
 * @param depthSnapshotLimit levels requested in a depth snapshot (1..5000)
 * @param depthUpdateSpeed diff-depth stream speed suffix: {@code 100ms} or {@code 1000ms}
 * @param bookTickerForTopOfBook depth-1 books follow the {@code bookTicker} stream
 * @param wsMaxLifetime age at which a WebSocket is replaced (Binance cuts at 24 h)
 * @param wsRotationLead how long before {@code wsMaxLifetime} the replacement opens
 * @param wsPingInterval client ping interval on WebSockets; zero disables
 * @param rateLimitOverrides limit name ({@code REQUEST_WEIGHT_1m}) to capacity
 */
public record BinanceConfig(
    String venue,
    String restUrl,
    String streamUrl,
    String wsApiUrl,
    OrderEntry orderEntry,
    Credentials credentials,
    KeyType keyType,
    int recvWindowMillis,
    Duration requestTimeout,
    List<String> symbols,
    int bookDepth,
    OrderResponseType orderResponseType,
    Duration timeSyncInterval,
    int maxInFlightOrders,
    int depthSnapshotLimit,
    String depthUpdateSpeed,
    boolean bookTickerForTopOfBook,
    Duration wsMaxLifetime,
    Duration wsRotationLead,
    Duration wsPingInterval,
    Map<String, Integer> rateLimitOverrides) {

  public static final String DEFAULT_REST_URL = "https://api.binance.com";
  public static final String DEFAULT_STREAM_URL = "wss://stream.binance.com:9443";
  public static final String DEFAULT_WS_API_URL = "wss://ws-api.binance.com:443/ws-api/v3";

  /** Option keys read from {@link VenueConfig#options()}. */
  public static final Set<String> OPTION_KEYS =
      Set.of(
          "keyType",
          "recvWindow",
          "newOrderRespType",
          "timeSyncIntervalSeconds",
          "maxInFlightOrders",
          "depthSnapshotLimit",
          "depthUpdateSpeed",
          "bookTickerForTopOfBook",
          "wsMaxLifetimeMinutes",
          "wsRotationLeadSeconds",
          "wsPingIntervalSeconds");

  /** How the API secret signs requests. */
  public enum KeyType {
    /** HMAC-SHA256 with the secret key, hex signature. */
    HMAC,
    /** Ed25519 with a PKCS#8 PEM private key, base64 signature. */
    ED25519
  }

  /** Binance's {@code newOrderRespType}. */
  public enum OrderResponseType {
    ACK,
    RESULT,
    FULL
  }

  public BinanceConfig {
    List<String> problems = new ArrayList<>();
    validate(
        problems,
        venue,
        restUrl,
        streamUrl,
        wsApiUrl,
        recvWindowMillis,
        requestTimeout,
        bookDepth,
        maxInFlightOrders,
        depthSnapshotLimit,
        depthUpdateSpeed);
    if (wsMaxLifetime == null || wsRotationLead == null || wsPingInterval == null) {
      problems.add("WebSocket durations are required");
    } else if (wsRotationLead.isNegative()
        || wsRotationLead.isZero()
        || wsRotationLead.compareTo(wsMaxLifetime) >= 0) {
      problems.add("wsRotationLeadSeconds must be > 0 and shorter than wsMaxLifetimeMinutes");
    } else if (wsPingInterval.isNegative()) {
      problems.add("wsPingIntervalSeconds must be >= 0");
    }
    if (timeSyncInterval == null || timeSyncInterval.isNegative()) {
      problems.add("timeSyncIntervalSeconds must be >= 0");
    }
    if (keyType == null || orderResponseType == null || orderEntry == null) {
      problems.add("keyType, newOrderRespType and orderEntry are required");
    } else if (keyType == KeyType.ED25519
        && credentials != null
        && !Ed25519Signer.isValidKey(credentials.secret())) {
      problems.add("credentials.secret is not a PKCS#8 PEM Ed25519 private key");
    }
    if (orderEntry == OrderEntry.WEBSOCKET && credentials == null) {
      problems.add("WebSocket order entry needs credentials");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid binance config for " + venue + ": " + String.join("; ", problems));
    }
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    rateLimitOverrides = Map.copyOf(rateLimitOverrides == null ? Map.of() : rateLimitOverrides);
  }

  private static void validate(
      List<String> problems,
      String venue,
      String restUrl,
      String streamUrl,
      String wsApiUrl,
      int recvWindowMillis,
      Duration requestTimeout,
      int bookDepth,
      int maxInFlightOrders,
      int depthSnapshotLimit,
      String depthUpdateSpeed) {
    if (venue == null || venue.isBlank()) {
      problems.add("venue is required");
    }
    requireUrl(problems, "restUrl", restUrl, "http");
    requireUrl(problems, "streamUrl", streamUrl, "ws");
    requireUrl(problems, "privateStreamUrl (WebSocket API)", wsApiUrl, "ws");
    if (recvWindowMillis < 1 || recvWindowMillis > 60_000) {
      problems.add("recvWindow must be 1..60000 ms, was " + recvWindowMillis);
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      problems.add("requestTimeout must be > 0");
    }
    if (bookDepth < 1 || bookDepth > 5000) {
      problems.add("bookDepth must be 1..5000, was " + bookDepth);
    }
    if (maxInFlightOrders < 1 || maxInFlightOrders > 4096) {
      problems.add("maxInFlightOrders must be 1..4096, was " + maxInFlightOrders);
    }
    if (depthSnapshotLimit < 1 || depthSnapshotLimit > 5000) {
      problems.add("depthSnapshotLimit must be 1..5000, was " + depthSnapshotLimit);
    }
    if (!"100ms".equals(depthUpdateSpeed) && !"1000ms".equals(depthUpdateSpeed)) {
      problems.add("depthUpdateSpeed must be 100ms or 1000ms, was " + depthUpdateSpeed);
    }
  }

  private static void requireUrl(List<String> problems, String name, String url, String scheme) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(scheme)) {
      problems.add(name + " must be a " + scheme + "(s) URL, was " + url);
    }
  }

  /**
   * Reads a {@link VenueConfig} and its Binance options.
   *
   * @throws IllegalArgumentException naming every invalid or unknown option and field
   */
  public static BinanceConfig from(VenueConfig config) {
    return new OptionReader(config).read();
  }

  public static Builder builder(String venue) {
    return new Builder(venue);
  }

  /** True when orders go over the WebSocket API. */
  public boolean webSocketOrderEntry() {
    return orderEntry == OrderEntry.WEBSOCKET;
  }

  @Override
  public String toString() {
    return "BinanceConfig[venue="
        + venue
        + ", restUrl="
        + restUrl
        + ", streamUrl="
        + streamUrl
        + ", wsApiUrl="
        + wsApiUrl
        + ", orderEntry="
        + orderEntry
        + ", credentials="
        + credentials
        + ", keyType="
        + keyType
        + ", recvWindow="
        + recvWindowMillis
        + ", requestTimeout="
        + requestTimeout
        + ", symbols="
        + symbols
        + ", orderResponseType="
        + orderResponseType
        + ", maxInFlightOrders="
        + maxInFlightOrders
        + "]";
  }

  /** Mutable builder with the documented defaults; {@link #build()} validates everything. */
  public static final class Builder {
    String venue;
    String restUrl = DEFAULT_REST_URL;
    String streamUrl = DEFAULT_STREAM_URL;
    String wsApiUrl = DEFAULT_WS_API_URL;
    OrderEntry orderEntry = OrderEntry.REST;
    Credentials credentials;
    KeyType keyType = KeyType.HMAC;
    int recvWindowMillis = 5000;
    Duration requestTimeout = Duration.ofSeconds(10);
    List<String> symbols = List.of();
    int bookDepth = 20;
    OrderResponseType orderResponseType = OrderResponseType.FULL;
    Duration timeSyncInterval = Duration.ofMinutes(5);
    int maxInFlightOrders = 64;
    int depthSnapshotLimit = 1000;
    String depthUpdateSpeed = "100ms";
    boolean bookTickerForTopOfBook = true;
    Duration wsMaxLifetime = Duration.ofHours(24);
    Duration wsRotationLead = Duration.ofMinutes(5);
    Duration wsPingInterval = Duration.ofSeconds(30);
    Map<String, Integer> rateLimitOverrides = Map.of();

    private Builder(String venue) {
      this.venue = venue;
    }

    public Builder restUrl(String v) {
      restUrl = v;
      return this;
    }

    public Builder streamUrl(String v) {
      streamUrl = v;
      return this;
    }

    public Builder wsApiUrl(String v) {
      wsApiUrl = v;
      return this;
    }

    public Builder orderEntry(OrderEntry v) {
      orderEntry = v;
      return this;
    }

    public Builder credentials(Credentials v) {
      credentials = v;
      return this;
    }

    public Builder keyType(KeyType v) {
      keyType = v;
      return this;
    }

    public Builder recvWindowMillis(int v) {
      recvWindowMillis = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder symbols(List<String> v) {
      symbols = v;
      return this;
    }

    public Builder bookDepth(int v) {
      bookDepth = v;
      return this;
    }

    public Builder orderResponseType(OrderResponseType v) {
      orderResponseType = v;
      return this;
    }

    public Builder timeSyncInterval(Duration v) {
      timeSyncInterval = v;
      return this;
    }

    public Builder maxInFlightOrders(int v) {
      maxInFlightOrders = v;
      return this;
    }

    public Builder depthSnapshotLimit(int v) {
      depthSnapshotLimit = v;
      return this;
    }

    public Builder depthUpdateSpeed(String v) {
      depthUpdateSpeed = v;
      return this;
    }

    public Builder bookTickerForTopOfBook(boolean v) {
      bookTickerForTopOfBook = v;
      return this;
    }

    public Builder wsMaxLifetime(Duration v) {
      wsMaxLifetime = v;
      return this;
    }

    public Builder wsRotationLead(Duration v) {
      wsRotationLead = v;
      return this;
    }

    public Builder wsPingInterval(Duration v) {
      wsPingInterval = v;
      return this;
    }

    public Builder rateLimitOverrides(Map<String, Integer> v) {
      rateLimitOverrides = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException listing every problem
     */
    public BinanceConfig build() {
      return new BinanceConfig(
          venue,
          restUrl,
          streamUrl,
          wsApiUrl,
          orderEntry,
          credentials,
          keyType,
          recvWindowMillis,
          requestTimeout,
          symbols,
          bookDepth,
          orderResponseType,
          timeSyncInterval,
          maxInFlightOrders,
          depthSnapshotLimit,
          depthUpdateSpeed,
          bookTickerForTopOfBook,
          wsMaxLifetime,
          wsRotationLead,
          wsPingInterval,
          rateLimitOverrides);
    }
  }
}
