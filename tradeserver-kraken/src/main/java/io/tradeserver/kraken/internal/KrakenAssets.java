package io.tradeserver.kraken.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kraken asset names to canonical codes. Kraken's legacy asset ids prefix crypto with X and fiat
 * with Z ({@code XXBT}, {@code XETH}, {@code ZUSD}); its own names use XBT for bitcoin and XDG for
 * dogecoin. Canonical codes are the ones every other venue uses: BTC, ETH, USD, DOGE. Modern Kraken
 * codes that merely start with X or Z ({@code XRP}, {@code XTZ}, {@code ZEC}) are left alone: only
 * four-letter ids in the legacy list lose their prefix.
 */
final class KrakenAssets {
  /** Legacy X/Z-prefixed asset ids (AssetPairs {@code base}/{@code quote}, Balance keys). */
  private static final Set<String> LEGACY =
      Set.of(
          "XXBT", "XETH", "XETC", "XLTC", "XMLN", "XREP", "XXDG", "XXLM", "XXMR", "XXRP", "XZEC",
          "ZUSD", "ZEUR", "ZGBP", "ZJPY", "ZCAD", "ZAUD", "ZCHF");

  /** Kraken's own names that differ from the canonical code. */
  private static final Map<String, String> RENAMED = Map.of("XBT", "BTC", "XDG", "DOGE");

  private KrakenAssets() {}

  /**
   * The canonical code of a Kraken asset id or name: {@code XXBT}, {@code XBT} → {@code BTC};
   * {@code ZUSD} → {@code USD}; {@code USDT} → {@code USDT}.
   */
  static String canonical(String krakenAsset) {
    String a = krakenAsset.toUpperCase(Locale.ROOT);
    if (a.length() == 4 && LEGACY.contains(a)) {
      a = a.substring(1);
    }
    return RENAMED.getOrDefault(a, a);
  }

  /**
   * True for balance entries that are not spot-tradable balances of the asset itself: Kraken's
   * Earn/Staking variants ({@code ETH2.S}, {@code USDT.F}, {@code DOT.B}, {@code XBT.M}) are
   * read-only and are traded through the base asset.
   */
  static boolean isEarnVariant(String krakenAsset) {
    return krakenAsset.indexOf('.') >= 0;
  }
}
