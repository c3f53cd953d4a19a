package io.tradeserver.nats;

import static io.tradeserver.nats.EventJson.decimal;
import static io.tradeserver.nats.EventJson.instrument;
import static io.tradeserver.nats.EventJson.name;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tradeserver.engine.LatencySummary;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.VenueStatus;
import io.tradeserver.event.Channel;
import io.tradeserver.event.ConnectionState;
import io.tradeserver.model.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The body of the {@code status} control reply (see {@link EventJson#status}). */
final class StatusJson {
  private StatusJson() {}

  static void write(JsonGenerator g, StatusSnapshot s, NatsBridgeStats nats) throws IOException {
    g.writeBooleanField("ok", true);
    g.writeStringField("state", name(s.state()));
    g.writeStringField("stateCause", s.stateCause());
    EventJson.time(g, s.timeNanos());
    g.writeNumberField("signals", s.signals());
    g.writeNumberField("signalsRejected", s.signalsRejected());
    g.writeNumberField("orders", s.orders());
    g.writeNumberField("ordersSent", s.ordersSent());
    g.writeNumberField("fills", s.fills());
    g.writeNumberField("openOrders", s.openOrders());
    g.writeNumberField("signalInboxDepth", s.signalInboxDepth());
    g.writeNumberField("anomalies", s.anomalies());
    g.writeObjectFieldStart("rejectsByReason");
    for (Map.Entry<String, Long> e : new TreeMap<>(s.rejectsByReason()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("venues");
    for (VenueStatus v : s.venues()) {
      venue(g, v, s.timeNanos());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("positions");
    for (Position p : s.positions()) {
      position(g, p);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("pnl");
    for (Map.Entry<String, BigDecimal> e : new TreeMap<>(s.netPnlByQuote()).entrySet()) {
      decimal(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("latency");
    latency(g, "signalToSubmit", s.signalToSubmit());
    latency(g, "submitToAck", s.submitToAck());
    g.writeEndObject();
    if (nats != null) {
      nats(g, nats);
    }
  }

  private static void venue(JsonGenerator g, VenueStatus v, long now) throws IOException {
    g.writeStartObject();
    g.writeStringField("exchange", v.venue());
    g.writeBooleanField("disabled", v.disabled());
    g.writeNumberField("instruments", v.instruments());
    g.writeNumberField("openOrders", v.openOrders());
    g.writeObjectFieldStart("connections");
    for (Map.Entry<Channel, ConnectionState> e : new TreeMap<>(v.connections()).entrySet()) {
      g.writeStringField(e.getKey().name(), e.getValue().name());
    }
    g.writeEndObject();
    boolean limited = v.rateLimitedUntilNanos() > now;
    g.writeBooleanField("rateLimited", limited);
    if (limited) {
      g.writeNumberField("rateLimitedUntil", v.rateLimitedUntilNanos() / 1_000_000L);
    } else {
      g.writeNullField("rateLimitedUntil");
    }
    g.writeStringField("lastAlert", v.lastAlert());
    g.writeEndObject();
  }

  private static void position(JsonGenerator g, Position p) throws IOException {
    g.writeStartObject();
    instrument(g, p.instrumentId());
    decimal(g, "quantity", p.quantity());
    decimal(g, "averagePrice", p.averagePrice());
    decimal(g, "realizedPnl", p.realizedPnl());
    decimal(g, "unrealizedPnl", p.unrealizedPnl());
    decimal(g, "fees", p.fees());
    decimal(g, "netPnl", p.netPnl());
    decimal(g, "markPrice", p.markPrice());
    g.writeNumberField("fills", p.fills());
    g.writeEndObject();
  }

  private static void latency(JsonGenerator g, String name, LatencySummary l) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", l.count());
    g.writeNumberField("p50Us", l.p50Us());
    g.writeNumberField("p90Us", l.p90Us());
    g.writeNumberField("p99Us", l.p99Us());
    g.writeNumberField("p999Us", l.p999Us());
    g.writeNumberField("maxUs", l.maxUs());
    g.writeEndObject();
  }

  private static void nats(JsonGenerator g, NatsBridgeStats n) throws IOException {
    g.writeObjectFieldStart("nats");
    g.writeStringField("connection", n.connection());
    g.writeStringField("connectedUrl", n.connectedUrl());
    g.writeBooleanField("jetStream", n.jetStream());
    g.writeNumberField("disconnects", n.disconnects());
    g.writeNumberField("reconnects", n.reconnects());
    g.writeNumberField("signalsReceived", n.signalsReceived());
    g.writeNumberField("signalsOffered", n.signalsOffered());
    g.writeNumberField("signalsInvalid", n.signalsInvalid());
    g.writeNumberField("redeliveriesSuppressed", n.redeliveriesSuppressed());
    g.writeNumberField("backPressureWaits", n.backPressureWaits());
    g.writeNumberField("acks", n.acks());
    g.writeNumberField("pendingDecisions", n.pendingDecisions());
    g.writeNumberField("eventsPublished", n.eventsPublished());
    g.writeNumberField("eventsDropped", n.eventsDropped());
    g.writeNumberField("publishErrors", n.publishErrors());
    g.writeNumberField("eventQueueDepth", n.eventQueueDepth());
    g.writeNumberField("eventsInFlight", n.eventsInFlight());
    g.writeNumberField("droppedByClient", n.droppedByClient());
    g.writeEndObject();
  }
}
