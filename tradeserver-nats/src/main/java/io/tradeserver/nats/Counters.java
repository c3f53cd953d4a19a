package io.tradeserver.nats;

import java.util.concurrent.atomic.AtomicLong;

/** The bridge's counters; written from jnats and publisher threads, read from any. */
final class Counters {
  final AtomicLong disconnects = new AtomicLong();
  final AtomicLong reconnects = new AtomicLong();
  final AtomicLong signalsReceived = new AtomicLong();
  final AtomicLong signalsOffered = new AtomicLong();
  final AtomicLong signalsInvalid = new AtomicLong();
  final AtomicLong redeliveriesSuppressed = new AtomicLong();
  final AtomicLong backPressureWaits = new AtomicLong();
  final AtomicLong acks = new AtomicLong();
  final AtomicLong eventsPublished = new AtomicLong();
  final AtomicLong eventsDropped = new AtomicLong();
  final AtomicLong publishErrors = new AtomicLong();
  final AtomicLong droppedByClient = new AtomicLong();
}
