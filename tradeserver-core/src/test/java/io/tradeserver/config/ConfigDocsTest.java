package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.engine.EngineConfig;
import io.tradeserver.order.OrderManagerConfig;
import io.tradeserver.risk.BreakerConfig;
import io.tradeserver.risk.Limits;
import io.tradeserver.risk.RiskConfig;
import io.tradeserver.spi.VenueConfig;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md true: every setting the loader reads and every record field. */
class ConfigDocsTest {
  static final Path DOC = Path.of("../docs/configuration.md");

  static Set<String> documented() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    String text = Files.readString(DOC).replaceAll("(?s)```.*?```", "");
    Matcher m = Pattern.compile("`([^`]+)`").matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Settings the loader reads, as generic paths, limits folded into {@code <limits>}. */
  static Set<String> read() throws IOException {
    Set<String> out = new TreeSet<>();
    ConfigLoader loader = ConfigLoaderTest.loader(Map.of());
    for (String json : List.of(Files.readString(Path.of("../config/sample.json")), "{}")) {
      ConfigLoader.Loaded l = loader.load(json, "doc");
      assertThat(l.problems()).isEmpty();
      for (String p : l.schema()) {
        out.add(
            p.replaceFirst(
                    "^risk\\.(global|venues\\.<venue>|instruments\\.<instrument>)\\.", "<limits>.")
                .replaceFirst("^secrets\\.aws$", "secrets.<scheme>"));
      }
    }
    return out;
  }

  @Test
  void everySettingTheLoaderReadsIsDocumented() throws IOException {
    Set<String> read = read();
    assertThat(read).contains("venues.<venue>.options", "<limits>.maxOrderNotional", "nats.url");
    assertThat(documented()).containsAll(read);
  }

  @Test
  void everyOptionOfTheKnownProvidersIsDocumented() throws IOException {
    String doc = Files.readString(DOC);
    VenueOptionSpecs.PROVIDERS.forEach(
        (provider, spec) ->
            spec.options()
                .keySet()
                .forEach(k -> assertThat(doc).contains("| " + provider + " | `" + k + "` |")));
  }

  @Test
  void everyFieldOfTheRecordsIsReadAndDocumented() throws IOException {
    Map<Class<?>, String> prefixes = new LinkedHashMap<>();
    prefixes.put(TradeServerConfig.class, "");
    prefixes.put(EngineConfig.class, "engine.");
    prefixes.put(OrderManagerConfig.class, "engine.orders.");
    prefixes.put(RiskConfig.class, "risk.");
    prefixes.put(Limits.class, "<limits>.");
    prefixes.put(BreakerConfig.class, "risk.breakers.");
    prefixes.put(VenueConfig.class, "venues.<venue>.");
    prefixes.put(CredentialRefs.class, "venues.<venue>.credentials.");
    prefixes.put(NatsSettings.class, "nats.");
    prefixes.put(MetricsSettings.class, "metrics.");
    prefixes.put(RoutingSettings.class, "routing.");
    prefixes.put(ArbitrageSettings.class, "arbitrage.");
    prefixes.put(DemoSettings.class, "demo.");
    Map<String, String> renamed =
        Map.of(
            "venues.<venue>.venue", "venues",
            "risk.global", "<limits>.maxOrderNotional");
    Set<String> read = read();
    Set<String> doc = documented();
    for (var e : prefixes.entrySet()) {
      for (RecordComponent c : e.getKey().getRecordComponents()) {
        String path = e.getValue() + c.getName();
        path = renamed.getOrDefault(path, path);
        assertThat(read).as("loader reads " + path).contains(path);
        assertThat(doc).as("docs/configuration.md documents " + path).contains(path);
      }
    }
    for (RecordComponent c : PaperSettings.class.getRecordComponents()) {
      String path =
          c.getName().equals("enabled") ? "venues.<venue>.paper" : "venues.<venue>.paperBalances";
      assertThat(read).contains(path);
      assertThat(doc).contains(path);
    }
  }
}
