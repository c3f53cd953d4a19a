package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link SecretLeakRun} in its own JVM with every logger at TRACE and captures everything it
 * writes (logs go to stderr, events and errors to stdout), then looks for the key and the secret.
 */
class SecretLeakTest {
  static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @TempDir Path dir;

  @Test
  void noKeyOrSecretAppearsInAnyOutputOfAFullRun() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                SecretLeakRun.class.getName(),
                dir.toString())
            .redirectErrorStream(true);
    pb.environment().put("LEAK_API_KEY", KEY);
    pb.environment().put("LEAK_SECRET", SECRET);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(out, StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    // The run did what it claims: traded, reloaded, refused, refreshed.
    assertThat(output)
        .contains("LEAK-RUN-DONE")
        .contains("status=FILLED")
        .contains("LIMITS_RELOADED")
        .contains("LIMITS_REFUSED")
        .contains("venues.sim-b.credentials.secret: must be a secret reference")
        .contains("is readable by others")
        .contains("refresh: Refresh[result=UNCHANGED")
        .contains("DEBUG")
        .contains("Secret[****]");
    for (String s : List.of(KEY.substring(0, KEY.length() - 4), SECRET)) {
      for (int i = 0; i + 8 <= s.length(); i++) {
        assertThat(output)
            .as("8 characters of a key or secret")
            .doesNotContain(s.substring(i, i + 8));
      }
    }
  }
}
