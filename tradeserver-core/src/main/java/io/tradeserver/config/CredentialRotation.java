package io.tradeserver.config;

import io.tradeserver.spi.Credentials;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Key rotation: when a venue refuses its key ({@code AlertKind.AUTHENTICATION_FAILED}, an {@code
 * AuthenticationException}), the key may have been rotated at the secret store while a cached copy
 * is still in use. {@link #onAuthenticationFailure} re-fetches the venue's credentials once,
 * bypassing every cache, and says whether they changed; a second failure before {@link
 * #onAuthenticated} gives up instead of fetching in a loop. Blocking (it may call AWS): call it
 * from a timer or runner thread, never from the engine thread or a listener. Thread-safe.
 */
public final class CredentialRotation {
  private final TradeServerConfig config;
  private final SecretResolvers resolvers;
  private final Set<String> refreshed = new HashSet<>();

  public CredentialRotation(TradeServerConfig config, SecretResolvers resolvers) {
    this.config = Objects.requireNonNull(config, "config");
    this.resolvers = Objects.requireNonNull(resolvers, "resolvers");
  }

  /** What a refresh found. */
  public enum Result {
    /** The store has different credentials: rebuild the venue's client with them. */
    ROTATED,
    /** The store has the same credentials: the key itself is refused; fail. */
    UNCHANGED,
    /** Already refreshed once since the last success: fail without fetching again. */
    EXHAUSTED,
    /** The venue has no credential references. */
    NO_CREDENTIALS
  }

  /**
   * @param result what was found
   * @param credentials the fresh credentials for ROTATED, else null
   */
  public record Refresh(Result result, Credentials credentials) {}

  /**
   * Re-fetches {@code venue}'s credentials after it refused {@code inUse}.
   *
   * @throws SecretException when the store cannot be read (by reference, never by value)
   */
  public Refresh onAuthenticationFailure(String venue, Credentials inUse) {
    VenueSettings v = config.venue(venue);
    if (v == null || v.credentials() == null) {
      return new Refresh(Result.NO_CREDENTIALS, null);
    }
    synchronized (refreshed) {
      if (!refreshed.add(venue)) {
        return new Refresh(Result.EXHAUSTED, null);
      }
    }
    Credentials fresh = resolvers.refresh(v.credentials());
    return fresh.equals(inUse)
        ? new Refresh(Result.UNCHANGED, null)
        : new Refresh(Result.ROTATED, fresh);
  }

  /** The venue accepted its key: a later failure may refresh once again. */
  public void onAuthenticated(String venue) {
    synchronized (refreshed) {
      refreshed.remove(venue);
    }
  }
}
