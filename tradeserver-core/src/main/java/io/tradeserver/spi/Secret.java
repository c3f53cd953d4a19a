package io.tradeserver.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret value (API secret, passphrase). Its {@link #toString()} never reveals it; only code that
 * signs requests calls {@link #reveal()}.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret text, for signing only. Never log, format or put it in an exception. */
  public String reveal() {
    return value;
  }

  public byte[] bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
