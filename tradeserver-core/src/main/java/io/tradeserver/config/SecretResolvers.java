package io.tradeserver.config;

import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The {@link SecretResolver}s available, by scheme. Immutable and thread-safe. Resolving does I/O
 * (a file, AWS): never call it on the engine thread.
 */
public final class SecretResolvers {
  private final Map<String, SecretResolver> byScheme;

  private SecretResolvers(Map<String, SecretResolver> byScheme) {
    this.byScheme = Collections.unmodifiableMap(new LinkedHashMap<>(byScheme));
  }

  /** Every resolver on the classpath (ServiceLoader), unconfigured. First one per scheme wins. */
  public static SecretResolvers load() {
    return load(Map.of());
  }

  /**
   * Every resolver on the classpath, each configured with its {@code secrets.<scheme>} settings.
   *
   * @throws ConfigException when a resolver refuses its settings or settings name a scheme no
   *     resolver handles
   */
  public static SecretResolvers load(Map<String, Map<String, String>> settings) {
    List<SecretResolver> found = new ArrayList<>();
    ServiceLoader.load(SecretResolver.class, SecretResolvers.class.getClassLoader())
        .forEach(found::add);
    return of(found).withSettings(settings);
  }

  /** Exactly these resolvers (tests, embedding); the first one per scheme wins. */
  public static SecretResolvers of(Collection<? extends SecretResolver> resolvers) {
    Map<String, SecretResolver> m = new LinkedHashMap<>();
    for (SecretResolver r : resolvers) {
      m.putIfAbsent(r.scheme(), r);
    }
    return new SecretResolvers(m);
  }

  public static SecretResolvers of(SecretResolver... resolvers) {
    return of(List.of(resolvers));
  }

  /**
   * These resolvers, each configured with its settings (empty when absent).
   *
   * @throws ConfigException listing every refused setting and unknown scheme
   */
  public SecretResolvers withSettings(Map<String, Map<String, String>> settings) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (String scheme : settings.keySet()) {
      if (!byScheme.containsKey(scheme)) {
        problems.add(
            new ConfigProblem(
                "secrets." + scheme,
                "no SecretResolver for this scheme on the classpath (have "
                    + byScheme.keySet()
                    + ")"));
      }
    }
    Map<String, SecretResolver> m = new LinkedHashMap<>();
    byScheme.forEach(
        (scheme, r) -> {
          try {
            m.put(scheme, r.withSettings(settings.getOrDefault(scheme, Map.of())));
          } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("secrets." + scheme, e.getMessage()));
          }
        });
    if (!problems.isEmpty()) {
      throw new ConfigException("secrets", problems);
    }
    return new SecretResolvers(m);
  }

  /** Schemes that can be resolved. */
  public Set<String> schemes() {
    return byScheme.keySet();
  }

  /** The resolver for a scheme, or null. */
  public SecretResolver resolver(String scheme) {
    return byScheme.get(scheme);
  }

  /**
   * Resolves one reference (cached values allowed).
   *
   * @throws SecretException naming the reference, never the value
   */
  public Secret resolve(SecretRef ref) {
    return resolverFor(ref).resolve(ref);
  }

  /**
   * Forgets any cached value and fetches the secret again: call it once after a venue refused the
   * key (rotation) before giving up.
   */
  public Secret refresh(SecretRef ref) {
    SecretResolver r = resolverFor(ref);
    r.invalidate(ref);
    return r.resolve(ref);
  }

  /**
   * Resolves a venue's references into credentials.
   *
   * @throws SecretException for the first reference that fails
   */
  public Credentials resolve(CredentialRefs refs) {
    return new Credentials(
        resolve(refs.apiKey()).reveal(),
        resolve(refs.secret()),
        refs.passphrase() == null ? null : resolve(refs.passphrase()));
  }

  /** Like {@link #resolve(CredentialRefs)} after forgetting every cached value of {@code refs}. */
  public Credentials refresh(CredentialRefs refs) {
    for (SecretRef r : refList(refs)) {
      resolverFor(r).invalidate(r);
    }
    return resolve(refs);
  }

  static List<SecretRef> refList(CredentialRefs refs) {
    List<SecretRef> l = new ArrayList<>(3);
    l.add(refs.apiKey());
    l.add(refs.secret());
    if (refs.passphrase() != null) {
      l.add(refs.passphrase());
    }
    return l;
  }

  private SecretResolver resolverFor(SecretRef ref) {
    SecretResolver r = byScheme.get(ref.scheme());
    if (r == null) {
      throw new SecretException(
          ref,
          "no SecretResolver for scheme "
              + ref.scheme()
              + " on the classpath (have "
              + byScheme.keySet()
              + (ref.scheme().equals("aws") ? "; add tradeserver-aws)" : ")"));
    }
    return r;
  }

  @Override
  public String toString() {
    return "SecretResolvers" + byScheme.keySet();
  }
}
