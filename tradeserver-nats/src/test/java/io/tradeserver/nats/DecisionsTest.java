package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Message;
import io.tradeserver.nats.Decisions.Admission;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ack-after-decision bookkeeping, with messages that record what was done to them. */
class DecisionsTest {
  final List<String> calls = new ArrayList<>();
  final Counters counters = new Counters();
  final Decisions d = new Decisions(1_000_000_000L, 3, counters);

  /** A JetStream message stand-in that records ack, nak and inProgress calls. */
  Message message(String name) {
    return (Message)
        Proxy.newProxyInstance(
            Message.class.getClassLoader(),
            new Class<?>[] {Message.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "ack", "nak", "inProgress" -> calls.add(method.getName() + " " + name);
                case "toString" -> {
                  return name;
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                default -> throw new UnsupportedOperationException(method.getName());
              }
              return null;
            });
  }

  @Test
  void aSignalIsAcknowledgedWhenItsDecisionIsPublishedNotBefore() {
    assertThat(d.admit("s1", message("m1"), false, 0)).isEqualTo(Admission.OFFER);
    assertThat(calls).isEmpty();
    assertThat(d.pendingCount()).isEqualTo(1);

    d.decided("s1", 10);

    assertThat(calls).containsExactly("ack m1");
    assertThat(d.pendingCount()).isZero();
    assertThat(counters.acks.get()).isEqualTo(1);
  }

  @Test
  void aRedeliveryOfADecidedSignalIsAcknowledgedAndNotOffered() {
    d.admit("s1", message("m1"), false, 0);
    d.decided("s1", 10);

    assertThat(d.admit("s1", message("m1-again"), true, 20)).isEqualTo(Admission.SUPPRESSED);

    assertThat(calls).containsExactly("ack m1", "ack m1-again");
    assertThat(counters.redeliveriesSuppressed.get()).isEqualTo(1);
  }

  @Test
  void aRedeliveryWhileTheEngineDecidesWaitsForTheSameDecision() {
    d.admit("s1", message("m1"), false, 0);

    assertThat(d.admit("s1", message("m1-again"), true, 5)).isEqualTo(Admission.ATTACHED);
    assertThat(calls).isEmpty();

    d.decided("s1", 10);
    assertThat(calls).containsExactly("ack m1", "ack m1-again");
  }

  @Test
  void aNewMessageRepeatingADecidedIdIsOfferedSoTheEngineRejectsItAsDuplicate() {
    d.admit("s1", message("m1"), false, 0);
    d.decided("s1", 10);

    assertThat(d.admit("s1", message("m2"), false, 20)).isEqualTo(Admission.OFFER);
    d.decided("s1", 30); // the engine's DUPLICATE_SIGNAL rejection

    assertThat(calls).containsExactly("ack m1", "ack m2");
  }

  @Test
  void aSignalTheEngineRefusedIsReturnedForAnotherInstance() {
    Message m = message("m1");
    d.admit("s1", m, false, 0);

    d.abandon("s1", m);

    assertThat(calls).containsExactly("nak m1");
    assertThat(d.pendingCount()).isZero();
  }

  @Test
  void pendingSignalsAreKeptAliveSoASlowEngineCausesNoRedelivery() {
    d.admit("s1", message("m1"), false, 0);
    d.keepAlive(50, 100);
    assertThat(calls).isEmpty();

    d.keepAlive(100, 100);
    d.keepAlive(150, 100);
    d.keepAlive(200, 100);

    assertThat(calls).containsExactly("inProgress m1", "inProgress m1");
  }

  @Test
  void decidedIdsAreForgottenAfterTheWindowOrBeyondTheMaximum() {
    for (String id : List.of("a", "b", "c", "d")) {
      d.admit(id, message(id), false, 0);
      d.decided(id, 10);
    }
    assertThat(d.isDecided("a")).as("beyond max 3").isFalse();
    assertThat(d.isDecided("d")).isTrue();

    d.admit("e", message("e"), false, 0);
    d.decided("e", 10 + 1_000_000_001L);
    assertThat(d.isDecided("b")).as("older than the window").isFalse();
    assertThat(d.isDecided("e")).isTrue();
  }

  @Test
  void anIdIsRememberedFromItsFirstDecisionSoLaterEventsOnItDoNotKeepItForever() {
    d.admit("s1", message("m1"), false, 0);
    d.decided("s1", 10); // PENDING_NEW stored
    d.decided("s1", 500_000_000L); // NEW, FILLED: later states of the same order

    d.admit("s2", message("m2"), false, 0);
    d.decided("s2", 10 + 1_000_000_001L);

    assertThat(d.isDecided("s1")).as("expired a window after its first decision").isFalse();
    assertThat(calls).containsExactly("ack m1", "ack m2");
  }
}
