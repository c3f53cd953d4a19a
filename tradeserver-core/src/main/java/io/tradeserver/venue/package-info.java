/**
 * Building blocks for adapter authors: backoff with jitter, server-time offset, HMAC signing,
 * Bucket4j rate limits corrected from venue headers, a reconnecting WebSocket that rotates before
 * venue lifetime limits, and classification of network failures into "not sent" versus "ambiguous".
 * Everything takes the injected {@link io.tradeserver.time.Clock} and {@link
 * io.tradeserver.time.Scheduler}, so tests drive time instead of sleeping.
 */
package io.tradeserver.venue;
