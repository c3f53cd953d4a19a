package io.tradeserver.engine;

import io.tradeserver.paper.PaperExchangeClient;
import io.tradeserver.spi.Capability;
import io.tradeserver.spi.ExchangeClient;
import io.tradeserver.spi.ExchangeClientProvider;
import io.tradeserver.spi.VenueConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds the venues a {@link TradeServer} trades on: providers found with ServiceLoader create
 * clients from their configuration (wrapped for paper trading when asked), clients built outside
 * are taken as they are, and every configuration problem is reported together.
 *
 * @param states the engine's view of each enabled venue
 * @param clients the clients, in the same order
 * @param factories how each provider-built venue is built again (credential rotation)
 */
record VenueAssembly(
    List<VenueState> states, List<ExchangeClient> clients, Map<String, Factory> factories) {

  /** What rebuilding a venue's client needs. */
  record Factory(ExchangeClientProvider provider, VenueConfig config, TradeServerBuilder builder) {}

  /**
   * @param venues each entry {VenueConfig, ExchangeClient or null}
   * @throws IllegalArgumentException naming every venue that cannot be built, and why
   */
  static VenueAssembly assemble(List<Object[]> venues, TradeServerBuilder builder) {
    Map<String, ExchangeClientProvider> providers = new HashMap<>();
    for (ExchangeClientProvider p : ServiceLoader.load(ExchangeClientProvider.class)) {
      providers.putIfAbsent(p.id(), p);
    }
    List<String> problems = new ArrayList<>();
    VenueAssembly built = new VenueAssembly(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
    for (Object[] v : venues) {
      VenueConfig cfg = (VenueConfig) v[0];
      if (cfg.enabled()) {
        built.add(cfg, (ExchangeClient) v[1], providers, builder, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return built;
  }

  private void add(
      VenueConfig cfg,
      ExchangeClient given,
      Map<String, ExchangeClientProvider> providers,
      TradeServerBuilder builder,
      List<String> problems) {
    ExchangeClient client = given;
    if (client == null) {
      ExchangeClientProvider p = providers.get(cfg.provider());
      if (p == null) {
        problems.add(
            "venue "
                + cfg.venue()
                + ": no provider '"
                + cfg.provider()
                + "' on the classpath (have "
                + providers.keySet()
                + ")");
        return;
      }
      try {
        client =
            cfg.paper()
                ? PaperExchangeClient.create(p, builder.venueContext(cfg))
                : p.create(builder.venueContext(cfg));
        factories.put(cfg.venue(), new Factory(p, cfg, builder));
      } catch (IllegalArgumentException e) {
        problems.add("venue " + cfg.venue() + ": " + e.getMessage());
        return;
      }
    }
    boolean paper = cfg.paper() || "sim".equals(cfg.provider());
    VenueState state =
        new VenueState(client, cfg.takerFeeBps(), cfg.symbols(), cfg.bookDepth(), paper);
    if (cfg.deadManSwitch() != null) {
      if (!client.capabilities().contains(Capability.DEAD_MAN_SWITCH)) {
        problems.add(
            "venue "
                + cfg.venue()
                + ": deadManSwitch is set but "
                + cfg.provider()
                + " has no dead-man switch");
        return;
      }
      state.deadManSwitchNanos = cfg.deadManSwitch().toNanos();
    }
    states.add(state);
    clients.add(client);
  }
}
