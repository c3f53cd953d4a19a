package io.tradeserver.config;

import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.TradeServer;
import io.tradeserver.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload: re-reads the configuration file when its content changes. A valid file's risk
 * configuration (limits, totals, strategy rates, breakers) and venue switches are swapped in on the
 * engine thread through {@link TradeServer#reloadRisk} and {@link TradeServer#setVenueEnabled}
 * (venues being disabled first, then risk, then venues being enabled); other changes are reported
 * as needing a restart. An invalid file is refused whole: its problems are logged, published as a
 * {@code LIMITS_REFUSED} risk event and given to the listener, and the configuration in force
 * stays.
 *
 * <p>The file is polled (its content compared by digest) rather than watched with a {@code
 * WatchService}: polling sees atomic renames and Kubernetes ConfigMap symlink swaps alike, and a
 * test drives it by calling {@link #check()} (or advancing a {@code ManualScheduler}) without
 * sleeping. Thread-safe; {@link #check()} calls are serialized.
 */
public final class ConfigWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
  private static final int MAX_EVENT_DETAIL = 2000;

  private final Path file;
  private final ConfigLoader loader;
  private final TradeServer server;
  private final ConfigReloadListener listener;
  private volatile TradeServerConfig current;
  private byte[] seen;
  private volatile Scheduler.Cancellable task;

  private ConfigWatcher(
      Path file,
      TradeServerConfig current,
      TradeServer server,
      ConfigLoader loader,
      ConfigReloadListener listener) {
    this.file = Objects.requireNonNull(file, "file");
    this.current = Objects.requireNonNull(current, "current");
    this.server = Objects.requireNonNull(server, "server");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.listener = listener == null ? new ConfigReloadListener() {} : listener;
    this.seen = digest(file);
  }

  /**
   * Watches {@code file}, polling every second on {@code scheduler}, with the process environment's
   * overrides.
   *
   * @param current the configuration {@code server} was built from (compared against)
   * @param listener told of every reload, or null
   */
  public static ConfigWatcher start(
      Path file,
      TradeServerConfig current,
      TradeServer server,
      Scheduler scheduler,
      ConfigReloadListener listener) {
    return create(file, current, server, ConfigLoader.standard(), listener)
        .schedule(scheduler, Duration.ofSeconds(1));
  }

  /** A watcher that does nothing until {@link #check()} is called or it is scheduled. */
  public static ConfigWatcher create(
      Path file,
      TradeServerConfig current,
      TradeServer server,
      ConfigLoader loader,
      ConfigReloadListener listener) {
    return new ConfigWatcher(file, current, server, loader, listener);
  }

  /** Calls {@link #check()} every {@code interval} on {@code scheduler}'s thread until closed. */
  public ConfigWatcher schedule(Scheduler scheduler, Duration interval) {
    task = scheduler.scheduleAtFixedRate(interval.toNanos(), this::checkQuietly);
    return this;
  }

  /** The configuration in force: the last valid file. */
  public TradeServerConfig current() {
    return current;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      log.error("config reload check of {} failed", file, e);
    }
  }

  /**
   * Reads the file; when its content differs from the last content seen, applies or refuses it.
   * Does not wait for the engine: the outcome's {@code completion} does.
   */
  public synchronized ReloadOutcome check() {
    byte[] digest = digest(file);
    if (Arrays.equals(digest, seen)) {
      return ReloadOutcome.unchanged();
    }
    seen = digest;
    TradeServerConfig next;
    try {
      next = loader.read(file);
    } catch (ConfigException e) {
      return refuse(e.problems());
    }
    return apply(next);
  }

  private ReloadOutcome refuse(List<ConfigProblem> problems) {
    String list = problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    log.warn(
        "config {} refused, the previous configuration stays in force: {}",
        file,
        problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    String detail = "config " + file.getFileName() + " refused: " + list;
    if (detail.length() > MAX_EVENT_DETAIL) {
      detail = detail.substring(0, MAX_EVENT_DETAIL - 1) + "…";
    }
    CompletableFuture<ControlResult> published = server.refuseRiskReload(detail);
    listener.onRefused(problems);
    return new ReloadOutcome(
        ReloadOutcome.Status.REFUSED,
        List.of(),
        List.of(),
        problems,
        published.thenApply(List::of));
  }

  private ReloadOutcome apply(TradeServerConfig next) {
    ConfigDiff diff = ConfigDiff.between(current, next, server.venues());
    List<String> applied = new ArrayList<>();
    List<CompletableFuture<ControlResult>> sent = new ArrayList<>();
    String cause = "config " + file.getFileName() + " reloaded";
    for (Map.Entry<String, Boolean> e : diff.venueSwitches().entrySet()) {
      if (!e.getValue()) {
        sent.add(server.setVenueEnabled(e.getKey(), false, cause));
        applied.add("venues." + e.getKey() + ".enabled=false");
      }
    }
    if (diff.risk() != null) {
      sent.add(server.reloadRisk(diff.risk()));
      applied.add("risk");
    }
    for (Map.Entry<String, Boolean> e : diff.venueSwitches().entrySet()) {
      if (e.getValue()) {
        sent.add(server.setVenueEnabled(e.getKey(), true, cause));
        applied.add("venues." + e.getKey() + ".enabled=true");
      }
    }
    current = next;
    if (diff.isEmpty()) {
      log.info("config {} changed, nothing to apply", file);
    } else {
      log.info(
          "config {} reloaded: applied {}{}",
          file,
          applied,
          diff.restartRequired().isEmpty()
              ? ""
              : "; needs a restart to take effect: " + diff.restartRequired());
    }
    listener.onApplied(next, applied, diff.restartRequired());
    CompletableFuture<List<ControlResult>> all =
        CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
            .thenApply(v -> sent.stream().map(CompletableFuture::join).toList());
    return new ReloadOutcome(
        ReloadOutcome.Status.APPLIED, applied, diff.restartRequired(), List.of(), all);
  }

  /** SHA-256 of the file, or a marker of why it could not be read (so a change is seen once). */
  private static byte[] digest(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      content = ("\0unreadable:" + e.getClass().getName()).getBytes();
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** Stops polling. */
  @Override
  public void close() {
    Scheduler.Cancellable t = task;
    if (t != null) {
      t.cancel();
    }
  }
}
