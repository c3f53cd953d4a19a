package io.tradeserver.config;

import java.util.List;

/**
 * Told what a {@link ConfigWatcher} did with a changed file. Methods do nothing by default; they
 * run on the thread that called {@link ConfigWatcher#check()} (the scheduler's timer thread), must
 * be quick and must not throw. Problems and changes never contain secret values.
 */
public interface ConfigReloadListener {
  /**
   * A valid new file was read and its runtime-changeable parts sent to the engine.
   *
   * @param config the new configuration, now the one compared against
   * @param applied what was swapped in
   * @param restartRequired changes that only take effect after a restart
   */
  default void onApplied(
      TradeServerConfig config, List<String> applied, List<String> restartRequired) {}

  /** A changed file was refused; the configuration in force is unchanged. */
  default void onRefused(List<ConfigProblem> problems) {}
}
