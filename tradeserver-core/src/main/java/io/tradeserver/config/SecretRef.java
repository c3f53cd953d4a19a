package io.tradeserver.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a secret, never the secret itself: {@code env:NAME}, {@code file:/path}
 * (optionally {@code file:/path#field} for a JSON file), {@code aws:secret-id#json-field}, or
 * {@code scheme:location} for a third-party {@link SecretResolver}. References are not secret and
 * show in {@link #toString()}, logs and error messages; the values they point to never do.
 *
 * @param scheme resolver scheme, lower case ({@code env}, {@code file}, {@code aws})
 * @param location what the scheme locates: a variable name, an absolute path, a secret id
 * @param field a field inside a JSON secret, or null for the whole value
 */
public record SecretRef(String scheme, String location, String field) {
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,15}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** What a reference must look like, for error messages. */
  public static final String FORMS = "env:NAME, file:/absolute/path, aws:secret-id#field";

  public SecretRef {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(location, "location");
  }

  /**
   * Parses a reference. The error message never repeats {@code text}: a string that is not a
   * reference may be a pasted key.
   *
   * @throws IllegalArgumentException when {@code text} is not a well-formed reference
   */
  public static SecretRef parse(String text) {
    Optional<String> problem = problem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    int colon = text.indexOf(':');
    String scheme = text.substring(0, colon);
    String rest = text.substring(colon + 1);
    int hash = rest.lastIndexOf('#');
    if (hash < 0 || scheme.equals("env")) {
      return new SecretRef(scheme, rest, null);
    }
    return new SecretRef(scheme, rest.substring(0, hash), rest.substring(hash + 1));
  }

  /**
   * Why {@code text} is not a well-formed reference, or empty when it is. Never quotes {@code text}
   * beyond a known scheme name.
   */
  public static Optional<String> problem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of("must be a secret reference (" + FORMS + "), was empty");
    }
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? "" : text.substring(0, colon);
    if (colon < 0 || !SCHEME.matcher(scheme).matches()) {
      return Optional.of(
          "must be a secret reference ("
              + FORMS
              + "); literal secrets are not allowed in the file (value not shown)");
    }
    String rest = text.substring(colon + 1);
    switch (scheme) {
      case "env":
        return ENV_NAME.matcher(rest).matches()
            ? Optional.empty()
            : Optional.of("env: reference needs a variable name [A-Za-z_][A-Za-z0-9_]*");
      case "file":
        return rest.startsWith("/") || rest.matches("[A-Za-z]:[\\\\/].*")
            ? fieldProblem(rest)
            : Optional.of("file: reference needs an absolute path");
      case "aws":
        if (rest.isEmpty() || rest.startsWith("#")) {
          return Optional.of("aws: reference needs a secret id (aws:secret-id#field)");
        }
        return fieldProblem(rest);
      default:
        return rest.isEmpty()
            ? Optional.of(scheme + ": reference needs a location")
            : Optional.empty();
    }
  }

  private static Optional<String> fieldProblem(String rest) {
    return rest.endsWith("#")
        ? Optional.of("the #field after the location is empty")
        : Optional.empty();
  }

  /** The reference as written, e.g. {@code aws:prod/binance#secret}. */
  @Override
  public String toString() {
    return scheme + ":" + location + (field == null ? "" : "#" + field);
  }
}
