package io.tradeserver.kucoin.internal;

import static io.tradeserver.kucoin.MockKucoin.fixture;
import static io.tradeserver.kucoin.MockKucoin.json;
import static io.tradeserver.kucoin.MockKucoin.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.Channel;
import io.tradeserver.event.FillReport;
import io.tradeserver.kucoin.Frames;
import io.tradeserver.kucoin.KucoinConfig;
import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.OrderRequest;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.testing.Await;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Fees of private-stream fills, which KuCoin's stream does not carry: estimated from the account's
 * rates ({@code GET /api/v1/trade-fees}), from the configured bps until those are known, fetched in
 * batches of 10, retried after a failure and refreshed on the test clock.
 */
class TradeFeesTest {
  private static final String OID = "6720ecd9ec71f4000747731a";
  private static final String FEES = "/api/v1/trade-fees";

  /** The account's BTC-USDT rates: 25 bps taker, a 2 bps maker rebate. */
  private static final String RATES = Frames.tradeFees("BTC-USDT", "0.0025", "-0.0002");

  /** 50000.1 × 0.00012345 × 0.0025 = 0.0154312808625, rounded HALF_UP to 12 decimals. */
  private static final String TAKER_FEE = "0.015431280863";

  /** The same taker fill at the configured 20 bps. */
  private static final String CONFIGURED_TAKER_FEE = "0.01234502469";

  /**
   * A started client configured with 20 bps taker and a 1 bps maker rebate (used until the
   * account's rates are known); pushes matches and returns their fills.
   */
  abstract static class StreamFills extends KucoinTestBase {
    private int trades;

    @Override
    protected VenueConfig.Builder venueConfig(VenueConfig.Builder b) {
      return b.takerFeeBps(new BigDecimal("20")).makerFeeBps(new BigDecimal("-1"));
    }

    OrderRequest taker() {
      return limitBuy("tk1", "50000.1", "0.00012345");
    }

    OrderRequest maker() {
      return limitBuy("mk1", "50000.0", "0.00002");
    }

    /** Pushes a {@code match} of the whole order and returns the fill it produced. */
    Fill match(OrderRequest o, String liquidity) {
      venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
      String tradeId = "1111647240835891" + (++trades);
      venue.privateWs.push(
          Frames.match(
              o,
              OID,
              tradeId,
              o.price(),
              o.quantity(),
              o.quantity(),
              liquidity,
              1730211033400000000L));
      return events.await(FillReport.class, f -> f.fill().tradeId().equals(tradeId)).fill();
    }

    /** The fill of trade number {@code tradeNo}: the whole order, with {@code fee} in USDT. */
    Fill expected(OrderRequest o, String tradeNo, String fee, Liquidity liquidity) {
      return new Fill(
          btc.id(),
          o.clientOrderId(),
          OID,
          "1111647240835891" + tradeNo,
          Side.BUY,
          o.price(),
          o.quantity(),
          Quantity.parse(fee),
          "USDT",
          liquidity,
          1730211033400000000L);
    }

    void awaitRates(String maker) {
      Await.until(
          () -> {
            TradeFees.Rates r = client.feeRates("BTC-USDT");
            return r != null && r.maker().compareTo(new BigDecimal(maker)) == 0;
          },
          "BTC-USDT maker rate " + maker);
    }
  }

  @Nested
  class RatesLoaded extends StreamFills {
    @Override
    protected void beforeStart() {
      venue.always("GET", FEES, r -> json(RATES));
    }

    @Test
    void makerAndTakerMatchesCarryTheFeeOfTheAccountsRatesInTheQuoteCurrency() {
      awaitRates("-0.0002");
      // A rebate is a negative fee.
      assertThat(match(maker(), "maker"))
          .isEqualTo(expected(maker(), "1", "-0.0002", Liquidity.MAKER));
      assertThat(match(taker(), "taker"))
          .isEqualTo(expected(taker(), "2", TAKER_FEE, Liquidity.TAKER));
    }
  }

  @Nested
  class BeforeRatesLoad extends StreamFills {
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected void beforeStart() {
      venue.once(
          "GET",
          FEES,
          r -> {
            try {
              release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return json(RATES);
          });
    }

    @Test
    void fillsUseTheConfiguredBpsUntilTheAccountsRatesArrive() {
      venue.await("GET", FEES, 1);
      assertThat(match(taker(), "taker"))
          .isEqualTo(expected(taker(), "1", CONFIGURED_TAKER_FEE, Liquidity.TAKER));
      assertThat(match(maker(), "maker"))
          .isEqualTo(expected(maker(), "2", "-0.0001", Liquidity.MAKER));

      release.countDown();
      awaitRates("-0.0002");
      assertThat(match(taker(), "taker"))
          .isEqualTo(expected(taker(), "3", TAKER_FEE, Liquidity.TAKER));
    }
  }

  @Nested
  class FailedFetch extends StreamFills {
    @Override
    protected void beforeStart() {
      venue.once(
          "GET", FEES, r -> status(500, "{\"code\":\"500000\",\"msg\":\"Internal Server Error\"}"));
      venue.once("GET", FEES, r -> json("{\"code\":\"400100\",\"msg\":\"Parameter Error\"}"));
      venue.once("GET", FEES, r -> json(RATES));
    }

    @Test
    void aFailedFetchLeavesFillsOnTheConfiguredBpsAndIsRetried() {
      venue.await("GET", FEES, 1);
      assertThat(match(taker(), "taker"))
          .isEqualTo(expected(taker(), "1", CONFIGURED_TAKER_FEE, Liquidity.TAKER));

      advanceUntil(() -> venue.requests("GET", FEES).size() == 2, "first retry after HTTP 500");
      advanceUntil(() -> venue.requests("GET", FEES).size() == 3, "second retry after 400100");
      awaitRates("-0.0002");
      assertThat(match(taker(), "taker"))
          .isEqualTo(expected(taker(), "2", TAKER_FEE, Liquidity.TAKER));
      assertThat(venue.requests("GET", FEES))
          .extracting(RecordedRequest::getTarget)
          .containsOnly(FEES + "?symbols=BTC-USDT");
    }
  }

  @Nested
  class Refresh extends StreamFills {
    @Override
    protected Map<String, String> options() {
      // A silent stream is not replaced while the test clock jumps past the refresh interval.
      return Map.of("feeRefreshIntervalSeconds", "120", "wsIdleTimeoutSeconds", "600");
    }

    @Override
    protected void beforeStart() {
      venue.once("GET", FEES, r -> json(RATES));
      venue.once("GET", FEES, r -> json(Frames.tradeFees("BTC-USDT", "0.0025", "0.0004")));
    }

    @Test
    void ratesAreFetchedAgainEveryRefreshIntervalOfTheClock() {
      awaitRates("-0.0002");
      venue.awaitStreamUp(Channel.PRIVATE_STREAM, 1);
      venue.kit.scheduler.advance(Duration.ofSeconds(119));
      assertThat(venue.requests("GET", FEES)).hasSize(1);

      venue.kit.scheduler.advance(Duration.ofSeconds(1));
      venue.await("GET", FEES, 2);
      awaitRates("0.0004");
      assertThat(match(maker(), "maker"))
          .isEqualTo(expected(maker(), "1", "0.0004", Liquidity.MAKER));
    }
  }

  @Nested
  class Batches extends KucoinTestBase {
    private static final List<String> BASES =
        List.of(
            "XRP", "SOL", "LTC", "LINK", "ETH", "DOT", "DOGE", "BTC", "AVAX", "ATOM", "ADA",
            "AAVE");

    @Override
    protected void beforeStart() {
      String list = fixture("symbols.json");
      String one = list.substring(list.indexOf('{', list.indexOf('[')), list.lastIndexOf(']'));
      String all =
          BASES.stream().map(b -> one.trim().replace("BTC", b)).collect(Collectors.joining(","));
      venue.always(
          "GET", "/api/v2/symbols", r -> json("{\"code\":\"200000\",\"data\":[" + all + "]}"));
    }

    @Override
    protected VenueConfig.Builder venueConfig(VenueConfig.Builder b) {
      // Every loaded symbol but XRP, and one KuCoin does not list.
      return b.symbols(
          Stream.concat(BASES.stream().filter(x -> !x.equals("XRP")), Stream.of("TRX"))
              .map(x -> x + "-USDT")
              .toList());
    }

    @Test
    void theConfiguredLoadedSymbolsAreAskedTenPerSignedRequest() {
      RecordedRequest second = venue.await("GET", FEES, 2);
      RecordedRequest first = venue.requests("GET", FEES).get(0);
      assertThat(first.getTarget())
          .isEqualTo(
              FEES
                  + "?symbols=AAVE-USDT,ADA-USDT,ATOM-USDT,AVAX-USDT,BTC-USDT,DOGE-USDT,DOT-USDT,"
                  + "ETH-USDT,LINK-USDT,LTC-USDT");
      assertThat(second.getTarget()).isEqualTo(FEES + "?symbols=SOL-USDT");
      for (RecordedRequest r : List.of(first, second)) {
        assertThat(r.getHeaders().get("KC-API-SIGN")).isEqualTo(MockKucoin.expectedSignature(r));
      }
      Await.until(() -> client.feeRates("ETH-USDT") != null, "rates of the first batch stored");
    }
  }

  @Test
  void withoutRatesOrConfiguredBpsAStreamFillHasNoFee() {
    TradeFees fees =
        new TradeFees(
            KucoinConfig.builder("kucoin").build(), null, new Instruments("kucoin"), null);
    assertThat(
            fees.fee("BTC-USDT", Price.parse("50000.0"), Quantity.parse("0.001"), Liquidity.TAKER))
        .isEqualTo(Quantity.zero(0));
  }

  @Test
  void aFeeTooLargeForTwelveDecimalsKeepsFewer() {
    assertThat(
            TradeFees.fee(
                Price.parse("1000000000.5"), Quantity.parse("1000000"), new BigDecimal("0.001")))
        .isEqualTo(Quantity.parse("1000000000500"));
  }
}
