/**
 * KuCoin spot adapter: {@link io.tradeserver.kucoin.KucoinExchangeProvider} (id {@code kucoin}) and
 * its typed {@link io.tradeserver.kucoin.KucoinConfig}. Everything under {@code internal} is
 * implementation.
 */
package io.tradeserver.kucoin;
