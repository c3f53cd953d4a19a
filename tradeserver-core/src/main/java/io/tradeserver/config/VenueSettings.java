package io.tradeserver.config;

import io.tradeserver.spi.VenueConfig;
import java.util.Objects;

/**
 * One entry of {@code venues}: the venue's {@link VenueConfig} without credentials, and the secret
 * references its credentials are resolved from when the TradeServer is built.
 *
 * @param config the venue settings; {@code config.credentials()} is always null here
 * @param credentials references to the keys, or null for a market-data-only venue
 * @param paper paper trading settings ({@code config.paper()} mirrors {@code paper.enabled()})
 */
public record VenueSettings(VenueConfig config, CredentialRefs credentials, PaperSettings paper) {
  public VenueSettings {
    Objects.requireNonNull(config, "config");
    if (config.credentials() != null) {
      throw new IllegalArgumentException(
          "venue " + config.venue() + ": credentials belong in CredentialRefs, not VenueConfig");
    }
    paper = paper == null ? new PaperSettings(config.paper(), null) : paper;
  }

  public String venue() {
    return config.venue();
  }

  public boolean enabled() {
    return config.enabled();
  }
}
