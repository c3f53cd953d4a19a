package io.tradeserver.kucoin.internal;

import io.tradeserver.spi.ErrorHandler;
import io.tradeserver.time.Clock;
import io.tradeserver.venue.NetworkFailures;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The raw KuCoin REST transport: rate-limit admission, signing, asynchronous send, envelope parse,
 * error classification and the side effects every caller needs (pause on 429, alerts). Order-entry
 * endpoints go through {@code orderHttp}, which never retries silently. Thread-safe.
 */
final class KucoinRest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] EMPTY = new byte[0];

  /** Used when a 429 carries no {@code gw-ratelimit-reset}. */
  private static final long DEFAULT_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

  /** KuCoin's per-endpoint 200002 limit blocks for 10 s (docs: basic-info/request-rate-limit). */
  private static final long ENDPOINT_LIMIT_PAUSE_NANOS = Duration.ofSeconds(10).toNanos();

  /** Side effects of venue answers that concern the whole client. */
  interface Alerts {
    void rateLimited(long untilNanos, String detail);

    void authenticationFailed(String detail);

    void timestampRejected(String detail);
  }

  private final String venue;
  private final String baseUrl;
  private final OkHttpClient http;
  private final OkHttpClient orderHttp;
  private final KucoinSigner signer;
  private final KucoinRateLimits limits;
  private final ServerTime serverTime;
  private final Clock clock;
  private final Alerts alerts;
  private final ErrorHandler errors;

  /** Parsed once: the URL of every endpoint called without a query or id. */
  private final Map<Endpoint, HttpUrl> fixedUrls = new EnumMap<>(Endpoint.class);

  KucoinRest(
      String venue,
      String baseUrl,
      OkHttpClient http,
      OkHttpClient orderHttp,
      KucoinSigner signer,
      KucoinRateLimits limits,
      ServerTime serverTime,
      Clock clock,
      Alerts alerts,
      ErrorHandler errors) {
    this.venue = venue;
    this.baseUrl = baseUrl;
    this.http = http;
    this.orderHttp = orderHttp;
    this.signer = signer;
    this.limits = limits;
    this.serverTime = serverTime;
    this.clock = clock;
    this.alerts = alerts;
    this.errors = errors;
    for (Endpoint e : Endpoint.values()) {
      fixedUrls.put(e, HttpUrl.get(baseUrl + e.path));
    }
  }

  /**
   * Sends a request unless the limiter refuses it.
   *
   * @param pathAndQuery path with its query string, exactly as signed (no URL encoding needed for
   *     KuCoin symbols and alphanumeric ids)
   * @param body JSON body bytes for POST (signed byte-identical), or null
   */
  <T> void send(
      Endpoint ep, String pathAndQuery, byte[] body, Json.Reader<T> reader, RestCallback<T> cb) {
    long wait = limits.tryAcquire(ep);
    if (wait > 0) {
      cb.onThrottled(wait);
      return;
    }
    byte[] payload = body == null ? EMPTY : body;
    HttpUrl fixed = fixedUrls.get(ep);
    Request.Builder rb =
        new Request.Builder()
            .url(pathAndQuery.equals(ep.path) ? fixed : HttpUrl.get(baseUrl + pathAndQuery));
    rb.method(ep.method, ep.method.equals("POST") ? RequestBody.create(payload, JSON) : null);
    if (ep.signed) {
      if (signer == null) {
        cb.onError(new VenueError(KucoinErrors.Kind.AUTHENTICATION, 0, null, "no credentials", 0));
        return;
      }
      signer.sign(rb, serverTime.millis(), ep.method, pathAndQuery, payload);
    }
    Call call = (ep.orderEntry ? orderHttp : http).newCall(rb.build());
    call.enqueue(new Handler<>(ep, reader, cb));
  }

  private final class Handler<T> implements Callback {
    private final Endpoint ep;
    private final Json.Reader<T> reader;
    private final RestCallback<T> cb;

    Handler(Endpoint ep, Json.Reader<T> reader, RestCallback<T> cb) {
      this.ep = ep;
      this.reader = reader;
      this.cb = cb;
    }

    @Override
    public void onFailure(Call call, IOException e) {
      deliver(() -> cb.onFailure(e, NetworkFailures.definitelyNotSent(e)));
    }

    @Override
    public void onResponse(Call call, Response response) {
      Json.Envelope<T> env;
      VenueError error;
      try (response) {
        observeQuota(response);
        byte[] bytes = bodyBytes(response.body());
        int status = response.code();
        try {
          env = Json.envelope(bytes, reader);
          KucoinErrors.Kind kind = KucoinErrors.classify(status, env.code(), env.msg());
          error = kind == KucoinErrors.Kind.OK ? null : error(kind, status, env, response);
        } catch (IOException | RuntimeException e) {
          env = null;
          KucoinErrors.Kind kind =
              status >= 200 && status < 300
                  ? KucoinErrors.Kind.SERVER
                  : KucoinErrors.classify(status, null, null);
          error = error(kind, status, null, response);
        }
      } catch (IOException e) {
        deliver(() -> cb.onFailure(e, false));
        return;
      }
      if (error == null) {
        T data = env.data();
        deliver(() -> cb.onSuccess(data));
      } else {
        sideEffects(error);
        VenueError err = error;
        deliver(() -> cb.onError(err));
      }
    }

    private VenueError error(
        KucoinErrors.Kind kind, int status, Json.Envelope<T> env, Response response) {
      String code = env == null ? null : env.code();
      String msg = env == null ? "unreadable " + ep.path + " response" : env.msg();
      long pause = 0;
      if (kind == KucoinErrors.Kind.RATE_LIMITED) {
        pause = resetNanos(response, "200002".equals(code));
      }
      return new VenueError(kind, status, code, msg, pause);
    }

    private void observeQuota(Response response) {
      long remaining = header(response, "gw-ratelimit-remaining");
      if (remaining >= 0) {
        limits.observe(
            ep,
            header(response, "gw-ratelimit-limit"),
            remaining,
            header(response, "gw-ratelimit-reset"));
      }
    }

    private void deliver(Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        errors.onError(venue, e);
      }
    }
  }

  /** A non-negative integer header, or -1 when absent or malformed (the local count stands). */
  private static long header(Response response, String name) {
    String v = response.header(name);
    if (v == null) {
      return -1;
    }
    try {
      return Math.max(0, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] bodyBytes(ResponseBody body) throws IOException {
    return body == null ? EMPTY : body.bytes();
  }

  /** {@code gw-ratelimit-reset} is the pool's reset countdown in milliseconds. */
  private static long resetNanos(Response response, boolean endpointLimit) {
    String reset = response.header("gw-ratelimit-reset");
    if (reset != null) {
      try {
        return Math.max(0, Long.parseLong(reset.trim())) * 1_000_000L;
      } catch (NumberFormatException ignored) {
        // fall through to the default
      }
    }
    return endpointLimit ? ENDPOINT_LIMIT_PAUSE_NANOS : DEFAULT_PAUSE_NANOS;
  }

  private void sideEffects(VenueError error) {
    switch (error.kind()) {
      case RATE_LIMITED -> {
        long until = clock.nanos() + error.retryAfterNanos();
        limits.pauseUntil(until);
        alerts.rateLimited(until, error.describe());
      }
      case AUTHENTICATION -> alerts.authenticationFailed(error.describe());
      case TIMESTAMP -> alerts.timestampRejected(error.describe());
      default -> {}
    }
  }
}
