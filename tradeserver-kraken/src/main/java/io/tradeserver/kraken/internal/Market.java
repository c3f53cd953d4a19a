package io.tradeserver.kraken.internal;

import io.tradeserver.model.Instrument;

/**
 * An instrument with the Kraken names and precisions the adapter needs.
 *
 * @param instrument canonical instrument with its rules
 * @param pairKey the AssetPairs key ({@code XXBTZUSD}), sent as {@code pair} to AddOrder
 * @param altname the alternate name ({@code XBTUSD}), used in order descriptions
 * @param wsSymbol WebSocket v2 symbol ({@code BTC/USD})
 * @param pairDecimals price decimals (book checksum formatting)
 * @param lotDecimals volume decimals (book checksum formatting)
 */
record Market(
    Instrument instrument,
    String pairKey,
    String altname,
    String wsSymbol,
    int pairDecimals,
    int lotDecimals) {}
