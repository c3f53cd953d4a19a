package io.tradeserver.examples;

/**
 * The {@code tradeserver} command: {@code demo} runs the embedded default with simulated venues;
 * {@code run --config FILE} runs the service. Exit codes: 0 success, 1 failed check, 2 bad usage.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      code = 2;
    } catch (Exception e) {
      e.printStackTrace(System.err);
      code = 1;
    }
    System.exit(code);
  }

  static int run(String... args) throws Exception {
    Options o = Options.parse(args);
    return switch (o.command()) {
      case "demo" -> new DemoCommand(o, System.out).run();
      default ->
          throw new IllegalArgumentException(
              "'run' needs the configuration loader; not in this build");
    };
  }
}
