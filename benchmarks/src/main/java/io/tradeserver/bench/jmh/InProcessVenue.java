package io.tradeserver.bench.jmh;

import io.tradeserver.bench.mock.MockRequest;
import io.tradeserver.bench.mock.MockResponse;
import io.tradeserver.bench.mock.MockServer;
import io.tradeserver.bench.mock.WsSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * An OkHttp interceptor that answers REST calls from a mock venue personality without any socket
 * (WebSocket upgrades pass through): the request an adapter hands to OkHttp (already signed, body
 * complete) is turned into bytes and answered in-process. It records when each new-order request
 * arrived, which is the end of the in-process part of "signal to exchange".
 *
 * <p>It is also a {@link MockServer.Handler} for the loopback mock that carries the WebSocket
 * streams: it passes everything to the venue and counts the WebSocket API's {@code order.place}
 * frames as new orders (received over loopback, so the socket hop is included for them).
 */
final class InProcessVenue implements Interceptor, MockServer.Handler {
  private final MockServer.Handler venue;
  private final String orderPath;
  private final AtomicLong orders = new AtomicLong();
  private volatile long lastOrderNanos;
  private volatile long lastOrderBytes;

  InProcessVenue(MockServer.Handler venue, String orderPath) {
    this.venue = venue;
    this.orderPath = orderPath;
  }

  long orders() {
    return orders.get();
  }

  long lastOrderNanos() {
    return lastOrderNanos;
  }

  long lastOrderBytes() {
    return lastOrderBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request r = chain.request();
    if ("websocket".equalsIgnoreCase(r.header("Upgrade"))) {
      return chain.proceed(r); // streams use the real loopback mock
    }
    byte[] body = new byte[0];
    if (r.body() != null) {
      Buffer b = new Buffer();
      r.body().writeTo(b);
      body = b.readByteArray();
    }
    String path = r.url().encodedPath();
    if (path.equals(orderPath)) {
      lastOrderNanos = System.nanoTime(); // the body is written: signed bytes complete
      lastOrderBytes = body.length + r.headers().byteCount();
      orders.incrementAndGet();
    }
    List<String[]> headers = new ArrayList<>();
    for (int i = 0; i < r.headers().size(); i++) {
      headers.add(new String[] {r.headers().name(i), r.headers().value(i)});
    }
    String query = r.url().encodedQuery();
    MockResponse w = new MockResponse();
    venue.http(
        MockRequest.of(r.method(), query == null ? path : path + "?" + query, headers, body), w);
    Response.Builder out =
        new Response.Builder()
            .request(r)
            .protocol(Protocol.HTTP_1_1)
            .code(w.status())
            .message(w.reason());
    for (String[] h : w.headers()) {
      out.addHeader(h[0], h[1]);
    }
    String type = w.header("Content-Type");
    return out.body(
            ResponseBody.create(w.body(), MediaType.get(type == null ? "application/json" : type)))
        .build();
  }

  @Override
  public void http(MockRequest request, MockResponse response) {
    venue.http(request, response);
  }

  @Override
  public void wsOpen(WsSession session, String path) {
    venue.wsOpen(session, path);
  }

  @Override
  public void wsText(WsSession session, String text) {
    if (text.contains("\"method\":\"order.place\"")) {
      lastOrderNanos = System.nanoTime();
      lastOrderBytes = text.length();
      orders.incrementAndGet();
    }
    venue.wsText(session, text);
  }

  @Override
  public void wsClosed(WsSession session) {
    venue.wsClosed(session);
  }
}
