package io.tradeserver.config;

import io.tradeserver.spi.Secret;
import java.util.Map;

/**
 * Resolves {@link SecretRef}s of one scheme. Found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.tradeserver.config.SecretResolver}. Core provides
 * {@code env} and {@code file}; {@code tradeserver-aws} provides {@code aws} by being on the
 * classpath. Implementations are thread-safe and never put a secret value in a log line, an
 * exception message or {@code toString()}.
 */
public interface SecretResolver {

  /** The scheme handled, lower case: {@code env}, {@code file}, {@code aws}. */
  String scheme();

  /**
   * A resolver configured with the settings of the configuration's {@code secrets.<scheme>} section
   * (e.g. the AWS region). Called with an empty map when there is no section. Does no I/O.
   *
   * @throws IllegalArgumentException naming every unknown or invalid setting
   */
  SecretResolver withSettings(Map<String, String> settings);

  /**
   * The secret's current value, possibly from a cache. Blocking I/O is allowed: call it at start-up
   * or from a timer thread, never from the engine thread.
   *
   * @throws SecretException when it cannot be resolved, naming the reference and never the value
   */
  Secret resolve(SecretRef ref);

  /**
   * Forgets any cached value of {@code ref}, so the next {@link #resolve} fetches it again (key
   * rotation). Resolvers without a cache read the source on every call and have nothing to forget.
   */
  void invalidate(SecretRef ref);
}
