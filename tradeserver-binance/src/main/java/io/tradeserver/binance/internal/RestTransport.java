package io.tradeserver.binance.internal;

import io.tradeserver.venue.NetworkFailures;
import io.tradeserver.venue.RateLimiter;
import io.tradeserver.venue.ServerTime;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw Binance REST client: builds signed requests (percent-encoded payload, {@code recvWindow},
 * server-corrected {@code timestamp}, signature over the exact bytes sent, {@code X-MBX-APIKEY}),
 * takes the endpoint's cost from the rate limiter before sending, reads the venue's counters back
 * from the headers, pauses on 429/418, and re-sends a request refused with -1021 exactly once after
 * re-measuring the clock (the venue rejected it, so it never took effect). Nothing else is ever
 * re-sent. Callbacks run on OkHttp threads.
 */
final class RestTransport {
  private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final String baseUrl;
  private final OkHttpClient http;
  private final OkHttpClient orderHttp;
  private final VenueLimits limits;
  private final ServerTime serverTime;
  private final Signer signer;
  private final Headers authHeaders;
  private final int recvWindow;
  private final Emitter emitter;
  private final Throttle throttle;
  private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();
  private volatile Consumer<Runnable> clockResync = Runnable::run;

  /** Outcome callbacks; exactly one is called per {@link #send}. */
  interface Handler {
    void onSuccess(byte[] body);

    /** The venue answered with an error (after the one -1021 retry, if any). */
    void onError(VenueError error, BinanceErrors.Outcome outcome);

    /** No answer. {@code notSent}: no connection was made, so the venue cannot have it. */
    void onNetworkFailure(IOException e, boolean notSent);

    /** Refused by the local limiter (or a 418/429 pause) before sending. */
    void onThrottled(long waitNanos);
  }

  /**
   * One endpoint call. Parameters are written by {@code params} on every attempt, so a -1021 retry
   * carries a fresh timestamp and signature.
   */
  record Spec(
      String method,
      String path,
      int weight,
      boolean order,
      boolean signed,
      boolean trade,
      Consumer<Params> params) {

    static Spec get(String path, int weight, boolean signed, Consumer<Params> params) {
      return new Spec("GET", path, weight, false, signed, false, params);
    }

    /** A signed state-changing call (cancel, cancel-all): no transparent retries. */
    static Spec trade(String method, String path, int weight, Consumer<Params> params) {
      return new Spec(method, path, weight, false, true, true, params);
    }

    /** {@code POST /api/v3/order}: counts against the ORDERS limits too. */
    static Spec newOrder(Consumer<Params> params) {
      return new Spec("POST", "/api/v3/order", 1, true, true, true, params);
    }
  }

  RestTransport(
      String baseUrl,
      OkHttpClient http,
      OkHttpClient orderHttp,
      VenueLimits limits,
      ServerTime serverTime,
      Signer signer,
      String apiKey,
      int recvWindow,
      Emitter emitter) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.orderHttp = orderHttp;
    this.limits = limits;
    this.serverTime = serverTime;
    this.signer = signer;
    this.authHeaders = apiKey == null ? Headers.of() : Headers.of("X-MBX-APIKEY", apiKey);
    this.recvWindow = recvWindow;
    this.emitter = emitter;
    this.throttle = new Throttle(limits, emitter);
  }

  /** Sets how a -1021 re-measures the clock before the single retry. */
  void clockResync(Consumer<Runnable> resync) {
    this.clockResync = resync;
  }

  boolean canSign() {
    return signer != null;
  }

  void send(Spec spec, Handler handler) {
    attempt(spec, handler, 0);
  }

  private void attempt(Spec spec, Handler handler, int attempt) {
    RateLimiter.Cost cost = spec.order ? limits.order() : limits.weight(spec.weight);
    long wait = limits.tryAcquire(cost);
    if (wait > 0) {
      handler.onThrottled(wait);
      return;
    }
    Request request;
    try {
      request = build(spec);
    } catch (RuntimeException e) {
      emitter.bug(e);
      handler.onNetworkFailure(new IOException("request not built: " + e, e), true);
      return;
    }
    OkHttpClient client = spec.trade ? orderHttp : http;
    client.newCall(request).enqueue(new ResponseCallback(spec, handler, attempt));
  }

  private Request build(Spec spec) {
    Request.Builder b = new Request.Builder().headers(authHeaders);
    if ("POST".equals(spec.method)) {
      HttpUrl url = urls.get(spec.path);
      b.url(url != null ? url : urls.computeIfAbsent(spec.path, p -> HttpUrl.get(baseUrl + p)));
      b.post(new SignedForm(spec));
      return b.build();
    }
    Params p = fill(spec);
    String url = p.isEmpty() ? baseUrl + spec.path : baseUrl + spec.path + '?' + p;
    b.url(url);
    if ("DELETE".equals(spec.method)) {
      b.delete(EMPTY);
    }
    return b.build();
  }

  /** Writes the parameters, then recvWindow, timestamp and signature for signed calls. */
  private Params fill(Spec spec) {
    Params p = Params.local();
    if (spec.params != null) {
      spec.params.accept(p);
    }
    if (spec.signed) {
      if (signer == null) {
        throw new IllegalStateException("signed endpoint " + spec.path + " needs credentials");
      }
      p.add("recvWindow", recvWindow).add("timestamp", serverTime.millis()).sign(signer);
    }
    return p;
  }

  private void onAnswer(Spec spec, Handler handler, int attempt, Response response)
      throws IOException {
    limits.observe(response.headers());
    byte[] body = response.body().bytes();
    int status = response.code();
    if (status >= 200 && status < 300) {
      handler.onSuccess(body);
      return;
    }
    VenueError error = RestParse.error(status, body, retryAfterMillis(response));
    BinanceErrors.Outcome outcome = BinanceErrors.outcome(error);
    throttle.onError(error, outcome);
    if (outcome == BinanceErrors.Outcome.BAD_TIMESTAMP && spec.signed && attempt == 0) {
      log.info(
          "{} {} refused with -1021; re-measuring time, retrying once", emitter.venue(), spec.path);
      clockResync.accept(() -> attempt(spec, handler, 1));
      return;
    }
    handler.onError(error, outcome);
  }

  private static long retryAfterMillis(Response response) {
    String v = response.header("Retry-After");
    if (v == null) {
      return 0;
    }
    try {
      return Long.parseLong(v.trim()) * 1000L;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private final class ResponseCallback implements Callback {
    private final Spec spec;
    private final Handler handler;
    private final int attempt;

    ResponseCallback(Spec spec, Handler handler, int attempt) {
      this.spec = spec;
      this.handler = handler;
      this.attempt = attempt;
    }

    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        onAnswer(spec, handler, attempt, response);
      } catch (IOException e) {
        // The venue answered but the body was lost: the outcome is unknown.
        handler.onNetworkFailure(e, false);
      } catch (RuntimeException e) {
        emitter.bug(e);
        handler.onNetworkFailure(new IOException("response handling failed: " + e, e), false);
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      handler.onNetworkFailure(e, NetworkFailures.definitelyNotSent(e));
    }
  }

  /**
   * A form body signed when OkHttp first asks for it, on the thread that sends it: the timestamp is
   * taken as late as possible and the engine thread never pays for signing.
   */
  private final class SignedForm extends RequestBody {
    private final Spec spec;
    private byte[] bytes;

    SignedForm(Spec spec) {
      this.spec = spec;
    }

    private byte[] bytes() {
      if (bytes == null) {
        bytes = fill(spec).toBytes();
      }
      return bytes;
    }

    @Override
    public MediaType contentType() {
      return FORM;
    }

    @Override
    public long contentLength() {
      return bytes().length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes());
    }
  }
}
