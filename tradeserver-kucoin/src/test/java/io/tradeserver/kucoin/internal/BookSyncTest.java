package io.tradeserver.kucoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KuCoin's calibration procedure on {@link BookSync} alone, with the worked example from KuCoin's
 * documentation (https://www.kucoin.com/docs-new/3470068w0): snapshot at sequence 16, then an
 * update 15..19 whose changes at or below 16 are ignored.
 */
class BookSyncTest {
  private BookSync book;

  @BeforeEach
  void setUp() {
    Instrument i =
        Instrument.builder(InstrumentId.of("kucoin", "BTC-USDT"), "BTC-USDT")
            .tickSize(Price.parse("0.01"))
            .stepSize(Quantity.parse("1"))
            .build();
    book = new BookSync(i, 10);
  }

  private static StreamParse.L2Increment inc(long start, long end, long[][] asks, long[][] bids) {
    return new StreamParse.L2Increment(
        "BTC-USDT",
        start,
        end,
        col(asks, 0),
        col(asks, 1),
        col(asks, 2),
        col(bids, 0),
        col(bids, 1),
        col(bids, 2));
  }

  private static long[] col(long[][] rows, int c) {
    long[] out = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][c];
    }
    return out;
  }

  private static MarketParse.BookLevels docSnapshot() {
    return new MarketParse.BookLevels(
        16,
        new long[] {398851, 398850, 398849, 398848},
        new long[] {56, 15, 100, 10},
        new long[] {398859, 398860, 398861, 398862},
        new long[] {3, 47, 32, 8});
  }

  @Test
  void kucoinsDocumentedExample() {
    assertThat(book.onSubscribed()).isTrue();
    // Cached before the snapshot: sequence 15..19, as in KuCoin's example.
    book.onIncrement(
        inc(
            15,
            19,
            new long[][] {{398859, 3, 16}, {398861, 0, 19}, {398862, 8, 15}},
            new long[][] {{398850, 44, 18}}));
    assertThat(book.onSnapshot(book.generation(), docSnapshot(), 1))
        .isEqualTo(BookSync.Result.UPDATED);
    BookSnapshot s = book.snapshot(2);
    assertThat(s.sequence()).isEqualTo(19);
    assertThat(s.askPrices()).containsExactly(398859, 398860, 398862);
    assertThat(s.askQuantities()).containsExactly(3, 47, 8);
    assertThat(s.bidPrices()).containsExactly(398851, 398850, 398849, 398848);
    assertThat(s.bidQuantities()).containsExactly(56, 44, 100, 10);
  }

  @Test
  void olderIncrementsAreDiscardedAndAGapAsksForANewSnapshot() {
    book.onSubscribed();
    book.onSnapshot(book.generation(), docSnapshot(), 1);
    assertThat(book.onIncrement(inc(10, 16, new long[][] {{398859, 9, 16}}, new long[0][])))
        .isEqualTo(BookSync.Result.NONE);
    assertThat(book.onIncrement(inc(17, 17, new long[][] {{398859, 9, 17}}, new long[0][])))
        .isEqualTo(BookSync.Result.UPDATED);
    long gen = book.generation();
    assertThat(book.onIncrement(inc(19, 20, new long[][] {{398859, 1, 20}}, new long[0][])))
        .isEqualTo(BookSync.Result.GAP);
    assertThat(book.state()).isEqualTo(BookSync.State.AWAITING_SNAPSHOT);
    assertThat(book.generation()).isGreaterThan(gen);
    assertThat(book.cached()).isEqualTo(1);
    // A stale answer for the old attempt is ignored.
    assertThat(book.onSnapshot(gen, docSnapshot(), 3)).isEqualTo(BookSync.Result.NONE);
  }

  @Test
  void aSnapshotOlderThanTheCacheIsAGap() {
    book.onSubscribed();
    book.onIncrement(inc(30, 31, new long[][] {{398859, 1, 31}}, new long[0][]));
    assertThat(book.onSnapshot(book.generation(), docSnapshot(), 1)).isEqualTo(BookSync.Result.GAP);
    assertThat(book.cached()).isEqualTo(1);
    MarketParse.BookLevels fresh =
        new MarketParse.BookLevels(30, new long[] {1}, new long[] {1}, new long[0], new long[0]);
    assertThat(book.onSnapshot(book.generation(), fresh, 2)).isEqualTo(BookSync.Result.UPDATED);
    assertThat(book.snapshot(3).askPrices()).containsExactly(398859);
    assertThat(book.sequence()).isEqualTo(31);
  }

  @Test
  void priceZeroOnlyAdvancesTheSequence() {
    book.onSubscribed();
    book.onSnapshot(book.generation(), docSnapshot(), 1);
    assertThat(book.onIncrement(inc(17, 17, new long[][] {{0, 5, 17}}, new long[0][])))
        .isEqualTo(BookSync.Result.UPDATED);
    assertThat(book.sequence()).isEqualTo(17);
    assertThat(book.snapshot(2).askPrices()).containsExactly(398859, 398860, 398861, 398862);
  }

  @Test
  void lostStreamWaitsForTheSubscriptionAgain() {
    book.onSubscribed();
    book.onSnapshot(book.generation(), docSnapshot(), 1);
    book.awaitSubscription();
    assertThat(book.state()).isEqualTo(BookSync.State.AWAITING_SUBSCRIPTION);
    assertThat(book.onIncrement(inc(17, 17, new long[][] {{398859, 9, 17}}, new long[0][])))
        .isEqualTo(BookSync.Result.NONE);
    assertThat(book.onSubscribed()).isTrue();
    assertThat(book.onSubscribed()).isFalse();
  }
}
