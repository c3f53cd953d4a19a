package io.tradeserver.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** State of one load: problems found, environment overrides, the settings read. */
final class LoadContext {
  final EnvOverrides env;
  final SecretResolvers resolvers;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> schemaPaths = new LinkedHashSet<>();
  private final List<Section> sections = new ArrayList<>();

  LoadContext(EnvOverrides env, SecretResolvers resolvers) {
    this.env = env;
    this.resolvers = resolvers;
  }

  void problem(String path, String message) {
    String source = env.source(path);
    problems.add(
        new ConfigProblem(path, source == null ? message : message + " (from " + source + ")"));
  }

  void register(Section s) {
    sections.add(s);
  }

  /** Reports unknown fields of every section read, then overrides that matched nothing. */
  void finish() {
    sections.forEach(Section::finish);
    for (String name : env.unused()) {
      problems.add(new ConfigProblem(name, "environment override matches no setting"));
    }
  }

  void schema(String path) {
    schemaPaths.add(path);
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  /** Every setting the loader knows, as generic paths ({@code venues.<venue>.enabled}). */
  Set<String> schemaPaths() {
    return schemaPaths;
  }
}
