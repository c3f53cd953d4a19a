package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Debian Chromium for report tests. A missing browser fails the test with instructions; it
 * is never skipped. The browser gets a throw-away profile and no background networking.
 */
final class Chromium {
  private Chromium() {}

  /** The browser binary: {@code $CHROMIUM}, else {@code /usr/bin/chromium}. */
  static Path binary() {
    String override = System.getenv("CHROMIUM");
    Path p = Path.of(override != null && !override.isBlank() ? override : "/usr/bin/chromium");
    if (!Files.isExecutable(p)) {
      fail(
          "the report test needs Chromium at "
              + p
              + " (Debian: apt-get install -y chromium; or set CHROMIUM=/path/to/chromium)");
    }
    return p;
  }

  /** Loads {@code html} and returns the DOM after its scripts ran. */
  static String dumpDom(Path html, Path workDir) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    Path out = workDir.resolve("dom.html");
    Path err = workDir.resolve("chromium.err");
    Process p =
        new ProcessBuilder(
                List.of(
                    binary().toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--dump-dom",
                    html.toUri().toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 90 s; stderr: " + Files.readString(err));
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || dom.isBlank()) {
      fail("chromium exited " + p.exitValue() + "; stderr: " + Files.readString(err));
    }
    return dom;
  }
}
