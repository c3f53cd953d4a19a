package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.AlertKind;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.RequestFailed;
import io.tradeserver.event.RequestKind;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.model.RejectCode;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Resource-pool limits: the local Bucket4j pools refuse before sending, are corrected from {@code
 * gw-ratelimit-remaining}, and a 429 pauses everything until {@code gw-ratelimit-reset}.
 */
class RateLimitTest extends KucoinTestBase {

  @Override
  protected Map<String, String> options() {
    return Map.of("vipLevel", "5");
  }

  @Test
  void vipLevelSizesThePools() {
    assertThat(client.limits().limit(Endpoint.Pool.SPOT).capacity()).isEqualTo(16_000);
    assertThat(client.limits().limit(Endpoint.Pool.MANAGEMENT).capacity()).isEqualTo(7_000);
    assertThat(client.limits().limit(Endpoint.Pool.PUBLIC).capacity()).isEqualTo(2_000);
    assertThat(client.rateLimitHeadroom()) // what metrics show
        .extracting(io.tradeserver.venue.RateLimiter.Headroom::capacity)
        .contains(16_000L, 7_000L, 2_000L);
  }

  @Test
  void remainingHeaderCorrectsTheLocalPool() {
    // Start-up reconciliation also spends Spot-pool weight: let it finish so the header is the
    // last word on the pool (under load it could land after the order's correction).
    // (unscripted here, so both reconciliations - at start and on connect - end as RequestFailed).
    io.tradeserver.testing.Await.until(
        () ->
            events.events(io.tradeserver.event.RequestFailed.class).stream()
                    .filter(f -> f.request() == io.tradeserver.event.RequestKind.OPEN_ORDERS)
                    .count()
                >= 2,
        "start-up open-order requests finished");
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r ->
            new MockResponse.Builder()
                .code(200)
                .addHeader("gw-ratelimit-limit", "16000")
                .addHeader("gw-ratelimit-remaining", "7")
                .addHeader("gw-ratelimit-reset", "12000")
                .body(Frames.ack("67000000000000000000000a", "rl1"))
                .build());
    client.submit(limitBuy("rl1", "100.0", "0.002"));
    events.await(OrderAccepted.class);
    assertThat(client.limits().limit(Endpoint.Pool.SPOT).available()).isEqualTo(7);
  }

  @Test
  void a429PausesUntilResetThenRequestsFlowAgain() {
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r ->
            new MockResponse.Builder()
                .code(429)
                .addHeader("gw-ratelimit-limit", "16000")
                .addHeader("gw-ratelimit-remaining", "0")
                .addHeader("gw-ratelimit-reset", "5000")
                .body("{\"code\":\"429000\",\"msg\":\"Too Many Requests\"}")
                .build());
    long t0 = venue.kit.clock.nanos();
    client.submit(limitBuy("rl2", "100.0", "0.002"));
    OrderRejected first = events.await(OrderRejected.class);
    assertThat(first.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(first.venueCode()).isEqualTo("429000");
    VenueAlert alert = events.await(VenueAlert.class);
    assertThat(alert.kind()).isEqualTo(AlertKind.RATE_LIMITED);
    assertThat(alert.untilNanos()).isEqualTo(t0 + Duration.ofSeconds(5).toNanos());

    client.submit(limitBuy("rl3", "100.0", "0.002"));
    OrderRejected local = events.await(OrderRejected.class, r -> r.clientOrderId().equals("rl3"));
    assertThat(local.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(local.venueCode()).isNull();
    client.requestBalances();
    RequestFailed balances =
        events.await(
            RequestFailed.class,
            f -> f.request() == RequestKind.BALANCES && f.detail().contains("local rate limit"));
    assertThat(balances.retryable()).isTrue();
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(1);

    venue.kit.clock.advance(Duration.ofSeconds(5));
    venue.once(
        "POST", "/api/v1/hf/orders", r -> json(Frames.ack("67000000000000000000000b", "rl4")));
    client.submit(limitBuy("rl4", "100.0", "0.002"));
    events.await(OrderAccepted.class, a -> a.clientOrderId().equals("rl4"));
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(2);
  }

  @Test
  void anEmptyLocalPoolRefusesBeforeSending() {
    RateLimiterAccess.drain(client.limits(), Endpoint.Pool.SPOT);
    client.submit(limitBuy("rl5", "100.0", "0.002"));
    OrderRejected r = events.await(OrderRejected.class);
    assertThat(r.code()).isEqualTo(RejectCode.RATE_LIMITED);
    assertThat(r.venueCode()).isNull();
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).isEmpty();
  }

  /** Empties a pool through the public correction API (as a venue header would). */
  static final class RateLimiterAccess {
    static void drain(KucoinRateLimits limits, Endpoint.Pool pool) {
      Endpoint any = pool == Endpoint.Pool.SPOT ? Endpoint.ADD_ORDER : Endpoint.SYMBOLS;
      limits.observeRemaining(any, 0);
    }
  }
}
