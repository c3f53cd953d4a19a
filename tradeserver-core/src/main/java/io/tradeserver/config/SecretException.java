package io.tradeserver.config;

import java.util.Objects;

/**
 * A secret could not be resolved. The message names the reference (secret id, variable, path) and
 * the reason, never the value.
 */
public class SecretException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SecretRef ref;
  private final boolean retryable;

  /**
   * @param ref the reference that failed
   * @param reason why, without the value, e.g. {@code not found (ResourceNotFoundException)}
   * @param retryable whether trying again later may succeed (throttling, network)
   * @param cause the underlying failure; must not carry the value either
   */
  public SecretException(SecretRef ref, String reason, boolean retryable, Throwable cause) {
    super("secret " + Objects.requireNonNull(ref, "ref") + ": " + reason, cause);
    this.ref = ref;
    this.retryable = retryable;
  }

  public SecretException(SecretRef ref, String reason) {
    this(ref, reason, false, null);
  }

  public SecretRef ref() {
    return ref;
  }

  /** True when the failure may be temporary (throttling, a network error). */
  public boolean retryable() {
    return retryable;
  }
}
