/**
 * Configuration (DESIGN §8): {@link io.tradeserver.config.ConfigLoader} reads and validates the
 * JSON file into an immutable {@link io.tradeserver.config.TradeServerConfig} (every problem at
 * once, with its JSON path; unknown fields refused; {@code TRADESERVER_*} environment overrides),
 * {@link io.tradeserver.config.TradeServerConfig#apply} builds a {@code TradeServer} from it with
 * credentials resolved from secret references through the {@link
 * io.tradeserver.config.SecretResolver} SPI, and {@link io.tradeserver.config.ConfigWatcher}
 * reloads risk limits and venue switches while running. Reference: {@code docs/configuration.md}.
 */
package io.tradeserver.config;
