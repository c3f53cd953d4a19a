package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.config.ConfigLoader;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.event.AlertKind;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionEvent;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.event.VenueAlert;
import io.tradeserver.testing.Await;
import io.tradeserver.testing.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused key is re-fetched once; a rotated one rebuilds the venue's client, a second refusal is
 * final.
 */
class KeyRotationTest {

  @Test
  void aRotatedKeyAtTheStoreReconnectsTheVenueOnce(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("keys.json");
    Files.writeString(secret, "{\"key\":\"AKIA-first\",\"secret\":\"s3cr3t-first\"}");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Path file = dir.resolve("ts.json");
    Files.writeString(
        file,
        """
        { "venues": { "sim": { "provider": "sim", "credentials": {
            "apiKey": "file:%s#key", "secret": "file:%s#secret" } } } }
        """
            .formatted(secret, secret));
    TradeServerConfig cfg = ConfigLoader.load(file);
    RecordingListener rec = new RecordingListener();
    try (KeyRotation keys = new KeyRotation(cfg);
        TradeServer ts = cfg.apply(TradeServer.builder()).listener(keys).listener(rec).build()) {
      keys.attach(ts);
      ts.start();
      assertThat(ts.awaitReady(Duration.ofSeconds(10))).isTrue();

      Files.writeString(
          secret, "{\"key\":\"AKIA-second\",\"secret\":\"s3cr3t-second\"}"); // rotated at the store
      VenueAlert refused = new VenueAlert("sim", AlertKind.AUTHENTICATION_FAILED, "-2015", 0, 0);
      keys.onVenueEvent(refused);
      Await.until(
          Duration.ofSeconds(10),
          () -> privateConnects(rec) == 2,
          () -> "no reconnect: " + rec.all());

      keys.onVenueEvent(
          refused); // refused again before any success: unchanged store, no new client
      keys.onVenueEvent(refused);
      Await.until(() -> ts.status().venues().get(0).ready(), "still trading");
      assertThat(privateConnects(rec)).isEqualTo(2);
    }
  }

  private static long privateConnects(RecordingListener rec) {
    return rec.of(ConnectionEvent.class).stream()
        .filter(
            e -> e.channel() == Channel.PRIVATE_STREAM && e.state() == ConnectionState.CONNECTED)
        .count();
  }
}
