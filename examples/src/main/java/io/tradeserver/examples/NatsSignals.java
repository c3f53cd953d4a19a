package io.tradeserver.examples;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.tradeserver.config.NatsSettings;
import io.tradeserver.engine.OfferResult;
import io.tradeserver.model.Signal;
import io.tradeserver.nats.NatsSubjects;
import io.tradeserver.nats.SignalJson;
import java.io.IOException;
import java.time.Duration;

/** The demo's signal publisher in NATS mode: what an external strategy process would do. */
final class NatsSignals implements AutoCloseable {
  private final Connection connection;
  private final NatsSubjects subjects;

  NatsSignals(NatsSettings settings) throws IOException, InterruptedException {
    this.connection =
        Nats.connect(
            new Options.Builder()
                .server(settings.url())
                .connectionName("tradeserver-demo-signals")
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
    this.subjects = new NatsSubjects(settings.prefix());
  }

  /**
   * Publishes a signal on {@code <prefix>.signals.<strategy>}; NATS buffers, so it never blocks
   * long.
   */
  OfferResult publish(Signal s) {
    connection.publish(subjects.signals(s.strategy()), SignalJson.write(s));
    return OfferResult.ACCEPTED;
  }

  @Override
  public void close() throws Exception {
    connection.flush(Duration.ofSeconds(5));
    connection.close();
  }
}
