package io.tradeserver.kraken.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kraken.KrakenConfig;
import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.spi.ExchangeContext;
import io.tradeserver.venue.NetworkFailures;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every part of the adapter shares: configuration, event sink, clock, transport, limits,
 * markets and tracked orders, plus the common handling of a private call's answer (envelope, error
 * classification, rate-limit bookkeeping and alerts). Thread-safe.
 */
final class AdapterCore {
  private static final Logger log = LoggerFactory.getLogger(AdapterCore.class);

  private static final long FORGET_AFTER_NANOS = 5L * 60 * 1_000_000_000L;

  final String venue;
  final ExchangeContext ctx;
  final KrakenConfig config;
  final KrakenRest rest;
  final KrakenLimits limits;
  final Markets markets = new Markets();
  final OrderTracker tracker = new OrderTracker();

  AdapterCore(ExchangeContext ctx, KrakenConfig config, KrakenRest rest, KrakenLimits limits) {
    this.venue = config.venue();
    this.ctx = ctx;
    this.config = config;
    this.rest = rest;
    this.limits = limits;
  }

  long now() {
    return ctx.clock().nanos();
  }

  void emit(VenueEvent e) {
    ctx.listener().onEvent(e);
  }

  /**
   * Forgets a finished order after a grace period, so late REST answers and stream messages for it
   * still find it (and do not emit a second acceptance).
   */
  void forgetLater(String clOrdId) {
    if (clOrdId != null) {
      ctx.scheduler().schedule(FORGET_AFTER_NANOS, () -> tracker.forget(clOrdId));
    }
  }

  /** An unexpected exception (a bug, not a venue error). */
  void bug(Throwable t) {
    ctx.errorHandler().onError(venue, t);
  }

  /**
   * A signed private call whose result is a JSON object. {@code apiPoints} are taken from the local
   * REST counter first (0 for AddOrder/CancelOrder, which Kraken counts elsewhere); when they are
   * not available the call is not sent and {@code failed} gets a RATE_LIMITED error.
   */
  void call(
      String method,
      int apiPoints,
      Consumer<StringBuilder> params,
      Consumer<JsonNode> ok,
      Consumer<KrakenError> failed) {
    if (apiPoints > 0) {
      long wait = limits.acquireApi(apiPoints);
      if (wait > 0) {
        KrakenError e =
            new KrakenError(Kind.RATE_LIMITED, "local:API_COUNTER", "not sent: " + method, wait);
        alert(e);
        failed.accept(e);
        return;
      }
    }
    rest.privatePost(method, params, handler(method, null, ok, failed));
  }

  /** A handler that parses the envelope and routes to {@code ok} or {@code failed}. */
  RestHandler handler(
      String method, String pair, Consumer<JsonNode> ok, Consumer<KrakenError> failed) {
    return handler(method, ok, failed, error -> venueError(error, pair));
  }

  /**
   * As {@link #handler} for a public market-data call. Kraken limits public calls per IP, not per
   * API key, so a venue error only alerts: it does not snap or pause the per-key counters that
   * private calls (balances, order lookups) depend on.
   */
  RestHandler publicHandler(String method, Consumer<JsonNode> ok, Consumer<KrakenError> failed) {
    return handler(method, ok, failed, this::publicError);
  }

  private RestHandler handler(
      String method,
      Consumer<JsonNode> ok,
      Consumer<KrakenError> failed,
      Function<String, KrakenError> classify) {
    return new RestHandler() {
      @Override
      public void onResponse(int status, byte[] body) {
        KrakenParse.Envelope env;
        try {
          env = KrakenParse.envelope(body);
        } catch (IOException | RuntimeException e) {
          deliver(failed, KrakenErrors.httpStatus(status == 200 ? 502 : status));
          return;
        }
        if (env.error() != null) {
          deliver(failed, classify.apply(env.error()));
          return;
        }
        try {
          ok.accept(env.result());
        } catch (RuntimeException e) {
          bug(new IllegalStateException(venue + " " + method + " answer not understood", e));
          deliver(failed, new KrakenError(Kind.AMBIGUOUS, "unparsed", e.toString(), 0));
        }
      }

      @Override
      public void onFailure(IOException e) {
        deliver(failed, networkError(e));
      }
    };
  }

  private KrakenError publicError(String error) {
    KrakenError e = KrakenErrors.classify(error, now());
    alert(e);
    return e;
  }

  /** Classifies a Kraken error string and applies its side effects (limits, alerts). */
  KrakenError venueError(String error, String pair) {
    KrakenError e = KrakenErrors.classify(error, now());
    if (e.kind() == Kind.RATE_LIMITED || e.kind() == Kind.BANNED) {
      limits.onVenueLimit(e, pair);
    }
    alert(e);
    return e;
  }

  static KrakenError networkError(IOException e) {
    Kind kind = NetworkFailures.definitelyNotSent(e) ? Kind.NOT_SENT : Kind.AMBIGUOUS;
    return new KrakenError(kind, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), 0);
  }

  /** Emits the alert an error calls for, if any. */
  void alert(KrakenError e) {
    AlertKind kind =
        switch (e.kind()) {
          case RATE_LIMITED -> AlertKind.RATE_LIMITED;
          case BANNED -> AlertKind.BANNED;
          case AUTHENTICATION -> AlertKind.AUTHENTICATION_FAILED;
          case UNAVAILABLE -> AlertKind.UNAVAILABLE;
          default -> null;
        };
    if (kind != null) {
      long t = now();
      long until = e.retryAfterNanos() > 0 ? t + e.retryAfterNanos() : t;
      emit(new VenueAlert(venue, kind, e.toString(), until, t));
    }
  }

  private void deliver(Consumer<KrakenError> failed, KrakenError e) {
    try {
      failed.accept(e);
    } catch (RuntimeException ex) {
      bug(ex);
    }
  }

  static void logLifecycle(String message, Object... args) {
    log.info(message, args);
  }
}
