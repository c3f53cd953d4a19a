package io.tradeserver.nats;

import io.tradeserver.testing.Await;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} child process on a free loopback port with JetStream and a temporary
 * store directory, which can be stopped and started again on the same port and store (a server
 * restart). Fails, never skips, when the binary is missing.
 */
public final class NatsServerProcess implements AutoCloseable {
  private final Path binary;
  private final Path storeDir;
  private final Path logFile;
  private final int port;
  private Process process;

  public NatsServerProcess() {
    this.binary = locate();
    try {
      this.storeDir = Files.createTempDirectory("nats-js-");
      this.logFile = Files.createTempFile("nats-server-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = freePort();
    start();
  }

  /** The binary on PATH (or /usr/sbin), else an AssertionError saying how to get it. */
  static Path locate() {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, "nats-server");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        "nats-server is not on PATH (nor in /usr/sbin): the NATS bridge tests need a real server."
            + " Install it (Debian: apt-get install nats-server) and run the tests again.");
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                binary.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                storeDir.toString()));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    Await.until(
        Duration.ofSeconds(10),
        () -> process.isAlive() && accepts(),
        () -> "nats-server did not listen on " + port + "; log: " + log());
  }

  /** Stops the server (SIGTERM, then kill) and waits for the port to be free. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    Await.until(Duration.ofSeconds(10), () -> !accepts(), () -> "port " + port + " still open");
  }

  void restart() {
    stop();
    start();
  }

  String log() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(storeDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      Files.deleteIfExists(logFile);
    } catch (IOException e) {
      // temp files: nothing to do
    }
  }
}
