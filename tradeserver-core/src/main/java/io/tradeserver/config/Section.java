package io.tradeserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one JSON object of the configuration with typed, range-checked accessors. A bad value is
 * recorded as a problem with its path and the default is returned, so reading goes on and every
 * problem is found in one pass. Fields never asked for are reported by {@link #finish()}. Keys
 * starting with {@code //} are comments and are skipped everywhere.
 */
final class Section {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoadContext ctx;
  private final ObjectNode node;
  final String path;
  private final String schema;
  private final Set<String> known = new LinkedHashSet<>();

  Section(LoadContext ctx, ObjectNode node, String path, String schema) {
    this.ctx = ctx;
    this.node = node;
    this.path = path;
    this.schema = schema;
    ctx.register(this);
  }

  static boolean isComment(String key) {
    return key.startsWith("//");
  }

  String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  void problem(String name, String message) {
    ctx.problem(child(name), message);
  }

  /** The field's node after environment overrides: null when absent, NullNode when null. */
  JsonNode raw(String name) {
    known.add(name);
    ctx.schema(schema.isEmpty() ? name : schema + "." + name);
    String override = ctx.env.take(child(name));
    if (override != null) {
      return envNode(name, override);
    }
    return node == null ? null : node.get(name);
  }

  private JsonNode envNode(String name, String value) {
    String v = value.strip();
    if (v.equals("null")) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (v.startsWith("{") || v.startsWith("[")) {
      try {
        return JSON.readTree(v);
      } catch (java.io.IOException e) {
        problem(name, "not valid JSON");
        return null;
      }
    }
    return JsonNodeFactory.instance.textNode(v);
  }

  boolean present(String name) {
    JsonNode n = raw(name);
    return n != null && !n.isNull();
  }

  /** Present with an explicit {@code null} (e.g. a disabled breaker). */
  boolean explicitNull(String name) {
    JsonNode n = raw(name);
    return n != null && n.isNull();
  }

  String string(String name, String def) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isTextual()) {
      problem(name, "must be a string, was " + n);
      return def;
    }
    return n.textValue();
  }

  Boolean bool(String name, Boolean def) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    String t = n.isTextual() ? n.textValue().strip().toLowerCase(Locale.ROOT) : "";
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    problem(name, "must be true or false, was " + n);
    return def;
  }

  Integer integer(String name, Integer def, long min, long max) {
    Long v = longValue(name, def == null ? null : def.longValue(), min, max);
    return v == null ? null : (int) (long) v;
  }

  Long longValue(String name, Long def, long min, long max) {
    return longOf(name, raw(name), def, min, max);
  }

  private Long longOf(String name, JsonNode n, Long def, long min, long max) {
    if (n == null || n.isNull()) {
      return def;
    }
    BigDecimal d = decimalOf(n);
    long v;
    try {
      if (d == null) {
        throw new ArithmeticException();
      }
      v = d.longValueExact();
    } catch (ArithmeticException e) {
      problem(name, "must be an integer " + min + ".." + max + ", was " + n);
      return def;
    }
    if (v < min || v > max) {
      problem(name, "must be " + min + ".." + max + ", was " + v);
      return def;
    }
    return v;
  }

  /** Decimal rules. */
  enum Sign {
    ANY,
    NON_NEGATIVE,
    POSITIVE
  }

  BigDecimal decimal(String name, BigDecimal def, Sign sign) {
    return decimalChecked(name, raw(name), def, sign);
  }

  private BigDecimal decimalChecked(String name, JsonNode n, BigDecimal def, Sign sign) {
    if (n == null || n.isNull()) {
      return def;
    }
    BigDecimal d = decimalOf(n);
    if (d == null) {
      problem(name, "must be a decimal number (e.g. \"5000\" or \"0.01\"), was " + n);
      return def;
    }
    if (sign == Sign.POSITIVE && d.signum() <= 0) {
      problem(name, "must be > 0, was " + d.toPlainString());
      return def;
    }
    if (sign == Sign.NON_NEGATIVE && d.signum() < 0) {
      problem(name, "must be >= 0, was " + d.toPlainString());
      return def;
    }
    return d;
  }

  private static BigDecimal decimalOf(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isTextual()) {
      String t = n.textValue().strip();
      if (!t.matches("[+-]?\\d+(\\.\\d+)?")) {
        return null;
      }
      return new BigDecimal(t);
    }
    return null;
  }

  Duration duration(String name, Duration def, Duration min, Duration max) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return def;
    }
    return durationOf(name, n, def, min, max);
  }

  /** Like {@link #duration}, but an explicit {@code null} gives null (a disabled feature). */
  Duration durationOrNull(String name, Duration def, Duration min, Duration max) {
    JsonNode n = raw(name);
    if (n == null) {
      return def;
    }
    return n.isNull() ? null : durationOf(name, n, def, min, max);
  }

  private Duration durationOf(String name, JsonNode n, Duration def, Duration min, Duration max) {
    Duration d = n.isTextual() ? Durations.parse(n.textValue()) : null;
    if (d == null) {
      problem(name, "must be a duration such as \"250ms\", \"10s\", \"5m\", \"24h\", was " + n);
      return def;
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      problem(
          name,
          "must be "
              + Durations.format(min)
              + ".."
              + Durations.format(max)
              + ", was "
              + Durations.format(d));
      return def;
    }
    return d;
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type, E def) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return def;
    }
    if (n.isTextual()) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(n.textValue().strip())) {
          return e;
        }
      }
    }
    problem(name, "must be one of " + List.of(type.getEnumConstants()) + ", was " + n);
    return def;
  }

  /** A list of strings; an environment override may give them comma-separated. */
  List<String> strings(String name, List<String> def) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return def;
    }
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      for (String s : n.textValue().split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }
    if (!n.isArray()) {
      problem(name, "must be a list of strings, was " + n);
      return def;
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        ctx.problem(child(name) + "[" + i + "]", "must be a string, was " + e);
      } else {
        out.add(e.textValue());
      }
    }
    return out;
  }

  /** An object of key → decimal. */
  Map<String, BigDecimal> decimals(String name, Sign sign) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    Section s = object(name);
    for (String key : s.keys()) {
      BigDecimal d = s.decimalChecked(key, s.entry(key), null, sign);
      if (d != null) {
        out.put(key, d);
      }
    }
    return out;
  }

  /** An object of key → integer. */
  Map<String, Integer> integers(String name, long min, long max) {
    Map<String, Integer> out = new LinkedHashMap<>();
    Section s = object(name);
    for (String key : s.keys()) {
      Long v = s.longOf(key, s.entry(key), null, min, max);
      if (v != null) {
        out.put(key, (int) (long) v);
      }
    }
    return out;
  }

  /**
   * An object of key → scalar, as text (venue options). {@code envKeys} are keys an environment
   * override may add although the file does not have them.
   */
  Map<String, String> scalars(String name, Set<String> envKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    Section s = object(name);
    Set<String> keys = new LinkedHashSet<>(s.keys());
    keys.addAll(envKeys);
    for (String key : keys) {
      JsonNode v = s.entry(key);
      if (v == null) {
        continue;
      }
      if (v.isValueNode() && !v.isNull()) {
        out.put(key, v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
      } else {
        s.problem(key, "must be a string, number or boolean, was " + v);
      }
    }
    return out;
  }

  /** A nested object; an empty section when absent (so its defaults and overrides apply). */
  Section object(String name) {
    return object(name, name);
  }

  Section object(String name, String schemaName) {
    JsonNode n = raw(name);
    String childSchema = schema.isEmpty() ? schemaName : schema + "." + schemaName;
    if (n != null && !n.isNull() && !n.isObject()) {
      problem(name, "must be an object, was " + n.getNodeType().name().toLowerCase(Locale.ROOT));
      n = null;
    }
    return new Section(
        ctx, n == null || n.isNull() ? null : (ObjectNode) n, child(name), childSchema);
  }

  /** Entries of a map of objects ({@code venues}, {@code risk.instruments}), in file order. */
  Map<String, Section> entries(String name, String keyPlaceholder) {
    Section s = object(name);
    Map<String, Section> out = new LinkedHashMap<>();
    for (String key : s.keys()) {
      JsonNode v = s.node.get(key);
      if (!v.isObject()) {
        s.problem(key, "must be an object");
        continue;
      }
      out.put(key, new Section(ctx, (ObjectNode) v, s.child(key), s.schema + "." + keyPlaceholder));
    }
    return out;
  }

  private boolean wholeMap;

  /** The keys of this object (a map), comments skipped; every key counts as known. */
  List<String> keys() {
    wholeMap = true;
    List<String> out = new ArrayList<>();
    if (node != null) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!isComment(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** A map entry's node after environment overrides, without recording it as a setting. */
  private JsonNode entry(String key) {
    String override = ctx.env.take(child(key));
    if (override != null) {
      return envNode(key, override);
    }
    return node == null ? null : node.get(key);
  }

  /** Reports every field that no accessor asked for. */
  void finish() {
    if (node == null || wholeMap) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!isComment(k) && !known.contains(k)) {
        String hint = Suggest.closest(k, known);
        ctx.problem(
            child(k),
            "unknown field"
                + (hint == null ? "" : " (did you mean " + hint + "?)")
                + "; known: "
                + new TreeSet<>(known));
      }
    }
  }
}
