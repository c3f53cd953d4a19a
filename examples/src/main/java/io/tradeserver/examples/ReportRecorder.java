package io.tradeserver.examples;

import io.tradeserver.engine.ArbitrageOpportunity;
import io.tradeserver.engine.ArbitrageOutcome;
import io.tradeserver.engine.StatusSnapshot;
import io.tradeserver.engine.TradeServerListener;
import io.tradeserver.model.Fill;
import io.tradeserver.model.Order;
import io.tradeserver.model.Position;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the run report shows beyond the meters: the latest fills, arbitrage opportunities
 * and outcomes (the most recent {@value #KEEP} of each, with totals), and a P&L sample over time.
 * Listener methods run on the engine thread; {@link #sample} on the demo's thread; reads happen
 * after the run. Synchronized, as the two writers differ.
 */
final class ReportRecorder implements TradeServerListener {
  static final int KEEP = 500;
  private final ArrayDeque<Fill> fills = new ArrayDeque<>();
  private final ArrayDeque<ArbitrageOpportunity> opportunities = new ArrayDeque<>();
  private final ArrayDeque<ArbitrageOutcome> outcomes = new ArrayDeque<>();
  private final List<Sample> samples = new ArrayList<>();
  private long fillCount;
  private long opportunityCount;

  /** P&L at one moment, per quote currency. */
  record Sample(double seconds, Map<String, BigDecimal> net, Map<String, BigDecimal> realized) {}

  @Override
  public synchronized void onFill(Fill fill, Order order, boolean reconciled) {
    fillCount++;
    keep(fills, fill);
  }

  @Override
  public synchronized void onArbitrage(ArbitrageOpportunity opportunity) {
    opportunityCount++;
    keep(opportunities, opportunity);
  }

  @Override
  public synchronized void onArbitrageOutcome(ArbitrageOutcome outcome) {
    keep(outcomes, outcome);
  }

  /** Records the P&L of a status snapshot taken {@code seconds} into the run. */
  synchronized void sample(double seconds, StatusSnapshot s) {
    Map<String, BigDecimal> realized = new TreeMap<>();
    for (Position p : s.positions()) {
      realized.merge(p.instrumentId().quote(), p.realizedPnl().subtract(p.fees()), BigDecimal::add);
    }
    samples.add(new Sample(seconds, new TreeMap<>(s.netPnlByQuote()), realized));
  }

  synchronized List<Fill> fills() {
    return List.copyOf(fills);
  }

  synchronized long fillCount() {
    return fillCount;
  }

  synchronized List<ArbitrageOpportunity> opportunities() {
    return List.copyOf(opportunities);
  }

  synchronized long opportunityCount() {
    return opportunityCount;
  }

  synchronized List<ArbitrageOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  private static <T> void keep(ArrayDeque<T> q, T item) {
    if (q.size() == KEEP) {
      q.pollFirst();
    }
    q.addLast(item);
  }
}
