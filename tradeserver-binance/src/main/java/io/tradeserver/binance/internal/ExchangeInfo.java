package io.tradeserver.binance.internal;

import io.tradeserver.model.Instrument;
import java.util.List;

/**
 * What {@code GET /api/v3/exchangeInfo} tells this adapter.
 *
 * @param instruments the listed instruments with their filters as rules
 * @param rateLimits the venue's request and order limits
 */
record ExchangeInfo(List<Instrument> instruments, List<RateLimitSpec> rateLimits) {

  /**
   * One {@code rateLimits} entry.
   *
   * @param type REQUEST_WEIGHT, ORDERS or RAW_REQUESTS
   * @param interval SECOND, MINUTE, HOUR or DAY
   * @param intervalNum interval multiplier
   * @param limit capacity per interval
   */
  record RateLimitSpec(String type, String interval, int intervalNum, long limit) {}
}
