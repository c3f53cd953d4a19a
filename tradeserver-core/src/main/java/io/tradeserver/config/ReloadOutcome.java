package io.tradeserver.config;

import io.tradeserver.engine.ControlResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one {@link ConfigWatcher#check()} did.
 *
 * @param status whether the file changed and what became of it
 * @param applied what was swapped in ({@code risk}, {@code venues.kraken.enabled=false})
 * @param restartRequired changes found that only take effect after a restart
 * @param problems why the file was refused (REFUSED only)
 * @param completion completes with the engine's answers once the swaps have run on the engine
 *     thread (already complete when nothing was sent)
 */
public record ReloadOutcome(
    Status status,
    List<String> applied,
    List<String> restartRequired,
    List<ConfigProblem> problems,
    CompletableFuture<List<ControlResult>> completion) {

  /** Outcome kinds. */
  public enum Status {
    /** The file is as last seen; nothing done. */
    UNCHANGED,
    /** The file is valid; its runtime-changeable settings were sent to the engine. */
    APPLIED,
    /** The file is invalid; nothing changed and the previous configuration stays in force. */
    REFUSED
  }

  public ReloadOutcome {
    applied = List.copyOf(applied);
    restartRequired = List.copyOf(restartRequired);
    problems = List.copyOf(problems);
  }

  static ReloadOutcome unchanged() {
    return new ReloadOutcome(
        Status.UNCHANGED,
        List.of(),
        List.of(),
        List.of(),
        CompletableFuture.completedFuture(List.of()));
  }
}
