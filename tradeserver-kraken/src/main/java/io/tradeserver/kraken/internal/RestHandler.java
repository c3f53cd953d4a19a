package io.tradeserver.kraken.internal;

import java.io.IOException;

/** Receives one REST answer, on an OkHttp thread. Exactly one method is called per request. */
interface RestHandler {
  /** Any HTTP answer; Kraken puts most errors in the body with status 200. */
  void onResponse(int status, byte[] body);

  /** No HTTP answer: connect failure, timeout, reset. */
  void onFailure(IOException e);
}
