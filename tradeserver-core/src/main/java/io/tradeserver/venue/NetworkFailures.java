package io.tradeserver.venue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Tells failures that prove a request never left from failures that leave its outcome unknown.
 * Order clients must also disable OkHttp's silent retry ({@code retryOnConnectionFailure(false)}),
 * or a POST can be sent twice; see {@link #orderClient(okhttp3.OkHttpClient)}.
 */
public final class NetworkFailures {
  private NetworkFailures() {}

  /**
   * True only when no connection was established, so the venue cannot have received the request.
   * Everything else (timeouts, resets, closed streams) is ambiguous for a non-idempotent request.
   */
  public static boolean definitelyNotSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException;
  }

  /** A client for order entry derived from the shared one: never re-sends a request by itself. */
  public static okhttp3.OkHttpClient orderClient(okhttp3.OkHttpClient shared) {
    return shared.newBuilder().retryOnConnectionFailure(false).build();
  }
}
