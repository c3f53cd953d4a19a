package io.tradeserver.engine;

import io.tradeserver.risk.TradingState;

/**
 * The answer to a control request (halt, resume, reduce, cancel-all / kill switch).
 *
 * @param ok whether it was done
 * @param state the trading state afterwards
 * @param detail what was done (e.g. "12 cancels sent in 85 µs")
 */
public record ControlResult(boolean ok, TradingState state, String detail) {}
