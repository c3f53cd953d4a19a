package io.tradeserver.examples;

import io.tradeserver.config.CredentialRotation;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Balances;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.event.VenueEvent;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's answer to a venue refusing its key: re-fetch the credentials once, bypassing caches
 * (the key may have been rotated at the secret store), and if they changed rebuild that venue's
 * client with them; a second refusal before the venue works again is final. The fetch may block
 * (AWS), so it runs on its own thread, never on the engine thread that delivers the alert.
 */
final class KeyRotation implements TradeServerListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
  private final CredentialRotation rotation;
  private final Map<String, Credentials> inUse = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tradeserver-key-rotation");
            t.setDaemon(true);
            return t;
          });
  private volatile TradeServer server;

  KeyRotation(TradeServerConfig config) {
    this.rotation = new CredentialRotation(config, config.secretResolvers());
    for (VenueConfig v : config.resolveVenues(config.secretResolvers())) {
      if (v.credentials() != null) {
        inUse.put(v.venue(), v.credentials());
      }
    }
  }

  void attach(TradeServer ts) {
    this.server = ts;
  }

  @Override
  public void onVenueEvent(VenueEvent event) {
    if (event instanceof VenueAlert a && a.kind() == AlertKind.AUTHENTICATION_FAILED) {
      worker.execute(() -> refresh(a.venue()));
    } else if (event instanceof Balances b && b.complete()) {
      rotation.onAuthenticated(b.venue()); // a signed request worked: the key is good again
    }
  }

  private void refresh(String venue) {
    TradeServer ts = server;
    if (ts == null) {
      return;
    }
    CredentialRotation.Refresh r = rotation.onAuthenticationFailure(venue, inUse.get(venue));
    switch (r.result()) {
      case ROTATED -> {
        inUse.put(venue, r.credentials());
        ts.rotateCredentials(venue, r.credentials())
            .thenAccept(c -> log.warn("venue {}: {}", venue, c.detail()));
      }
      case UNCHANGED ->
          log.error("venue {}: the venue refuses the key and the store has no other", venue);
      case EXHAUSTED -> log.error("venue {}: refused again after a rotation; giving up", venue);
      case NO_CREDENTIALS ->
          log.error("venue {}: authentication failed and it has no credentials configured", venue);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
