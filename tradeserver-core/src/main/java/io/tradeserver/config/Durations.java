package io.tradeserver.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in the configuration: {@code "250ms"}, {@code "10s"}, {@code "5m"}, ISO-8601. */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})\\s*(us|ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code 0}, a whole number with unit {@code us}, {@code ms}, {@code s}, {@code m}, {@code
   * h} or {@code d}, or an ISO-8601 duration ({@code PT1.5S}).
   *
   * @return the duration, or null when {@code text} is not one
   */
  public static Duration parse(String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "us":
          return Duration.ofNanos(n * 1_000);
        case "ms":
          return Duration.ofMillis(n);
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        default:
          return Duration.ofDays(n);
      }
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** The shortest exact form: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 24h}. */
  public static String format(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    if (nanos == 0) {
      return "0";
    }
    long[] units = {
      86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L
    };
    String[] names = {"d", "h", "m", "s", "ms", "us"};
    for (int i = 0; i < units.length; i++) {
      if (nanos % units[i] == 0) {
        return nanos / units[i] + names[i];
      }
    }
    return d.toString();
  }
}
