package io.tradeserver.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.Balance;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected figure below is worked out by hand in the comments. */
class PositionTrackerTest {
  static final Instrument BTC =
      Instrument.builder(InstrumentId.of("v", "BTC-USDT"), "BTCUSDT")
          .tickSize(Price.parse("0.01"))
          .stepSize(Quantity.parse("0.001"))
          .build(); // notional scale 5

  final PositionTracker tracker = new PositionTracker();
  int trade;

  Position fill(Side side, String qty, String price, String fee, String feeAsset) {
    tracker.apply(
        new Fill(
            BTC.id(),
            "c",
            "e",
            "t" + (++trade),
            side,
            Price.parse(price),
            Quantity.parse(qty),
            fee == null ? null : Quantity.parse(fee),
            feeAsset,
            Liquidity.TAKER,
            trade),
        BTC);
    return tracker.snapshot(BTC.id());
  }

  static void assertMoney(BigDecimal actual, String expected) {
    assertThat(actual).isEqualByComparingTo(expected);
  }

  @Test
  void partialFillsAverageTheirCost() {
    fill(Side.BUY, "0.4", "100", null, null); // cost 40
    Position p = fill(Side.BUY, "0.6", "110", null, null); // cost 40 + 66 = 106 for 1.0
    assertThat(p.quantity()).isEqualTo(Quantity.parse("1"));
    assertThat(p.averagePrice()).isEqualTo(Price.parse("106"));
    assertMoney(p.cost(), "106");
    assertMoney(p.realizedPnl(), "0");
  }

  @Test
  void reducingRealizesAgainstTheAverageCost() {
    fill(Side.BUY, "0.4", "100", null, null);
    fill(Side.BUY, "0.6", "110", null, null); // 1.0 @ 106
    Position p = fill(Side.SELL, "0.25", "120", null, null); // realized (120 - 106) * 0.25 = 3.5
    assertMoney(p.realizedPnl(), "3.5");
    assertThat(p.quantity()).isEqualTo(Quantity.parse("0.75"));
    assertThat(p.averagePrice()).isEqualTo(Price.parse("106"));
    assertMoney(p.cost(), "79.5"); // 106 * 0.75
  }

  @Test
  void flippingLongToShortRealizesTheLongAndOpensTheShortAtTheFillPrice() {
    fill(Side.BUY, "1", "100", null, null);
    Position p =
        fill(Side.SELL, "1.5", "90", null, null); // close 1 @ 90: realized -10; open -0.5 @ 90
    assertMoney(p.realizedPnl(), "-10");
    assertThat(p.quantity()).isEqualTo(Quantity.parse("-0.5"));
    assertThat(p.averagePrice()).isEqualTo(Price.parse("90"));
    assertMoney(p.cost(), "-45");
    p = fill(Side.BUY, "0.5", "80", null, null); // cover the short: (90 - 80) * 0.5 = +5
    assertMoney(p.realizedPnl(), "-5");
    assertThat(p.quantity().isZero()).isTrue();
    assertThat(p.averagePrice()).isNull();
    assertMoney(p.cost(), "0");
  }

  @Test
  void unrealizedIsMarkedToMid() {
    fill(Side.BUY, "2", "100", null, null);
    tracker.mark(BTC.id(), Price.parse("103.5"), 99);
    Position p = tracker.snapshot(BTC.id());
    assertMoney(p.unrealizedPnl(), "7"); // (103.5 - 100) * 2
    fill(Side.SELL, "3", "104", null, null); // realized 8; short 1 @ 104; still marked 103.5
    p = tracker.snapshot(BTC.id());
    assertMoney(p.realizedPnl(), "8");
    assertMoney(p.unrealizedPnl(), "0.5"); // -1 * 103.5 - (-104)
  }

  @Test
  void quoteFeesAreCountedApartFromRealizedPnl() {
    fill(Side.BUY, "1", "100", "0.1", "USDT");
    Position p = fill(Side.SELL, "1", "110", "0.11", "USDT");
    assertMoney(p.realizedPnl(), "10");
    assertMoney(p.fees(), "0.21");
    assertMoney(p.netPnl(), "9.79");
  }

  @Test
  void baseFeesReduceTheQuantityAndRaiseTheAverageCost() {
    // Bought 1 BTC at 100 but the venue kept 0.001 BTC: 0.999 BTC for 100 USDT.
    Position p = fill(Side.BUY, "1", "100", "0.001", "BTC");
    assertThat(p.quantity()).isEqualTo(Quantity.parse("0.999"));
    assertMoney(p.cost(), "100");
    assertThat(p.averagePrice())
        .isEqualTo(Price.parse("100.1001")); // 100 / 0.999, half-even at 4 extra decimals
    assertMoney(p.fees(), "0");
    assertThat(p.otherFees()).containsEntry("BTC", new BigDecimal("0.001"));
    tracker.mark(BTC.id(), Price.parse("110"), 5);
    assertMoney(tracker.snapshot(BTC.id()).unrealizedPnl(), "9.89"); // 0.999 * 110 - 100
  }

  @Test
  void feesInAThirdAssetAreReportedSeparately() {
    Position p = fill(Side.BUY, "1", "100", "0.0005", "BNB");
    assertThat(p.quantity()).isEqualTo(Quantity.parse("1"));
    assertMoney(p.fees(), "0");
    assertThat(p.otherFees()).containsEntry("BNB", new BigDecimal("0.0005"));
  }

  @Test
  void netPnlIsSummedPerQuoteCurrency() {
    fill(Side.BUY, "1", "100", "0.1", "USDT");
    fill(Side.SELL, "1", "101", null, null);
    assertThat(tracker.netPnlByQuote()).containsOnlyKeys("USDT");
    assertMoney(tracker.netPnlByQuote().get("USDT"), "0.9");
  }

  @Test
  void ledgerKeepsTotalsMovedByFillsUntilTheVenueReportsAgain() {
    BalanceLedger ledger = new BalanceLedger();
    assertThat(ledger.total("v", "USDT")).isNull();
    ledger.onBalances(
        "v",
        List.of(
            new Balance("USDT", Quantity.parse("900"), Quantity.parse("100")),
            new Balance("BTC", Quantity.parse("1"), Quantity.zero(0))),
        true);
    ledger.onFill(
        new Fill(
            BTC.id(),
            "c",
            "e",
            "t",
            Side.BUY,
            Price.parse("100"),
            Quantity.parse("2"),
            Quantity.parse("0.2"),
            "USDT",
            Liquidity.TAKER,
            1),
        BTC);
    assertThat(ledger.total("v", "USDT")).isEqualTo(Quantity.parse("799.8")); // 1000 - 200 - 0.2
    assertThat(ledger.total("v", "BTC")).isEqualTo(Quantity.parse("3"));
    ledger.onBalances(
        "v", List.of(new Balance("BTC", Quantity.parse("2.5"), Quantity.zero(0))), false);
    assertThat(ledger.total("v", "BTC")).isEqualTo(Quantity.parse("2.5"));
    assertThat(ledger.total("v", "USDT"))
        .isEqualTo(Quantity.parse("799.8")); // untouched by a partial update
    ledger.onBalances("v", List.of(), true);
    assertThat(ledger.total("v", "USDT"))
        .isEqualTo(Quantity.zero(0)); // a complete snapshot without it: zero
  }

  @Test
  void theHeldListHoldsExactlyThePositionsThatAreNotFlat() {
    Instrument eth =
        Instrument.builder(InstrumentId.of("v", "ETH-USDT"), "ETHUSDT")
            .tickSize(Price.parse("0.01"))
            .stepSize(Quantity.parse("0.001"))
            .build();
    fill(Side.BUY, "1", "100", null, null);
    tracker.apply(
        new Fill(
            eth.id(),
            "c",
            "e",
            "e1",
            Side.SELL,
            Price.parse("10"),
            Quantity.parse("2"),
            null,
            null,
            Liquidity.TAKER,
            1),
        eth);
    assertThat(held()).containsExactlyInAnyOrder(BTC.id(), eth.id());
    fill(Side.SELL, "3", "100", null, null); // flips long to short: still held
    assertThat(held()).containsExactlyInAnyOrder(BTC.id(), eth.id());
    fill(Side.BUY, "2", "100", null, null); // flat
    assertThat(held()).containsExactly(eth.id());
    assertThat(tracker.get(BTC.id())).as("a flat position is still reported").isNotNull();
    fill(Side.BUY, "0.5", "100", null, null);
    assertThat(held()).containsExactlyInAnyOrder(eth.id(), BTC.id());
  }

  private List<InstrumentId> held() {
    List<InstrumentId> ids = new java.util.ArrayList<>();
    for (int i = 0; i < tracker.held(); i++) {
      ids.add(tracker.heldAt(i).instrument().id());
    }
    return ids;
  }
}
