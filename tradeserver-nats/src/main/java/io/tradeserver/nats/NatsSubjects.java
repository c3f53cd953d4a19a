package io.tradeserver.nats;

import io.tradeserver.model.InstrumentId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subjects of DESIGN §6 under one prefix ({@code tradeserver} by default). Exchange and symbol
 * tokens are made subject-safe: a character NATS gives meaning to ({@code . * >} and whitespace)
 * becomes {@code _}. Thread-safe.
 */
public final class NatsSubjects {
  /** Control commands answered on {@code <prefix>.control.<command>}. */
  public static final String HALT = "halt";

  public static final String RESUME = "resume";
  public static final String REDUCE = "reduce";
  public static final String CANCEL_ALL = "cancel-all";
  public static final String STATUS = "status";

  private final String prefix;
  private final String signalsPrefix;
  private final String rejected;
  private final Map<InstrumentId, String[]> perInstrument = new ConcurrentHashMap<>();

  public NatsSubjects(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("prefix is required");
    }
    this.prefix = prefix;
    this.signalsPrefix = prefix + ".signals.";
    this.rejected = prefix + ".signals.rejected";
  }

  public String prefix() {
    return prefix;
  }

  /** {@code <prefix>.signals.>}: what the bridge subscribes to. */
  public String signalsWildcard() {
    return prefix + ".signals.>";
  }

  /** {@code <prefix>.signals.<strategy>}. */
  public String signals(String strategy) {
    return signalsPrefix + token(strategy);
  }

  /** {@code <prefix>.signals.rejected}: dead letters. */
  public String rejected() {
    return rejected;
  }

  /** True for the dead-letter subject, which also matches the signal wildcard. */
  public boolean isRejected(String subject) {
    return rejected.equals(subject);
  }

  /**
   * The strategy named by a signal subject (everything after {@code signals.}), or null when the
   * subject is not under {@code <prefix>.signals.}.
   */
  public String strategyOf(String subject) {
    if (subject == null
        || !subject.startsWith(signalsPrefix)
        || subject.length() == signalsPrefix.length()) {
      return null;
    }
    return subject.substring(signalsPrefix.length());
  }

  /** {@code <prefix>.events.>}. */
  public String eventsWildcard() {
    return prefix + ".events.>";
  }

  /** {@code <prefix>.events.order.<exchange>.<SYMBOL>}. */
  public String order(InstrumentId id) {
    return instrument(id)[0];
  }

  /** {@code <prefix>.events.fill.<exchange>.<SYMBOL>}. */
  public String fill(InstrumentId id) {
    return instrument(id)[1];
  }

  /** {@code <prefix>.events.position.<exchange>.<SYMBOL>}. */
  public String position(InstrumentId id) {
    return instrument(id)[2];
  }

  /** {@code <prefix>.events.risk}. */
  public String risk() {
    return prefix + ".events.risk";
  }

  /** {@code <prefix>.events.arbitrage.<SYMBOL>}. */
  public String arbitrage(String symbol) {
    return prefix + ".events.arbitrage." + token(symbol);
  }

  /** {@code <prefix>.control.<command>}. */
  public String control(String command) {
    return prefix + ".control." + token(command);
  }

  /** {@code <prefix>.control.*}. */
  public String controlWildcard() {
    return prefix + ".control.*";
  }

  private String[] instrument(InstrumentId id) {
    return perInstrument.computeIfAbsent(
        id,
        i -> {
          String tail = "." + token(i.exchange()) + "." + token(i.symbol());
          return new String[] {
            prefix + ".events.order" + tail,
            prefix + ".events.fill" + tail,
            prefix + ".events.position" + tail
          };
        });
  }

  /** A single subject token: NATS wildcards, separators and whitespace become {@code _}. */
  static String token(String s) {
    if (s == null || s.isEmpty()) {
      return "_";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)) {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, '_');
      }
    }
    return b == null ? s : b.toString();
  }
}
