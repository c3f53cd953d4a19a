package io.tradeserver.kraken.internal;

import io.tradeserver.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Kraken nonces for one API key: strictly increasing across threads ({@code max(last + 1, clock
 * micros)}), and across restarts because they follow the wall clock in microseconds; with a {@code
 * nonceFile} a floor is also persisted so a clock that steps back after a restart cannot reuse a
 * nonce. The floor is reserved ahead in 10-second blocks, so the file is written at most once per
 * 10 s of nonces. Thread-safe. One key per process: another process on the same key cannot see this
 * counter.
 */
final class NonceSource {
  private static final long RESERVE_MICROS = 10_000_000L;

  private final Clock clock;
  private final Path floorFile;
  private long last;
  private long reserved;

  NonceSource(Clock clock, Path floorFile) {
    this.clock = clock;
    this.floorFile = floorFile;
    long floor = floorFile == null ? 0 : readFloor(floorFile);
    this.last = floor;
    this.reserved = floor;
  }

  /** The next nonce: greater than every nonce this source returned before. */
  synchronized long next() {
    long n = Math.max(last + 1, clock.nanos() / 1_000L);
    last = n;
    if (floorFile != null && n >= reserved) {
      reserved = n + RESERVE_MICROS;
      writeFloor(floorFile, reserved);
    }
    return n;
  }

  synchronized long last() {
    return last;
  }

  private static long readFloor(Path file) {
    try {
      if (!Files.exists(file)) {
        return 0;
      }
      String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return s.isEmpty() ? 0 : Long.parseLong(s);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read nonce floor " + file, e);
    }
  }

  private static void writeFloor(Path file, long value) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Long.toString(value), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist nonce floor " + file, e);
    }
  }
}
