package io.tradeserver.spi;

import io.tradeserver.venue.RateLimiter;
import java.util.List;

/**
 * Optionally implemented by an {@link ExchangeClient} that paces its requests with a {@link
 * RateLimiter}: what is left of each of the venue's limits, for metrics and dashboards.
 * Thread-safe; called from a metrics scrape, so it must not block. An empty list means no limits
 * are declared (yet).
 */
public interface RateLimitAware {
  /** Tokens available and capacity per limit, now. */
  List<RateLimiter.Headroom> rateLimitHeadroom();
}
