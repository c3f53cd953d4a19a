package io.tradeserver.engine;

import io.tradeserver.model.RejectCode;

/**
 * A signal that was not traded, with why. Published as a dead letter.
 *
 * @param reason stable code ({@code MALFORMED_SIGNAL}, {@code MISSING_FIELD}, {@code
 *     UNKNOWN_SYMBOL}, {@code DUPLICATE_SIGNAL}, {@code NO_ROUTE}...)
 * @param detail what exactly was wrong
 * @param raw the original text when it came as text, else the signal's description
 * @param signalId the signal id when it could be read, else null
 * @param timeNanos when
 */
public record SignalRejected(
    RejectCode reason, String detail, String raw, String signalId, long timeNanos) {}
