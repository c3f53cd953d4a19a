package io.tradeserver.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the runner (DESIGN §7): {@code --duration 30s}, {@code
 * --signals-per-second N}, {@code --nats URL}, {@code --config FILE}, {@code --summary-json FILE},
 * {@code --report FILE}. Parsing reports every problem at once.
 */
record Options(
    String command,
    Duration duration,
    Integer signalsPerSecond,
    String natsUrl,
    Path config,
    Path summaryJson,
    Path report,
    Long seed) {

  static final String USAGE =
      """
      usage: tradeserver demo [--duration 30s] [--signals-per-second 20] [--nats nats://host:port]
                              [--config FILE] [--summary-json FILE] [--report FILE] [--seed N]
             tradeserver run --config FILE [--report FILE]
      """;

  static Options parse(String... args) {
    List<String> problems = new ArrayList<>();
    String command = args.length == 0 ? null : args[0];
    if (!"demo".equals(command) && !"run".equals(command)) {
      problems.add("first argument must be 'demo' or 'run', was " + command);
    }
    Duration duration =
        null; // unset flags fall back to the config's demo section, then its defaults
    Integer rate = null;
    String nats = null;
    Path config = null;
    Path summary = null;
    Path report = null;
    Long seed = null;
    for (int i = 1; i < args.length; i++) {
      String flag = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        problems.add(flag + " needs a value");
        break;
      }
      i++;
      try {
        switch (flag) {
          case "--duration" -> duration = duration(value);
          case "--signals-per-second" -> rate = Integer.parseInt(value);
          case "--nats" -> nats = value;
          case "--config" -> config = Path.of(value);
          case "--summary-json" -> summary = Path.of(value);
          case "--report" -> report = Path.of(value);
          case "--seed" -> seed = Long.parseLong(value);
          default -> problems.add("unknown option " + flag);
        }
      } catch (IllegalArgumentException e) {
        problems.add(flag + ": " + e.getMessage());
      }
    }
    if (rate != null && (rate < 1 || rate > 1_000_000)) {
      problems.add("--signals-per-second must be 1..1000000, was " + rate);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      problems.add("--duration must be > 0");
    }
    if ("run".equals(command) && config == null) {
      problems.add("run needs --config FILE");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems) + "\n" + USAGE);
    }
    return new Options(command, duration, rate, nats, config, summary, report, seed);
  }

  /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
  static Duration duration(String v) {
    String s = v.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a duration like 30s, 500ms, 2m: " + v);
    }
  }
}
