package io.tradeserver.bench.load;

import java.util.Locale;
import java.util.Map;

/** Just enough JSON writing for one result line. */
final class Json {
  private final StringBuilder sb = new StringBuilder(512).append('{');
  private boolean first = true;

  Json field(String name, String value) {
    key(name);
    if (value == null) {
      sb.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  Json field(String name, long value) {
    key(name).append(value);
    return this;
  }

  Json field(String name, double value) {
    key(name).append(String.format(Locale.ROOT, "%.2f", value));
    return this;
  }

  Json field(String name, boolean value) {
    key(name).append(value);
    return this;
  }

  Json raw(String name, String json) {
    key(name).append(json);
    return this;
  }

  Json counts(String name, Map<String, Long> counts) {
    Json o = new Json();
    counts.forEach(o::field);
    return raw(name, o.toString());
  }

  private StringBuilder key(String name) {
    if (!first) {
      sb.append(',');
    }
    first = false;
    quote(name);
    return sb.append(':');
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb + "}";
  }
}
