package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Balances;
import io.tradeserver.event.Channel;
import io.tradeserver.event.FillReport;
import io.tradeserver.event.OrderAccepted;
import io.tradeserver.event.OrderCanceled;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private-stream order changes racing the REST acknowledgement, in both orders, and the other
 * stream mappings (cancel, balance, ignored frames).
 */
class OrderEventsTest extends KucoinTestBase {
  private static final String OID = "6720ecd9ec71f4000747731a";

  @BeforeEach
  void streamUp() {
    venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
  }

  private List<VenueEvent> orderEvents(String clientOrderId) {
    return events.events().stream()
        .filter(
            e ->
                (e instanceof OrderAccepted a && a.clientOrderId().equals(clientOrderId))
                    || (e instanceof FillReport f && f.fill().clientOrderId().equals(clientOrderId))
                    || (e instanceof OrderCanceled c && c.clientOrderId().equals(clientOrderId)))
        .toList();
  }

  private String stream(OrderRequest o, String type, String status) {
    return Frames.orderChange(o, OID, type, status, "", 1730211033335000000L);
  }

  @Test
  void restAckFirstThenStreamOpenAndMatch() {
    OrderRequest o = limitBuy("rest1st", "50000.0", "0.00002");
    venue.once("POST", "/api/v1/hf/orders", r -> json(Frames.ack(OID, "rest1st")));
    client.submit(o);
    events.await(OrderAccepted.class);
    venue.privateWs.push(stream(o, "received", "new"));
    venue.privateWs.push(stream(o, "open", "open"));
    venue.privateWs.push(
        Frames.match(
            o,
            OID,
            "11116472408358913",
            Price.parse("50000.0"),
            Quantity.parse("0.00001"),
            Quantity.parse("0.00001"),
            "maker",
            1730211033400000000L));
    FillReport fill = events.await(FillReport.class);

    List<VenueEvent> seq = orderEvents("rest1st");
    assertThat(seq)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "OrderAccepted", "FillReport");
    assertThat(seq.subList(0, 2))
        .extracting(e -> ((OrderAccepted) e).exchangeOrderId())
        .containsOnly(OID);
    assertThat(fill.fill())
        .isEqualTo(
            new Fill(
                btc.id(),
                "rest1st",
                OID,
                "11116472408358913",
                Side.BUY,
                Price.parse("50000.0"),
                Quantity.parse("0.00001"),
                // 0.1 % maker of 0.5 USDT: the account's rate (trade-fees.json) and the default
                // 10 bps alike, so it does not matter which one the fill met.
                Quantity.parse("0.0005"),
                "USDT",
                Liquidity.MAKER,
                1730211033400000000L));
    assertThat(fill.cumulativeQuantity()).isEqualTo(Quantity.parse("0.00001"));
  }

  @Test
  void streamOpenAndMatchBeforeTheRestAck() throws Exception {
    OrderRequest o = limitBuy("strm1st", "50000.0", "0.00002");
    CountDownLatch release = new CountDownLatch(1);
    venue.once(
        "POST",
        "/api/v1/hf/orders",
        r -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return json(Frames.ack(OID, "strm1st"));
        });
    client.submit(o);
    venue.await("POST", "/api/v1/hf/orders", 1);
    venue.privateWs.push(stream(o, "open", "open"));
    venue.privateWs.push(
        Frames.match(
            o,
            OID,
            "11116472408358914",
            Price.parse("50000.0"),
            Quantity.parse("0.00002"),
            Quantity.parse("0.00002"),
            "maker",
            1730211033400000000L));
    events.await(FillReport.class);
    venue.privateWs.push(stream(o, "filled", "done"));
    assertThat(orderEvents("strm1st"))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport");
    release.countDown();
    events.await(
        OrderAccepted.class, a -> a.timeNanos() >= 0 && orderEvents("strm1st").size() == 3);

    assertThat(orderEvents("strm1st"))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderAccepted", "FillReport", "OrderAccepted");
    assertThat(events.events(OrderAccepted.class))
        .extracting(OrderAccepted::exchangeOrderId)
        .containsOnly(OID);
  }

  @Test
  void canceledAndDoneUpdatesAreCancels() {
    OrderRequest o = limitBuy("cxl1", "50000.0", "0.00002");
    venue.privateWs.push(stream(o, "canceled", "done"));
    venue.privateWs.push(stream(o, "update", "open"));
    venue.privateWs.push(stream(o, "update", "done"));
    events.await(OrderCanceled.class, c -> orderEvents("cxl1").size() == 2);
    assertThat(orderEvents("cxl1"))
        .containsExactly(
            new OrderCanceled(
                "kucoin", btc.id(), "cxl1", OID, orderEvents("cxl1").get(0).timeNanos()),
            new OrderCanceled(
                "kucoin", btc.id(), "cxl1", OID, orderEvents("cxl1").get(1).timeNanos()));
  }

  @Test
  void tradeAccountBalanceChangesArePartialBalances() {
    String trade = MockKucoin.fixture("ws-account-balance.json");
    venue.privateWs.push(
        trade
            .replace("\"currency\": \"USDT\"", "\"currency\": \"BTC\"")
            .replace("trade.hold", "main.deposit"));
    venue.privateWs.push(trade);
    Balances b = events.await(Balances.class, x -> !x.complete());
    assertThat(b.balances())
        .containsExactly(
            new Balance("USDT", Quantity.parse("20.132773386762"), Quantity.parse("1.001")));
    assertThat(events.events(Balances.class)).filteredOn(x -> !x.complete()).hasSize(1);
  }
}
