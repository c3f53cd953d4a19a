package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static io.tradeserver.kucoin.MockKucoin.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.CancelRejected;
import io.tradeserver.event.OrderNotFound;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.model.RejectCode;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KuCoin answers errors both as HTTP 200 with a non-200000 code and as HTTP 4xx/5xx. Definitive
 * refusals are rejections with the venue's code; anything else leaves the order unknown and it is
 * never sent again.
 */
class ErrorMappingTest extends KucoinTestBase {

  @ParameterizedTest(name = "http {0} code {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|400100|Order size increment invalid.|VENUE_FILTER_FAILURE|",
        "200|400100|Price increment invalid.|VENUE_FILTER_FAILURE|",
        "200|400100|account.available.amount|VENUE_INSUFFICIENT_BALANCE|",
        "200|200004|Balance insufficient|VENUE_INSUFFICIENT_BALANCE|",
        "200|200001|Order creation for this pair suspended|VENUE_REJECTED|",
        "400|400760|order price should be more than XX|VENUE_FILTER_FAILURE|",
        "401|400005|Invalid KC-API-SIGN.|AUTHENTICATION_FAILED|AUTHENTICATION_FAILED",
        "200|400004|Invalid KC-API-PASSPHRASE.|AUTHENTICATION_FAILED|AUTHENTICATION_FAILED",
        "400|400006|Invalid request IP|AUTHENTICATION_FAILED|AUTHENTICATION_FAILED",
        "400|400002|Invalid KC-API-TIMESTAMP.|AUTHENTICATION_FAILED|CLOCK_SKEW",
      })
  void definitiveRefusals(int http, String code, String msg, RejectCode expected, String alert) {
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r -> status(http, "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\"}"));
    client.submit(limitBuy("rej1", "100.0", "0.002"));
    OrderRejected r = events.await(OrderRejected.class);
    assertThat(r.code()).isEqualTo(expected);
    assertThat(r.venueCode()).isEqualTo(code);
    assertThat(r.detail()).contains(msg);
    if (alert == null) {
      assertThat(events.events(VenueAlert.class)).isEmpty();
    } else {
      assertThat(events.events(VenueAlert.class))
          .extracting(VenueAlert::kind)
          .containsExactly(AlertKind.valueOf(alert));
    }
    assertThat(events.events(SubmitUnknown.class)).isEmpty();
  }

  @Test
  void aTimestampRefusalRemeasuresTheServerClock() {
    venue.kit.clock.advance(java.time.Duration.ofSeconds(2)); // past the re-measure guard
    int before = venue.requests("GET", "/api/v1/timestamp").size();
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r -> status(400, "{\"code\":\"400002\",\"msg\":\"Invalid KC-API-TIMESTAMP.\"}"));
    client.submit(limitBuy("ts1", "100.0", "0.002"));
    events.await(OrderRejected.class);
    venue.await("GET", "/api/v1/timestamp", before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500 with 500000|500|{\"code\":\"500000\",\"msg\":\"Internal Server Error\"}",
        "503 without body|503|",
        "502 html|502|<html>bad gateway</html>",
        "200 without data|200|{\"code\":\"200000\"}",
        "200 unreadable|200|{\"code\":\"200000\",\"data\":{\"orderId",
      })
  void ambiguousAnswersAreUnknownNeverRetried(String name, int http, String body) {
    venue.once("POST", "/api/v1/hf/orders", r -> status(http, body == null ? "" : body));
    client.submit(limitBuy("amb1", "100.0", "0.002"));
    SubmitUnknown u = events.await(SubmitUnknown.class);
    assertThat(u.clientOrderId()).isEqualTo("amb1");
    assertThat(events.events(OrderRejected.class)).isEmpty();
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(1);
  }

  @Test
  void connectionLostAfterSendIsUnknownAndSentOnce() {
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r ->
            new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .body("{}")
                .build());
    client.submit(limitBuy("drop1", "100.0", "0.002"));
    SubmitUnknown u = events.await(SubmitUnknown.class);
    assertThat(u.cause()).isNotBlank();
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(1);
    assertThat(events.events(OrderRejected.class)).isEmpty();
  }

  @Test
  void queryOfAnUnknownClientOidIsOrderNotFound() {
    venue.once(
        "GET",
        "/api/v1/hf/orders/client-order/nope1",
        r -> json("{\"code\":\"400100\",\"msg\":\"order not exist.\"}"));
    venue.once(
        "GET",
        "/api/v1/hf/orders/client-order/nope2",
        r -> json("{\"code\":\"200000\",\"data\":null}"));
    venue.once(
        "GET",
        "/api/v1/hf/orders/client-order/err3",
        r -> json("{\"code\":\"400100\",\"msg\":\"Parameter Error\"}"));
    client.queryOrder(btc, "nope1");
    client.queryOrder(btc, "nope2");
    client.queryOrder(btc, "err3");
    events.await(OrderNotFound.class, n -> n.clientOrderId().equals("nope1"));
    events.await(OrderNotFound.class, n -> n.clientOrderId().equals("nope2"));
    RequestFailed f = events.await(RequestFailed.class, e -> "err3".equals(e.clientOrderId()));
    assertThat(f.request()).isEqualTo(RequestKind.QUERY_ORDER);
    assertThat(f.retryable()).isFalse();
    assertThat(events.events(OrderNotFound.class)).hasSize(2);
  }

  @Test
  void cancelOfAFinishedOrderIsRejectedAsUnknown() {
    venue.once(
        "DELETE",
        "/api/v1/hf/orders/sync/client-order/gone1",
        r -> json("{\"code\":\"400100\",\"msg\":\"order_not_exist_or_not_allow_to_cancel\"}"));
    venue.once("DELETE", "/api/v1/hf/orders/sync/client-order/busy2", r -> status(503, ""));
    client.cancel(btc, "gone1", null);
    client.cancel(btc, "busy2", null);
    CancelRejected c = events.await(CancelRejected.class);
    assertThat(c.code()).isEqualTo(RejectCode.UNKNOWN_ORDER);
    assertThat(c.venueCode()).isEqualTo("400100");
    RequestFailed f = events.await(RequestFailed.class, e -> "busy2".equals(e.clientOrderId()));
    assertThat(f.request()).isEqualTo(RequestKind.CANCEL);
    assertThat(f.retryable()).isTrue();
    assertThat(List.of(c.clientOrderId())).containsExactly("gone1");
  }
}
