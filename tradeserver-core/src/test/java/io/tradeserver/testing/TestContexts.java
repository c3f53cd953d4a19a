package io.tradeserver.testing;

import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * An {@link ExchangeContext} for adapter tests: a test clock, a manual scheduler (timers run only
 * when the test advances time), a recording listener, an error handler that fails the test, and a
 * plain OkHttp client with short timeouts for loopback servers.
 */
public final class TestContexts {
  public final TestClock clock = new TestClock();
  public final ManualScheduler scheduler = new ManualScheduler(clock);
  public final RecordingVenueListener listener = new RecordingVenueListener();
  public final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
  public final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(2))
          .callTimeout(Duration.ofSeconds(3))
          .build();

  /** A context for {@code config} wired to this kit's clock, scheduler, listener and client. */
  public ExchangeContext context(VenueConfig config) {
    return ExchangeContext.builder()
        .config(config)
        .listener(listener)
        .clock(clock)
        .scheduler(scheduler)
        .httpClient(http)
        .errorHandler((venue, e) -> errors.add(e))
        .build();
  }

  /** Fails when an adapter reported an unexpected exception. */
  public void assertNoErrors() {
    if (!errors.isEmpty()) {
      AssertionError e = new AssertionError("adapter reported " + errors.size() + " error(s)");
      errors.forEach(e::addSuppressed);
      throw e;
    }
  }
}
