package io.tradeserver.engine;

import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.math.BigDecimal;

/**
 * A cross-venue arbitrage opportunity: {@code symbol} can be bought on {@code buyVenue} and sold on
 * {@code sellVenue} for more than both taker fees plus the configured threshold. Immutable.
 *
 * @param id unique per TradeServer run, increasing
 * @param symbol {@code BASE-QUOTE}
 * @param buyVenue where to buy (its best ask is the lower)
 * @param sellVenue where to sell (its best bid is the higher)
 * @param bestAsk best ask on the buy venue
 * @param bestBid best bid on the sell venue
 * @param quantity executable base quantity: as much as stays profitable walking both books, limited
 *     by the quote available on the buy venue and the base available on the sell venue, rounded
 *     down to both venues' step sizes
 * @param buyPrice volume-weighted price to buy {@code quantity} on the buy venue
 * @param sellPrice volume-weighted price to sell it on the sell venue
 * @param buyLimit the worst ask level the buy uses (the buy leg's limit price)
 * @param sellLimit the worst bid level the sell uses (the sell leg's limit price)
 * @param grossEdgeBps (best bid − best ask) / best ask, in bps, before fees
 * @param netEdgeBps expected profit / buy cost, in bps, after both taker fees
 * @param expectedProfit sell proceeds − buy cost − both taker fees, in the quote currency
 * @param quote the quote currency
 * @param limitedBy what bounds {@code quantity}
 * @param timeNanos engine clock when detected
 */
public record ArbitrageOpportunity(
    long id,
    String symbol,
    String buyVenue,
    String sellVenue,
    Price bestAsk,
    Price bestBid,
    Quantity quantity,
    BigDecimal buyPrice,
    BigDecimal sellPrice,
    Price buyLimit,
    Price sellLimit,
    BigDecimal grossEdgeBps,
    BigDecimal netEdgeBps,
    BigDecimal expectedProfit,
    String quote,
    Limit limitedBy,
    long timeNanos) {

  /** What bounds an opportunity's quantity. */
  public enum Limit {
    /** The books: deeper levels are no longer profitable, or a book ran out. */
    BOOK_DEPTH,
    /** The quote currency available on the buy venue. */
    BUY_BALANCE,
    /** The base currency available on the sell venue. */
    SELL_BALANCE
  }
}
