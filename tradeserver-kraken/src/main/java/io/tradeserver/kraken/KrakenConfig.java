package io.tradeserver.kraken;

import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Kraken settings: the common {@link VenueConfig} fields plus Kraken's own options. Immutable;
 * built by {@link #from(VenueConfig)} or {@link #builder()}, which validate every field and report
 * all problems at once. {@link #toString()} never shows the secret.
 *
 * <p>Options read from {@code VenueConfig.options()}:
 *
 * <ul>
 *   <li>{@code tier} — {@code starter} (default), {@code intermediate} or {@code pro}: the account
 *       tier whose REST and trading counters the client enforces locally.
 *   <li>{@code privateConcurrency} — signed private requests in flight at once per key (default 1,
 *       which keeps nonces arriving in order). Above 1 requires {@code nonceWindow=true}.
 *   <li>{@code nonceWindow} — {@code true} when the API key has a nonce window set at Kraken, so
 *       requests that overtake each other are not refused (default false).
 *   <li>{@code nonceFile} — optional file holding a nonce floor persisted across restarts.
 *   <li>{@code maxRequests} — OkHttp dispatcher limit for the order client (default 64).
 *   <li>{@code pingIntervalSeconds} (default 10) and {@code idleTimeoutSeconds} (default 30) for
 *       the WebSockets.
 * </ul>
 *
 * <p>The common {@code orderEntry} field selects REST (default) or WebSocket v2 order entry.
 *
 * @param venue venue instance id
 * @param restUrl REST base URL, without the {@code /0} path
 * @param publicStreamUrl public WebSocket v2 URL
 * @param privateStreamUrl authenticated WebSocket v2 URL
 * @param credentials API key and base64 secret, or null for market data only
 * @param tier account tier
 * @param privateConcurrency signed requests in flight at once
 * @param nonceWindow whether the key tolerates out-of-order nonces
 * @param nonceFile persisted nonce floor, or null
 * @param requestTimeout call timeout; after it an order's outcome is unknown
 * @param bookDepth default levels published per book
 * @param maxRequests OkHttp dispatcher limit for private calls
 * @param pingInterval WebSocket application ping interval
 * @param idleTimeout reconnect after this long without a message
 * @param orderEntry REST ({@code AddOrder}) or WebSocket v2 ({@code add_order} on the authenticated
 *     socket); WEBSOCKET needs credentials
 */
public record KrakenConfig(
    String venue,
    String restUrl,
    String publicStreamUrl,
    String privateStreamUrl,
    Credentials credentials,
    KrakenTier tier,
    int privateConcurrency,
    boolean nonceWindow,
    Path nonceFile,
    Duration requestTimeout,
    int bookDepth,
    int maxRequests,
    Duration pingInterval,
    Duration idleTimeout,
    OrderEntry orderEntry) {

  public static final String DEFAULT_REST_URL = "https://api.kraken.com";
  public static final String DEFAULT_PUBLIC_STREAM_URL = "wss://ws.kraken.com/v2";
  public static final String DEFAULT_PRIVATE_STREAM_URL = "wss://ws-auth.kraken.com/v2";

  public KrakenConfig {
    List<String> problems = new ArrayList<>();
    if (venue == null || venue.isBlank()) {
      problems.add("venue is required");
    }
    checkUrl("restUrl", restUrl, problems);
    checkUrl("publicStreamUrl", publicStreamUrl, problems);
    checkUrl("privateStreamUrl", privateStreamUrl, problems);
    if (tier == null) {
      problems.add("options.tier must be starter, intermediate or pro");
    }
    if (privateConcurrency < 1 || privateConcurrency > 64) {
      problems.add("options.privateConcurrency must be 1..64, was " + privateConcurrency);
    } else if (privateConcurrency > 1 && !nonceWindow) {
      problems.add(
          "options.privateConcurrency > 1 needs options.nonceWindow=true (a nonce window set on"
              + " the API key), or Kraken refuses requests that overtake each other");
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      problems.add("requestTimeout must be > 0, was " + requestTimeout);
    }
    if (bookDepth < 1 || bookDepth > 1000) {
      problems.add("bookDepth must be 1..1000 on Kraken, was " + bookDepth);
    }
    if (maxRequests < 1 || maxRequests > 1024) {
      problems.add("options.maxRequests must be 1..1024, was " + maxRequests);
    }
    checkPositive("options.pingIntervalSeconds", pingInterval, problems);
    checkPositive("options.idleTimeoutSeconds", idleTimeout, problems);
    if (credentials != null && !isBase64(credentials.secret().reveal())) {
      problems.add("credentials.secret must be Kraken's base64 private key");
    }
    if (orderEntry == null) {
      problems.add("orderEntry is required");
    } else if (orderEntry == OrderEntry.WEBSOCKET && credentials == null) {
      problems.add(
          "orderEntry WEBSOCKET needs credentials (add_order is on the authenticated socket)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid kraken config: " + String.join("; ", problems));
    }
  }

  /** Reads the common settings and Kraken's options; throws listing every problem. */
  public static KrakenConfig from(VenueConfig vc) {
    List<String> problems = new ArrayList<>();
    Map<String, String> o = vc.options();
    Builder b =
        builder()
            .venue(vc.venue())
            .restUrl(VenueConfig.orDefault(vc.restUrl(), DEFAULT_REST_URL))
            .publicStreamUrl(VenueConfig.orDefault(vc.streamUrl(), DEFAULT_PUBLIC_STREAM_URL))
            .privateStreamUrl(
                VenueConfig.orDefault(vc.privateStreamUrl(), DEFAULT_PRIVATE_STREAM_URL))
            .credentials(vc.credentials())
            .requestTimeout(vc.requestTimeout())
            .bookDepth(vc.bookDepth())
            .orderEntry(vc.orderEntry());
    try {
      b.tier(KrakenTier.parse(o.getOrDefault("tier", "starter")));
    } catch (IllegalArgumentException e) {
      problems.add("options.tier must be starter, intermediate or pro, was " + o.get("tier"));
    }
    b.privateConcurrency((int) longOption(vc, "privateConcurrency", 1, problems));
    b.nonceWindow(Boolean.parseBoolean(o.getOrDefault("nonceWindow", "false")));
    String nonceFile = o.get("nonceFile");
    b.nonceFile(nonceFile == null || nonceFile.isBlank() ? null : Path.of(nonceFile));
    b.maxRequests((int) longOption(vc, "maxRequests", 64, problems));
    b.pingInterval(Duration.ofSeconds(longOption(vc, "pingIntervalSeconds", 10, problems)));
    b.idleTimeout(Duration.ofSeconds(longOption(vc, "idleTimeoutSeconds", 30, problems)));
    try {
      KrakenConfig c = b.build();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid kraken config: " + String.join("; ", problems));
      }
      return c;
    } catch (IllegalArgumentException e) {
      if (problems.isEmpty()) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + "; " + String.join("; ", problems), e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when credentials are configured (private REST and the executions stream are used). */
  public boolean hasCredentials() {
    return credentials != null;
  }

  /** True when orders and cancels go over the authenticated WebSocket v2 connection. */
  public boolean webSocketOrderEntry() {
    return orderEntry == OrderEntry.WEBSOCKET;
  }

  private static long longOption(VenueConfig vc, String key, long def, List<String> problems) {
    try {
      return vc.longOption(key, def, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return def;
    }
  }

  private static void checkUrl(String name, String url, List<String> problems) {
    if (url == null || url.isBlank()) {
      problems.add(name + " is required");
    }
  }

  private static void checkPositive(String name, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(name + " must be > 0, was " + d);
    }
  }

  private static boolean isBase64(String s) {
    try {
      return Base64.getDecoder().decode(s).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "KrakenConfig[venue="
        + venue
        + ", restUrl="
        + restUrl
        + ", publicStreamUrl="
        + publicStreamUrl
        + ", privateStreamUrl="
        + privateStreamUrl
        + ", credentials="
        + credentials
        + ", tier="
        + tier
        + ", privateConcurrency="
        + privateConcurrency
        + ", nonceWindow="
        + nonceWindow
        + ", nonceFile="
        + nonceFile
        + ", requestTimeout="
        + requestTimeout
        + ", bookDepth="
        + bookDepth
        + ", maxRequests="
        + maxRequests
        + ", orderEntry="
        + orderEntry
        + "]";
  }

  /** Builder with Kraken's production defaults. */
  public static final class Builder {
    private String venue = "kraken";
    private String restUrl = DEFAULT_REST_URL;
    private String publicStreamUrl = DEFAULT_PUBLIC_STREAM_URL;
    private String privateStreamUrl = DEFAULT_PRIVATE_STREAM_URL;
    private Credentials credentials;
    private KrakenTier tier = KrakenTier.STARTER;
    private int privateConcurrency = 1;
    private boolean nonceWindow;
    private Path nonceFile;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int bookDepth = 10;
    private int maxRequests = 64;
    private Duration pingInterval = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private OrderEntry orderEntry = OrderEntry.REST;

    public Builder venue(String v) {
      venue = v;
      return this;
    }

    public Builder restUrl(String v) {
      restUrl = v;
      return this;
    }

    public Builder publicStreamUrl(String v) {
      publicStreamUrl = v;
      return this;
    }

    public Builder privateStreamUrl(String v) {
      privateStreamUrl = v;
      return this;
    }

    public Builder credentials(Credentials v) {
      credentials = v;
      return this;
    }

    public Builder tier(KrakenTier v) {
      tier = v;
      return this;
    }

    public Builder privateConcurrency(int v) {
      privateConcurrency = v;
      return this;
    }

    public Builder nonceWindow(boolean v) {
      nonceWindow = v;
      return this;
    }

    public Builder nonceFile(Path v) {
      nonceFile = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder bookDepth(int v) {
      bookDepth = v;
      return this;
    }

    public Builder maxRequests(int v) {
      maxRequests = v;
      return this;
    }

    public Builder pingInterval(Duration v) {
      pingInterval = v;
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    public Builder orderEntry(OrderEntry v) {
      orderEntry = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException listing every problem
     */
    public KrakenConfig build() {
      return new KrakenConfig(
          venue,
          trimSlash(restUrl),
          publicStreamUrl,
          privateStreamUrl,
          credentials,
          tier,
          privateConcurrency,
          nonceWindow,
          nonceFile,
          requestTimeout,
          bookDepth,
          maxRequests,
          pingInterval,
          idleTimeout,
          orderEntry);
    }

    private static String trimSlash(String url) {
      return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
