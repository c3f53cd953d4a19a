package io.tradeserver.kraken.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Raw Kraken REST transport. Public calls are plain GETs. Private calls are signed POSTs that go
 * through one queue per key: the nonce is taken and the body signed only when a call leaves the
 * queue, and at most {@code maxInFlight} signed calls are outstanding. With the default of one,
 * calls reach Kraken in nonce order, so {@code EAPI:Invalid nonce} from overtaking requests cannot
 * happen; a higher value needs a nonce window on the key. Thread-safe; handlers run on OkHttp
 * threads.
 */
final class KrakenRest implements AutoCloseable {
  private static final String USER_AGENT = SignedPost.USER_AGENT;

  private final String baseUrl;

  /**
   * Endpoint URLs, each parsed once from {@code baseUrl + path} on first use instead of on every
   * request: public ones by method, private ones by path. The method names are constants, so both
   * stay small.
   */
  private final Map<String, HttpUrl> publicUrls = new ConcurrentHashMap<>();

  private final Map<String, HttpUrl> privateUrls = new ConcurrentHashMap<>();

  /** Private method name to its URI path, as text and as the bytes signed; built once each. */
  private final Map<String, Pending.Path> privatePaths = new ConcurrentHashMap<>();

  private final OkHttpClient publicHttp;
  private final OkHttpClient privateHttp;
  private final Signer signer;
  private final NonceSource nonces;
  private final int maxInFlight;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Object sendLock = new Object();
  private final SignedPost post;
  private int inFlight;
  private boolean closed;

  KrakenRest(
      String baseUrl,
      OkHttpClient publicHttp,
      OkHttpClient privateHttp,
      Signer signer,
      NonceSource nonces,
      int maxInFlight) {
    this.baseUrl = baseUrl;
    this.publicHttp = publicHttp;
    this.privateHttp = privateHttp;
    this.signer = signer;
    this.nonces = nonces;
    this.maxInFlight = maxInFlight;
    this.post = signer == null ? null : new SignedPost(signer);
  }

  /** GET {@code /0/public/<method>?<query>}; {@code query} is already encoded, or empty. */
  void publicGet(String method, String query, RestHandler handler) {
    Request r =
        new Request.Builder()
            .url(publicUrl(method, query))
            .header("User-Agent", USER_AGENT)
            .get()
            .build();
    publicHttp.newCall(r).enqueue(new Delivery(handler, false));
  }

  /** {@code <baseUrl>/0/public/<method>[?<query>]}; {@code query} is already encoded, or empty. */
  HttpUrl publicUrl(String method, String query) {
    HttpUrl endpoint = publicUrls.computeIfAbsent(method, m -> parse(baseUrl + "/0/public/" + m));
    return query.isEmpty() ? endpoint : endpoint.newBuilder().encodedQuery(query).build();
  }

  /** {@code <baseUrl><path>} for a private path ({@code /0/private/AddOrder}). */
  HttpUrl privateUrl(String path) {
    return privateUrls.computeIfAbsent(path, p -> parse(baseUrl + p));
  }

  /**
   * Parses exactly as {@code Request.Builder.url(String)} did per request before the URLs were
   * cached (including its ws/wss to http/https mapping), so requests go to the same URLs and an
   * invalid base URL still fails on the request that uses it.
   */
  private static HttpUrl parse(String url) {
    return new Request.Builder().url(url).build().url();
  }

  /**
   * Queues a signed POST to {@code /0/private/<method>}. {@code params} appends {@code &key=value}
   * pairs (see {@link Form}) after the nonce when the call is sent.
   */
  void privatePost(String method, Consumer<StringBuilder> params, RestHandler handler) {
    if (signer == null) {
      throw new IllegalStateException("no credentials configured for private " + method);
    }
    synchronized (queue) {
      if (closed) {
        handler.onFailure(new IOException("client closed"));
        return;
      }
      Pending.Path path = privatePaths.get(method);
      if (path == null) {
        path = privatePaths.computeIfAbsent(method, Pending.Path::of);
      }
      queue.add(new Pending(path, params, handler));
    }
    pump();
  }

  /** Number of private calls waiting for a slot (not yet signed). */
  int queued() {
    synchronized (queue) {
      return queue.size();
    }
  }

  private void pump() {
    while (true) {
      Pending p;
      synchronized (queue) {
        if (closed || inFlight >= maxInFlight || queue.isEmpty()) {
          return;
        }
        p = queue.poll();
        inFlight++;
      }
      send(p);
    }
  }

  private void send(Pending p) {
    try {
      sign(p);
    } catch (RuntimeException e) {
      // Nothing left this process: report it as a failure that provably was not sent.
      released();
      java.net.ConnectException notSent = new java.net.ConnectException("not sent: " + e);
      notSent.initCause(e);
      p.handler.onFailure(notSent);
    }
  }

  private void sign(Pending p) {
    Request request;
    synchronized (sendLock) {
      long nonce = nonces.next();
      request = post.build(privateUrl(p.path.text()), p.path.bytes(), nonce, p.params);
      // Enqueued under the lock so calls are handed to OkHttp in nonce order.
      privateHttp.newCall(request).enqueue(new Delivery(p.handler, true));
    }
  }

  private void released() {
    synchronized (queue) {
      inFlight--;
    }
    pump();
  }

  @Override
  public void close() {
    ArrayDeque<Pending> dropped;
    synchronized (queue) {
      closed = true;
      dropped = new ArrayDeque<>(queue);
      queue.clear();
    }
    for (Pending p : dropped) {
      p.handler.onFailure(new java.net.ConnectException("client closed before sending"));
    }
  }

  private record Pending(Path path, Consumer<StringBuilder> params, RestHandler handler) {
    /** {@code /0/private/<method>} as text and as the bytes signed. */
    record Path(String text, byte[] bytes) {
      static Path of(String method) {
        String text = "/0/private/" + method;
        return new Path(text, text.getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  /** Reads the whole body, frees the private slot, then hands the answer over. */
  private final class Delivery implements Callback {
    private final RestHandler handler;
    private final boolean signed;

    Delivery(RestHandler handler, boolean signed) {
      this.handler = handler;
      this.signed = signed;
    }

    @Override
    public void onResponse(Call call, Response response) {
      byte[] bytes;
      int status = response.code();
      try (ResponseBody b = response.body()) {
        bytes = b.bytes();
      } catch (IOException e) {
        onFailure(call, e);
        return;
      }
      if (signed) {
        released();
      }
      handler.onResponse(status, bytes);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (signed) {
        released();
      }
      handler.onFailure(e);
    }
  }
}
