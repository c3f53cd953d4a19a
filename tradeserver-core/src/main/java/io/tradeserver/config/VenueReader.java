package io.tradeserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.spi.OrderEntry;
import io.tradeserver.spi.VenueConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one {@code venues.<venue>} object into {@link VenueSettings}. */
final class VenueReader {
  private static final Pattern VENUE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");
  private static final VenueConfig DEFAULTS = VenueConfig.builder("defaults").build();

  private VenueReader() {}

  /** The venue's settings, or null when it has problems (already reported). */
  static VenueSettings read(String id, Section s, LoadContext ctx) {
    int before = ctx.problems().size();
    if (!VENUE_ID.matcher(id).matches()) {
      ctx.problem(s.path, "venue id must match [a-z0-9][a-z0-9_-]{0,31}");
    }
    String provider = s.string("provider", id);
    VenueConfig.Builder b = VenueConfig.builder(provider).venue(id);
    b.enabled(s.bool("enabled", true));
    boolean paper = s.bool("paper", false);
    b.paper(paper);
    Map<String, BigDecimal> paperBalances = s.decimals("paperBalances", Section.Sign.NON_NEGATIVE);
    if (!paper && !paperBalances.isEmpty()) {
      s.problem("paperBalances", "only used with paper: true");
    }
    b.restUrl(url(s, "restUrl", "http"));
    b.streamUrl(url(s, "streamUrl", "ws"));
    b.privateStreamUrl(url(s, "privateStreamUrl", "ws"));
    OrderEntry entry = s.enumValue("orderEntry", OrderEntry.class, OrderEntry.REST);
    b.orderEntry(entry);
    CredentialRefs creds = credentials(s.object("credentials"), provider, ctx);
    VenueOptionSpecs.Provider known = VenueOptionSpecs.PROVIDERS.get(provider);
    if (entry == OrderEntry.WEBSOCKET && !paper && known != null && !known.webSocketOrders()) {
      s.problem("orderEntry", provider + " takes REST order entry only");
    } else if (entry == OrderEntry.WEBSOCKET && creds == null && !paper) {
      s.problem("orderEntry", "WEBSOCKET order entry needs credentials");
    }
    b.symbols(symbols(s));
    b.bookDepth(s.integer("bookDepth", DEFAULTS.bookDepth(), 1, 5000));
    b.requestTimeout(
        s.duration(
            "requestTimeout",
            DEFAULTS.requestTimeout(),
            Duration.ofMillis(1),
            Duration.ofMinutes(5)));
    b.deadManSwitch(
        s.durationOrNull("deadManSwitch", null, Duration.ofSeconds(5), Duration.ofHours(1)));
    b.takerFeeBps(
        range(s, "takerFeeBps", DEFAULTS.takerFeeBps(), BigDecimal.ZERO, new BigDecimal("1000")));
    b.makerFeeBps(
        range(
            s,
            "makerFeeBps",
            DEFAULTS.makerFeeBps(),
            new BigDecimal("-1000"),
            new BigDecimal("1000")));
    b.rateLimits(s.integers("rateLimits", 1, 1_000_000_000));
    String tier = s.string("accountTier", null);
    Map<String, String> options =
        new LinkedHashMap<>(s.scalars("options", VenueOptionSpecs.keys(provider)));
    accountTier(s, provider, tier, options);
    VenueOptionSpecs.check(provider, options, s.child("options"), ctx);
    if (paper && !paperBalances.isEmpty()) { // the paper account the wrapper opens with
      StringBuilder account = new StringBuilder();
      paperBalances.forEach(
          (asset, amount) ->
              account
                  .append(account.length() == 0 ? "" : ",")
                  .append(asset)
                  .append('=')
                  .append(amount.toPlainString()));
      options.put(io.tradeserver.paper.PaperExchangeClient.BALANCES_OPTION, account.toString());
    }
    b.options(options);
    if (ctx.problems().size() > before) {
      return null;
    }
    try {
      return new VenueSettings(b.build(), creds, new PaperSettings(paper, paperBalances));
    } catch (IllegalArgumentException e) {
      ctx.problem(s.path, e.getMessage());
      return null;
    }
  }

  private static void accountTier(
      Section s, String provider, String tier, Map<String, String> options) {
    if (tier == null) {
      return;
    }
    VenueOptionSpecs.Provider p = VenueOptionSpecs.PROVIDERS.get(provider);
    String key = p == null ? "accountTier" : p.tierOption();
    if (key == null) {
      s.problem("accountTier", provider + " has no account tiers (set fees and rateLimits)");
    } else if (options.containsKey(key)) {
      s.problem("accountTier", "set either accountTier or options." + key + ", not both");
    } else {
      options.put(key, tier);
    }
  }

  private static String url(Section s, String name, String scheme) {
    String u = s.string(name, null);
    if (u == null) {
      return null;
    }
    String l = u.toLowerCase(Locale.ROOT);
    if (!(l.startsWith(scheme + "://") || l.startsWith(scheme + "s://"))) {
      s.problem(name, "must be a " + scheme + ":// or " + scheme + "s:// URL, was " + u);
      return null;
    }
    return u;
  }

  private static List<String> symbols(Section s) {
    List<String> symbols = s.strings("symbols", List.of());
    for (int i = 0; i < symbols.size(); i++) {
      if (!SYMBOL.matcher(symbols.get(i)).matches()) {
        s.problem("symbols[" + i + "]", "must be BASE-QUOTE in upper case, was " + symbols.get(i));
      }
    }
    return symbols;
  }

  private static BigDecimal range(
      Section s, String name, BigDecimal def, BigDecimal min, BigDecimal max) {
    BigDecimal v = s.decimal(name, def, Section.Sign.ANY);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      s.problem(
          name,
          "must be "
              + min.toPlainString()
              + ".."
              + max.toPlainString()
              + ", was "
              + v.toPlainString());
      return def;
    }
    return v;
  }

  /**
   * Credentials are references only; a literal (or anything that is not a reference) is refused.
   */
  private static CredentialRefs credentials(Section c, String provider, LoadContext ctx) {
    SecretRef key = ref(c, "apiKey", ctx);
    SecretRef secret = ref(c, "secret", ctx);
    SecretRef pass = ref(c, "passphrase", ctx);
    boolean any = key != null || secret != null || pass != null;
    if (!any) {
      return null;
    }
    if (key == null && !c.present("apiKey")) {
      c.problem("apiKey", "is required with credentials");
    }
    if (secret == null && !c.present("secret")) {
      c.problem("secret", "is required with credentials");
    }
    VenueOptionSpecs.Provider p = VenueOptionSpecs.PROVIDERS.get(provider);
    if (p != null && p.passphrase() && pass == null && !c.present("passphrase")) {
      c.problem("passphrase", "is required for " + provider);
    }
    if (p != null && !p.passphrase() && c.present("passphrase")) {
      c.problem("passphrase", provider + " takes no passphrase");
    }
    return key == null || secret == null ? null : new CredentialRefs(key, secret, pass);
  }

  /**
   * A secret reference; a literal is a problem whose message never contains the value. Used for
   * credentials and any other secret-bearing field.
   */
  static SecretRef ref(Section c, String name, LoadContext ctx) {
    JsonNode n = c.raw(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      c.problem(name, "must be a secret reference string (" + SecretRef.FORMS + ")");
      return null;
    }
    String text = n.textValue();
    var problem = SecretRef.problem(text);
    if (problem.isPresent()) {
      c.problem(name, problem.get());
      return null;
    }
    SecretRef ref = SecretRef.parse(text);
    if (ctx.resolvers != null && ctx.resolvers.resolver(ref.scheme()) == null) {
      // Name the scheme only when it is a known one: an unknown "scheme" may be part of a key.
      c.problem(
          name,
          ref.scheme().equals("aws")
              ? "no SecretResolver for scheme aws on the classpath; add tradeserver-aws"
              : "unknown secret reference scheme (have "
                  + ctx.resolvers.schemes()
                  + "); value not shown");
      return null;
    }
    return ref;
  }
}
