package io.tradeserver.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration: where (a JSON path such as {@code
 * venues.binance.options.recvWindow}) and what. The message never contains a secret value: a value
 * found where a secret reference belongs is described, not quoted.
 *
 * @param path dotted JSON path of the offending field, or {@code ""} for the whole file
 * @param message what is wrong, e.g. {@code must be 1..60000, was 90000}
 */
public record ConfigProblem(String path, String message) {
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
