package io.tradeserver.aws;

import io.tradeserver.config.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the {@code aws} secret resolver, from the configuration's {@code secrets.aws}
 * section.
 *
 * @param region AWS region, or null for the SDK's default region chain ({@code AWS_REGION}, the
 *     profile)
 * @param endpoint endpoint override (a VPC endpoint, LocalStack, a test server), or null
 * @param cacheTtl how long a fetched secret is reused; zero disables the cache
 * @param maxAttempts attempts per fetch, including retries of throttling and network errors
 * @param timeout limit for one fetch, retries included
 */
public record AwsSettings(
    String region, URI endpoint, Duration cacheTtl, int maxAttempts, Duration timeout) {

  static final Set<String> KEYS =
      Set.of("region", "endpoint", "cacheTtl", "maxAttempts", "timeout");

  public AwsSettings {
    List<String> p = new ArrayList<>();
    if (region != null && !region.matches("[a-z]{2}(-[a-z0-9]+)+-\\d+")) {
      p.add("region must look like eu-west-1, was " + region);
    }
    if (endpoint != null
        && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
      p.add("endpoint must be an http(s) URL, was " + endpoint);
    }
    if (cacheTtl == null || cacheTtl.isNegative()) {
      p.add("cacheTtl must be >= 0, was " + cacheTtl);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      p.add("maxAttempts must be 1..10, was " + maxAttempts);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      p.add("timeout must be > 0, was " + timeout);
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", p));
    }
  }

  /** Default region chain, regional endpoint, 5 min cache, 3 attempts, 10 s timeout. */
  public static AwsSettings defaults() {
    return new AwsSettings(null, null, Duration.ofMinutes(5), 3, Duration.ofSeconds(10));
  }

  /**
   * Reads {@code secrets.aws}.
   *
   * @throws IllegalArgumentException naming every unknown or invalid setting
   */
  public static AwsSettings from(Map<String, String> settings) {
    List<String> p = new ArrayList<>();
    for (String k : new TreeSet<>(settings.keySet())) {
      if (!KEYS.contains(k)) {
        p.add("unknown setting " + k + " (known: " + new TreeSet<>(KEYS) + ")");
      }
    }
    AwsSettings d = defaults();
    String region = settings.get("region");
    URI endpoint = null;
    String e = settings.get("endpoint");
    if (e != null) {
      try {
        endpoint = new URI(e.strip());
      } catch (URISyntaxException x) {
        p.add("endpoint is not a URL: " + e);
      }
    }
    Duration ttl = duration(settings, "cacheTtl", d.cacheTtl(), p);
    Duration timeout = duration(settings, "timeout", d.timeout(), p);
    int attempts = d.maxAttempts();
    String a = settings.get("maxAttempts");
    if (a != null) {
      try {
        attempts = Integer.parseInt(a.strip());
      } catch (NumberFormatException x) {
        p.add("maxAttempts must be an integer 1..10, was " + a);
      }
    }
    try {
      AwsSettings s =
          new AwsSettings(
              region == null ? null : region.strip().toLowerCase(Locale.ROOT),
              endpoint,
              ttl,
              attempts,
              timeout);
      if (p.isEmpty()) {
        return s;
      }
    } catch (IllegalArgumentException x) {
      p.add(x.getMessage());
    }
    throw new IllegalArgumentException(String.join("; ", p));
  }

  private static Duration duration(
      Map<String, String> settings, String key, Duration def, List<String> p) {
    String v = settings.get(key);
    if (v == null) {
      return def;
    }
    Duration d = Durations.parse(v);
    if (d == null) {
      p.add(key + " must be a duration such as 30s or 5m, was " + v);
      return def;
    }
    return d;
  }
}
