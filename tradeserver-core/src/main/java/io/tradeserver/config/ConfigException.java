package io.tradeserver.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration was refused. Carries every problem found (not just the first), each with its JSON
 * path; the message lists them one per line. Never contains a secret value.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public ConfigException(String source, List<ConfigProblem> problems) {
    super(format(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order found (file order, then cross-field checks). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(String source, List<ConfigProblem> problems) {
    return source
        + ": "
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
  }
}
