package io.tradeserver.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings for one venue instance, common to every adapter. Venue-specific settings ({@code
 * recvWindow}, key type, account tier limits) are in {@link #options()}; each adapter documents and
 * validates its own. Immutable; {@link #toString()} never shows credentials.
 *
 * @param venue instance id used in events and instrument ids (usually the provider id)
 * @param provider the {@link ExchangeClientProvider#id()} that builds it
 * @param enabled whether the engine starts it
 * @param paper orders are simulated against the venue's live book instead of sent
 * @param restUrl REST base URL, or null for the venue's production default
 * @param streamUrl public WebSocket URL, or null for the default
 * @param privateStreamUrl private / order WebSocket URL, or null for the default
 * @param orderEntry REST or WebSocket order entry
 * @param credentials resolved keys, or null for market data only
 * @param symbols canonical {@code BASE-QUOTE} symbols to trade and stream
 * @param bookDepth levels kept and published per book
 * @param requestTimeout how long a request may take before its outcome is treated as unknown
 * @param deadManSwitch venue-side cancel-all-after timer the engine keeps re-arming (every quarter
 *     of it) on venues with {@link Capability#DEAD_MAN_SWITCH}, so a dead process leaves no orders
 *     behind; null for none
 * @param takerFeeBps taker fee in basis points (routing, paper fills)
 * @param makerFeeBps maker fee in basis points
 * @param rateLimits per-limit overrides, e.g. {@code REQUEST_WEIGHT_1m -> 3000}
 * @param options venue-specific settings
 */
public record VenueConfig(
    String venue,
    String provider,
    boolean enabled,
    boolean paper,
    String restUrl,
    String streamUrl,
    String privateStreamUrl,
    OrderEntry orderEntry,
    Credentials credentials,
    List<String> symbols,
    int bookDepth,
    Duration requestTimeout,
    Duration deadManSwitch,
    BigDecimal takerFeeBps,
    BigDecimal makerFeeBps,
    Map<String, Integer> rateLimits,
    Map<String, String> options) {

  public VenueConfig {
    List<String> problems = new ArrayList<>();
    if (venue == null || !venue.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      problems.add("venue must match [a-z0-9][a-z0-9_-]{0,31}, was " + venue);
    }
    if (provider == null || provider.isBlank()) {
      problems.add("provider is required");
    }
    if (bookDepth < 1 || bookDepth > 5000) {
      problems.add("bookDepth must be 1..5000, was " + bookDepth);
    }
    if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
      problems.add("requestTimeout must be > 0, was " + requestTimeout);
    }
    if (deadManSwitch != null
        && (deadManSwitch.compareTo(Duration.ofSeconds(5)) < 0
            || deadManSwitch.compareTo(Duration.ofHours(1)) > 0)) {
      problems.add("deadManSwitch must be 5s..1h, was " + deadManSwitch);
    }
    if (takerFeeBps == null || takerFeeBps.signum() < 0) {
      problems.add("takerFeeBps must be >= 0, was " + takerFeeBps);
    }
    if (makerFeeBps == null) {
      problems.add("makerFeeBps is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid venue config: " + String.join("; ", problems));
    }
    orderEntry = orderEntry == null ? OrderEntry.REST : orderEntry;
    symbols = List.copyOf(symbols == null ? List.of() : symbols);
    rateLimits = Map.copyOf(rateLimits == null ? Map.of() : rateLimits);
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  /** A builder for {@code provider}, with the venue id defaulting to the provider id. */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  public Builder toBuilder() {
    return new Builder(provider)
        .venue(venue)
        .enabled(enabled)
        .paper(paper)
        .restUrl(restUrl)
        .streamUrl(streamUrl)
        .privateStreamUrl(privateStreamUrl)
        .orderEntry(orderEntry)
        .credentials(credentials)
        .symbols(symbols)
        .bookDepth(bookDepth)
        .requestTimeout(requestTimeout)
        .deadManSwitch(deadManSwitch)
        .takerFeeBps(takerFeeBps)
        .makerFeeBps(makerFeeBps)
        .rateLimits(rateLimits)
        .options(options);
  }

  /** A venue-specific option, or {@code defaultValue} when absent. */
  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }

  /**
   * A venue-specific integer option within {@code [min, max]}.
   *
   * @throws IllegalArgumentException naming the option when it is not an integer in range
   */
  public long longOption(String key, long defaultValue, long min, long max) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(venue + ".options." + key + ": not an integer: " + v);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          venue + ".options." + key + ": must be " + min + ".." + max + ", was " + n);
    }
    return n;
  }

  /** The configured URL, or {@code defaultUrl} when none is set. */
  public static String orDefault(String url, String defaultUrl) {
    return url == null || url.isBlank() ? defaultUrl : url;
  }

  @Override
  public String toString() {
    return "VenueConfig[venue="
        + venue
        + ", provider="
        + provider
        + ", enabled="
        + enabled
        + ", paper="
        + paper
        + ", restUrl="
        + restUrl
        + ", streamUrl="
        + streamUrl
        + ", privateStreamUrl="
        + privateStreamUrl
        + ", orderEntry="
        + orderEntry
        + ", credentials="
        + credentials
        + ", symbols="
        + symbols
        + ", bookDepth="
        + bookDepth
        + ", requestTimeout="
        + requestTimeout
        + ", deadManSwitch="
        + deadManSwitch
        + ", takerFeeBps="
        + takerFeeBps
        + ", makerFeeBps="
        + makerFeeBps
        + ", rateLimits="
        + rateLimits
        + ", options="
        + new TreeMap<>(options)
        + "]";
  }

  /** Builder with production defaults: enabled, REST, depth 20, 10 s timeout, 10/10 bps fees. */
  public static final class Builder {
    private final String provider;
    private String venue;
    private boolean enabled = true;
    private boolean paper;
    private String restUrl;
    private String streamUrl;
    private String privateStreamUrl;
    private OrderEntry orderEntry = OrderEntry.REST;
    private Credentials credentials;
    private List<String> symbols = List.of();
    private int bookDepth = 20;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration deadManSwitch;
    private BigDecimal takerFeeBps = BigDecimal.TEN;
    private BigDecimal makerFeeBps = BigDecimal.TEN;
    private Map<String, Integer> rateLimits = Map.of();
    private Map<String, String> options = Map.of();

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.venue = provider;
    }

    public Builder venue(String v) {
      venue = v;
      return this;
    }

    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    public Builder paper(boolean v) {
      paper = v;
      return this;
    }

    public Builder restUrl(String v) {
      restUrl = v;
      return this;
    }

    public Builder streamUrl(String v) {
      streamUrl = v;
      return this;
    }

    public Builder privateStreamUrl(String v) {
      privateStreamUrl = v;
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

    public Builder symbols(List<String> v) {
      symbols = v;
      return this;
    }

    public Builder bookDepth(int v) {
      bookDepth = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    /** The dead-man switch timeout, or null for none (the default). */
    public Builder deadManSwitch(Duration v) {
      deadManSwitch = v;
      return this;
    }

    public Builder takerFeeBps(BigDecimal v) {
      takerFeeBps = v;
      return this;
    }

    public Builder makerFeeBps(BigDecimal v) {
      makerFeeBps = v;
      return this;
    }

    public Builder rateLimits(Map<String, Integer> v) {
      rateLimits = v;
      return this;
    }

    public Builder options(Map<String, String> v) {
      options = v;
      return this;
    }

    public Builder option(String key, String value) {
      Map<String, String> m = new java.util.HashMap<>(options);
      m.put(key, value);
      options = m;
      return this;
    }

    /**
     * @throws IllegalArgumentException listing every problem
     */
    public VenueConfig build() {
      return new VenueConfig(
          venue,
          provider,
          enabled,
          paper,
          restUrl,
          streamUrl,
          privateStreamUrl,
          orderEntry,
          credentials,
          symbols,
          bookDepth,
          requestTimeout,
          deadManSwitch,
          takerFeeBps,
          makerFeeBps,
          rateLimits,
          options);
    }
  }
}
