package io.tradeserver.spi;

import io.tradeserver.event.VenueEvent;

/**
 * Where an adapter puts its events. Thread-safe; called from any adapter thread. It may block
 * briefly when the engine is saturated (back-pressure reaches the socket); it never drops an event
 * and never throws.
 */
@FunctionalInterface
public interface VenueListener {
  void onEvent(VenueEvent event);
}
