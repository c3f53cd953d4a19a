package io.tradeserver.nats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code <prefix>.control.<command>} requests on its own dispatcher thread, so a flood of
 * signals never delays a halt. The command runs on the engine thread (control commands are drained
 * before signals) and the reply is {@code {"ok", "state", "detail"}}; {@code status} answers the
 * status document of {@link EventJson#status}. An optional request body {@code {"cause": "..."}}
 * names the reason recorded with the state change. Every instance subscribes (no queue group), so a
 * halt or cancel-all reaches every TradeServer; the requester sees the first reply.
 */
final class ControlResponder implements MessageHandler {
  private static final Logger log = LoggerFactory.getLogger(ControlResponder.class);

  private final TradeServer ts;
  private final Connection conn;
  private final Supplier<NatsBridgeStats> stats;
  private final Duration timeout;

  ControlResponder(
      TradeServer ts, Connection conn, Supplier<NatsBridgeStats> stats, Duration timeout) {
    this.ts = ts;
    this.conn = conn;
    this.stats = stats;
    this.timeout = timeout;
  }

  @Override
  public void onMessage(Message m) {
    String subject = m.getSubject();
    String command = subject.substring(subject.lastIndexOf('.') + 1);
    byte[] reply;
    try {
      reply = answer(command, m.getData());
    } catch (RuntimeException e) {
      log.error("control {} failed", command, e);
      reply = EventJson.controlError(ts.status().state(), command + " failed: " + e);
    }
    if (m.getReplyTo() != null) {
      conn.publish(m.getReplyTo(), reply);
    }
  }

  private byte[] answer(String command, byte[] body) {
    String cause;
    try {
      cause = cause(body, "NATS control " + command);
    } catch (IOException e) {
      return EventJson.controlError(ts.status().state(), "request body is not valid JSON");
    }
    log.info("control request {} ({})", command, cause);
    return switch (command) {
      case NatsSubjects.HALT -> control(ts.halt(cause));
      case NatsSubjects.RESUME -> control(ts.resume(cause));
      case NatsSubjects.REDUCE -> control(ts.reduce(cause));
      case NatsSubjects.CANCEL_ALL -> control(ts.killSwitch(cause));
      case NatsSubjects.STATUS -> status();
      default ->
          EventJson.controlError(
              ts.status().state(),
              "unknown command '"
                  + command
                  + "'; commands: halt, resume, reduce, cancel-all, status");
    };
  }

  private byte[] control(CompletableFuture<ControlResult> f) {
    try {
      return EventJson.control(f.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return EventJson.controlError(
          ts.status().state(), "no answer from the engine within " + timeout);
    } catch (ExecutionException e) {
      return EventJson.controlError(ts.status().state(), String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EventJson.controlError(ts.status().state(), "interrupted");
    }
  }

  private byte[] status() {
    StatusSnapshot s;
    try {
      s = ts.freshStatus().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      s = ts.status(); // the periodic snapshot: slightly older but always there
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s = ts.status();
    }
    return EventJson.status(s, stats.get());
  }

  /** The {@code cause} of an optional {@code {"cause": "..."}} body, else {@code fallback}. */
  static String cause(byte[] body, String fallback) throws IOException {
    if (body == null || body.length == 0) {
      return fallback;
    }
    try (JsonParser p = EventJson.JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      String cause = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("cause") && v == JsonToken.VALUE_STRING) {
          cause = p.getText();
        } else {
          p.skipChildren();
        }
      }
      return cause == null || cause.isBlank() ? fallback : cause;
    }
  }
}
