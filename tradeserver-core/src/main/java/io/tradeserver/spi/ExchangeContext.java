package io.tradeserver.spi;

import io.tradeserver.time.Clock;
import io.tradeserver.time.Scheduler;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Everything an adapter gets from its host: where to send events, time, a timer, the shared HTTP
 * client (derive variants with {@link OkHttpClient#newBuilder()} so pools are shared), its
 * configuration and an error handler. Immutable.
 */
public final class ExchangeContext {
  private final VenueConfig config;
  private final VenueListener listener;
  private final Clock clock;
  private final Scheduler scheduler;
  private final OkHttpClient httpClient;
  private final ErrorHandler errorHandler;

  private ExchangeContext(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    this.listener = Objects.requireNonNull(b.listener, "listener");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.httpClient = Objects.requireNonNull(b.httpClient, "httpClient");
    this.errorHandler = Objects.requireNonNull(b.errorHandler, "errorHandler");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .config(config)
        .listener(listener)
        .clock(clock)
        .scheduler(scheduler)
        .httpClient(httpClient)
        .errorHandler(errorHandler);
  }

  /** The venue instance id. */
  public String venue() {
    return config.venue();
  }

  public VenueConfig config() {
    return config;
  }

  /** Thread-safe event sink; see {@link VenueListener}. */
  public VenueListener listener() {
    return listener;
  }

  public Clock clock() {
    return clock;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public OkHttpClient httpClient() {
    return httpClient;
  }

  public ErrorHandler errorHandler() {
    return errorHandler;
  }

  /** Builder; every field is required except the error handler (which defaults to logging). */
  public static final class Builder {
    private VenueConfig config;
    private VenueListener listener;
    private Clock clock = Clock.system();
    private Scheduler scheduler;
    private OkHttpClient httpClient;
    private ErrorHandler errorHandler =
        (venue, e) ->
            org.slf4j.LoggerFactory.getLogger(ExchangeContext.class)
                .error("unexpected error in venue {}", venue, e);

    public Builder config(VenueConfig v) {
      config = v;
      return this;
    }

    public Builder listener(VenueListener v) {
      listener = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder scheduler(Scheduler v) {
      scheduler = v;
      return this;
    }

    public Builder httpClient(OkHttpClient v) {
      httpClient = v;
      return this;
    }

    public Builder errorHandler(ErrorHandler v) {
      errorHandler = v;
      return this;
    }

    public ExchangeContext build() {
      return new ExchangeContext(this);
    }
  }
}
