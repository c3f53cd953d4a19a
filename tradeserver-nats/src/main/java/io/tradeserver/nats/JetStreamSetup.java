package io.tradeserver.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.tradeserver.config.NatsSettings;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what JetStream mode needs when it is missing, and leaves existing streams and consumers
 * as they are (an operator may have tuned them): the signal stream on {@code <prefix>.signals.>},
 * the event stream on {@code <prefix>.events.>} (file storage, kept for the signal-id window,
 * duplicate detection over {@code duplicateWindow}), and the durable push consumer that every
 * instance shares through the queue group (explicit acks, {@code ackWait}, {@code maxAckPending},
 * unlimited redeliveries).
 */
final class JetStreamSetup {
  private static final Logger log = LoggerFactory.getLogger(JetStreamSetup.class);
  private static final int NOT_FOUND = 404;

  private JetStreamSetup() {}

  /** Ensures streams and the consumer exist. */
  static void ensure(Connection conn, NatsSettings s, NatsSubjects subjects)
      throws IOException, JetStreamApiException {
    JetStreamManagement jsm = conn.jetStreamManagement();
    Duration keep =
        s.signalIdWindow().compareTo(s.duplicateWindow()) >= 0
            ? s.signalIdWindow()
            : s.duplicateWindow();
    boolean created = ensureStream(jsm, s.signalStream(), subjects.signalsWildcard(), keep, s);
    ensureStream(jsm, s.eventStream(), subjects.eventsWildcard(), keep, s);
    ensureConsumer(jsm, s, subjects, created);
  }

  private static boolean ensureStream(
      JetStreamManagement jsm, String name, String subject, Duration keep, NatsSettings s)
      throws IOException, JetStreamApiException {
    try {
      jsm.getStreamInfo(name);
      return false;
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() != NOT_FOUND) {
        throw e;
      }
    }
    jsm.addStream(
        StreamConfiguration.builder()
            .name(name)
            .subjects(subject)
            .storageType(StorageType.File)
            .maxAge(keep)
            .duplicateWindow(s.duplicateWindow())
            .build());
    log.info("created JetStream stream {} on {}", name, subject);
    return true;
  }

  /**
   * A new consumer on a stream we just created reads it from the start; on a stream that already
   * held messages it starts with new ones, so a fresh deployment never trades stale signals.
   */
  private static void ensureConsumer(
      JetStreamManagement jsm, NatsSettings s, NatsSubjects subjects, boolean newStream)
      throws IOException, JetStreamApiException {
    if (existingConsumer(jsm, s)) {
      return;
    }
    try {
      jsm.addOrUpdateConsumer(
          s.signalStream(),
          ConsumerConfiguration.builder()
              .durable(s.durable())
              .deliverSubject("_tradeserver.deliver." + subjects.prefix() + "." + s.durable())
              .deliverGroup(s.queueGroup())
              .filterSubject(subjects.signalsWildcard())
              .deliverPolicy(newStream ? DeliverPolicy.All : DeliverPolicy.New)
              .ackPolicy(AckPolicy.Explicit)
              .ackWait(s.ackWait())
              .maxAckPending(s.maxAckPending())
              .maxDeliver(-1)
              .build());
    } catch (JetStreamApiException e) {
      if (!existingConsumer(jsm, s)) { // else another instance created it at the same moment
        throw e;
      }
      return;
    }
    log.info("created JetStream consumer {} on {}", s.durable(), s.signalStream());
  }

  /**
   * True when the durable exists (with our queue group; another group is a configuration error).
   */
  private static boolean existingConsumer(JetStreamManagement jsm, NatsSettings s)
      throws IOException, JetStreamApiException {
    ConsumerInfo info;
    try {
      info = jsm.getConsumerInfo(s.signalStream(), s.durable());
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
    String group = info.getConsumerConfiguration().getDeliverGroup();
    if (!s.queueGroup().equals(group)) {
      throw new IllegalStateException(
          "JetStream consumer "
              + s.durable()
              + " has deliver group '"
              + group
              + "', expected '"
              + s.queueGroup()
              + "'");
    }
    return true;
  }
}
