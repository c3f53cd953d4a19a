package io.tradeserver.paper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated venue: instruments, price process, latency, fees, balances and fault injection. Fault
 * rates are in parts per million of submits, so tests can set exact 0 or 1,000,000.
 *
 * @param venue venue id ({@code sim}, {@code sim-a})
 * @param instruments markets listed
 * @param seed random seed; the same seed gives the same run
 * @param priceOffsetBps this venue's standing price bias from the shared market, in bps
 * @param marketStep how often prices move and books are published
 * @param latency delay from a command to the venue's answer
 * @param takerFeeBps fee for taking liquidity, in quote currency
 * @param makerFeeBps fee for resting orders that fill
 * @param balances initial holdings per asset
 * @param rejectPpm submits refused (venue code SIM-REJECT)
 * @param timeoutPpm submits whose answer is lost: SubmitUnknown, the venue keeps the order
 * @param disconnectPpm submits that also drop the private stream until {@code disconnectFor} passes
 * @param disconnectFor how long a dropped private stream stays down; fills wait until it is back
 * @param staleAfter stop publishing books after this long (null: never), to exercise stale-data
 *     checks
 */
public record SimConfig(
    String venue,
    List<SimInstrument> instruments,
    long seed,
    int priceOffsetBps,
    Duration marketStep,
    Duration latency,
    BigDecimal takerFeeBps,
    BigDecimal makerFeeBps,
    Map<String, String> balances,
    int rejectPpm,
    int timeoutPpm,
    int disconnectPpm,
    Duration disconnectFor,
    Duration staleAfter) {

  public SimConfig {
    List<String> p = new ArrayList<>();
    if (venue == null || venue.isBlank()) {
      p.add("venue is required");
    }
    if (instruments == null || instruments.isEmpty()) {
      p.add("at least one instrument is required");
    }
    if (marketStep == null || marketStep.isZero() || marketStep.isNegative()) {
      p.add("marketStep must be > 0");
    }
    if (latency == null || latency.isNegative()) {
      p.add("latency must be >= 0");
    }
    for (int ppm : new int[] {rejectPpm, timeoutPpm, disconnectPpm}) {
      if (ppm < 0 || ppm > 1_000_000) {
        p.add("fault rates must be 0..1000000 ppm");
        break;
      }
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid sim config: " + String.join("; ", p));
    }
    instruments = List.copyOf(instruments);
    balances = Map.copyOf(balances == null ? Map.of() : balances);
    takerFeeBps = takerFeeBps == null ? BigDecimal.TEN : takerFeeBps;
    makerFeeBps = makerFeeBps == null ? BigDecimal.TEN : makerFeeBps;
    disconnectFor = disconnectFor == null ? Duration.ofSeconds(2) : disconnectFor;
  }

  /** BTC-USDT and ETH-USDT, 100 ms steps, no latency, no faults, 1M USDT / 20 BTC / 300 ETH. */
  public static Builder builder(String venue) {
    return new Builder(venue);
  }

  /** Builder with the defaults above. */
  public static final class Builder {
    private final String venue;
    private List<SimInstrument> instruments =
        List.of(SimInstrument.btcUsdt(), SimInstrument.ethUsdt());
    private long seed = 42;
    private int priceOffsetBps;
    private Duration marketStep = Duration.ofMillis(100);
    private Duration latency = Duration.ZERO;
    private BigDecimal takerFeeBps = BigDecimal.TEN;
    private BigDecimal makerFeeBps = new BigDecimal("5");
    private Map<String, String> balances =
        new LinkedHashMap<>(Map.of("USDT", "1000000", "BTC", "20", "ETH", "300"));
    private int rejectPpm;
    private int timeoutPpm;
    private int disconnectPpm;
    private Duration disconnectFor = Duration.ofSeconds(2);
    private Duration staleAfter;

    private Builder(String venue) {
      this.venue = venue;
    }

    public Builder instruments(List<SimInstrument> v) {
      instruments = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder priceOffsetBps(int v) {
      priceOffsetBps = v;
      return this;
    }

    public Builder marketStep(Duration v) {
      marketStep = v;
      return this;
    }

    public Builder latency(Duration v) {
      latency = v;
      return this;
    }

    public Builder takerFeeBps(BigDecimal v) {
      takerFeeBps = v;
      return this;
    }

    public Builder makerFeeBps(BigDecimal v) {
      makerFeeBps = v;
      return this;
    }

    public Builder balances(Map<String, String> v) {
      balances = v;
      return this;
    }

    public Builder rejectPpm(int v) {
      rejectPpm = v;
      return this;
    }

    public Builder timeoutPpm(int v) {
      timeoutPpm = v;
      return this;
    }

    public Builder disconnectPpm(int v) {
      disconnectPpm = v;
      return this;
    }

    public Builder disconnectFor(Duration v) {
      disconnectFor = v;
      return this;
    }

    public Builder staleAfter(Duration v) {
      staleAfter = v;
      return this;
    }

    public SimConfig build() {
      return new SimConfig(
          venue,
          instruments,
          seed,
          priceOffsetBps,
          marketStep,
          latency,
          takerFeeBps,
          makerFeeBps,
          balances,
          rejectPpm,
          timeoutPpm,
          disconnectPpm,
          disconnectFor,
          staleAfter);
    }
  }
}
