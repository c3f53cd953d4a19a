package io.tradeserver.kucoin.internal;

import java.util.Map;
import java.util.Set;

/**
 * Classifies KuCoin answers. KuCoin reports many errors with HTTP 200 and a non-{@code "200000"}
 * code, others with HTTP 4xx/5xx; the code decides, the HTTP status is the fallback.
 *
 * <p>Sources: https://www.kucoin.com/docs-new/error-code (gateway codes 400001..400012, 429000),
 * https://www.kucoin.com/docs/basic-info/errors-code/spot-errors-code (200001..200009, 400100,
 * 400200..400800, 411100, 415000, 500000, 600203). KuCoin's generic parameter error {@code 400100}
 * carries the reason only in {@code msg}: a short table of its documented/observed messages refines
 * the reject code (insufficient balance, order does not exist). The outcome class never depends on
 * the message: 400100 is always a definitive refusal.
 */
final class KucoinErrors {
  /** What an answer means for the caller. */
  enum Kind {
    OK,
    /** 429 / 429000 / 200002: refused for rate, nothing happened. */
    RATE_LIMITED,
    /** Key, signature, passphrase, IP whitelist or permission refused. */
    AUTHENTICATION,
    /** 400002: request timestamp outside the server's window; re-measure the clock. */
    TIMESTAMP,
    INSUFFICIENT_BALANCE,
    /** Size/price/increment/limit rule broken: a definitive parameter refusal. */
    FILTER,
    ORDER_NOT_FOUND,
    /** Any other definitive refusal (suspended pair, restricted account, ...). */
    REJECTED,
    /** 5xx, 500000 or an unreadable answer: the outcome is unknown. */
    SERVER
  }

  static final String SUCCESS = "200000";

  private static final Map<String, Kind> CODES =
      Map.ofEntries(
          Map.entry("429000", Kind.RATE_LIMITED),
          Map.entry("200002", Kind.RATE_LIMITED),
          Map.entry("400001", Kind.AUTHENTICATION),
          Map.entry("400002", Kind.TIMESTAMP),
          Map.entry("400003", Kind.AUTHENTICATION),
          Map.entry("400004", Kind.AUTHENTICATION),
          Map.entry("400005", Kind.AUTHENTICATION),
          Map.entry("400006", Kind.AUTHENTICATION),
          Map.entry("400007", Kind.AUTHENTICATION),
          Map.entry("400008", Kind.AUTHENTICATION),
          Map.entry("400009", Kind.AUTHENTICATION),
          Map.entry("400010", Kind.AUTHENTICATION),
          Map.entry("400011", Kind.AUTHENTICATION),
          Map.entry("400012", Kind.AUTHENTICATION),
          Map.entry("200004", Kind.INSUFFICIENT_BALANCE),
          Map.entry("230003", Kind.INSUFFICIENT_BALANCE),
          Map.entry("260100", Kind.INSUFFICIENT_BALANCE),
          Map.entry("400100", Kind.FILTER),
          Map.entry("300000", Kind.FILTER),
          Map.entry("400350", Kind.FILTER),
          Map.entry("400370", Kind.FILTER),
          Map.entry("400760", Kind.FILTER),
          Map.entry("500000", Kind.SERVER));

  /** {@code 400100} messages meaning the order does not exist (or is no longer cancelable). */
  private static final Set<String> NOT_FOUND_MESSAGES =
      Set.of(
          "order_not_exist",
          "order_not_exist_or_not_allow_to_cancel",
          "order not exist",
          "order not exist.",
          "the order does not exist.");

  /** {@code 400100} messages meaning the balance is insufficient. */
  private static final Set<String> BALANCE_MESSAGES =
      Set.of("account.available.amount", "balance insufficient!", "balance insufficient");

  private KucoinErrors() {}

  /** Classifies an answer from its HTTP status, KuCoin code (nullable) and message (nullable). */
  static Kind classify(int httpStatus, String code, String message) {
    if (httpStatus == 429) {
      return Kind.RATE_LIMITED;
    }
    if (code != null) {
      if (code.equals(SUCCESS)) {
        return httpStatus >= 200 && httpStatus < 300 ? Kind.OK : Kind.SERVER;
      }
      Kind k = CODES.get(code);
      if (k == Kind.FILTER && code.equals("400100") && message != null) {
        String m = message.trim().toLowerCase(java.util.Locale.ROOT);
        if (NOT_FOUND_MESSAGES.contains(m)) {
          return Kind.ORDER_NOT_FOUND;
        }
        if (BALANCE_MESSAGES.contains(m)) {
          return Kind.INSUFFICIENT_BALANCE;
        }
      }
      if (k != null) {
        return k;
      }
      if (httpStatus >= 500) {
        return Kind.SERVER;
      }
      return httpStatus == 401 || httpStatus == 403 ? Kind.AUTHENTICATION : Kind.REJECTED;
    }
    if (httpStatus >= 500 || httpStatus < 200) {
      return Kind.SERVER;
    }
    if (httpStatus == 401 || httpStatus == 403) {
      return Kind.AUTHENTICATION;
    }
    return httpStatus >= 400 ? Kind.REJECTED : Kind.SERVER;
  }
}
