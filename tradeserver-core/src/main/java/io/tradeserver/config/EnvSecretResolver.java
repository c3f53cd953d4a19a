package io.tradeserver.config;

import io.tradeserver.spi.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * Scheme {@code env}: {@code env:NAME} is the value of environment variable {@code NAME}. Reads the
 * process environment (or the map given for tests) on every call; nothing is cached.
 */
public final class EnvSecretResolver implements SecretResolver {
  private final Map<String, String> env;

  /** Reads the process environment (the ServiceLoader constructor). */
  public EnvSecretResolver() {
    this(System.getenv());
  }

  /** Reads {@code env} instead of the process environment. */
  public EnvSecretResolver(Map<String, String> env) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  @Override
  public String scheme() {
    return "env";
  }

  @Override
  public SecretResolver withSettings(Map<String, String> settings) {
    if (!settings.isEmpty()) {
      throw new IllegalArgumentException("env takes no settings, got " + settings.keySet());
    }
    return this;
  }

  @Override
  public Secret resolve(SecretRef ref) {
    String v = env.get(ref.location());
    if (v == null) {
      throw new SecretException(ref, "environment variable " + ref.location() + " is not set");
    }
    if (v.isBlank()) {
      throw new SecretException(ref, "environment variable " + ref.location() + " is empty");
    }
    return Secret.of(v.strip());
  }

  @Override
  public void invalidate(SecretRef ref) {
    // Read on every resolve: nothing cached.
  }

  @Override
  public String toString() {
    return "EnvSecretResolver";
  }
}
