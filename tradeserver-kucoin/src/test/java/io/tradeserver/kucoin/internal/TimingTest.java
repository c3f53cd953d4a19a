package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderRejected;
import io.tradeserver.event.SubmitUnknown;
import io.tradeserver.kucoin.Frames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Request timeouts and the periodic server-time re-measurement. */
class TimingTest extends KucoinTestBase {

  @Override
  protected Duration requestTimeout() {
    return Duration.ofMillis(300);
  }

  @Test
  void anOrderNotAnsweredInTimeIsUnknownAndNotResent() {
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r ->
            new MockResponse.Builder()
                .headersDelay(1, TimeUnit.SECONDS)
                .body(Frames.ack("67000000000000000000000c", "late1"))
                .build());
    client.submit(limitBuy("late1", "100.0", "0.002"));
    SubmitUnknown u = events.await(SubmitUnknown.class);
    assertThat(u.cause()).contains("timeout");
    assertThat(events.events(OrderRejected.class)).isEmpty();
    assertThat(events.events(OrderAccepted.class)).isEmpty();
    assertThat(venue.requests("POST", "/api/v1/hf/orders")).hasSize(1);
  }

  @Test
  void theServerClockIsReMeasuredEveryIntervalAndUsedForSigning() {
    int before = venue.requests("GET", "/api/v1/timestamp").size();
    venue.serverTimeOffsetMillis = 2500;
    venue.kit.scheduler.advance(Duration.ofMinutes(5));
    venue.await("GET", "/api/v1/timestamp", before + 1);
    io.tradeserver.testing.Await.until(
        () -> client.serverOffsetMillis() == 2500, "offset re-measured");
    venue.once(
        "POST", "/api/v1/hf/orders", r -> json(Frames.ack("67000000000000000000000d", "ts2")));
    client.submit(limitBuy("ts2", "100.0", "0.002"));
    events.await(OrderAccepted.class);
    assertThat(venue.await("POST", "/api/v1/hf/orders", 1).getHeaders().get("KC-API-TIMESTAMP"))
        .isEqualTo(Long.toString(venue.kit.clock.millis() + 2500));
  }
}
