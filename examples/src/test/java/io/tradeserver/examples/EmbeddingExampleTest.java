package io.tradeserver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

  @Test
  void theExampleTradesOnTheSimulatedVenue() throws Exception {
    assertThat(EmbeddingExample.run()).isPositive();
  }

  @Test
  void theReadmeShowsExactlyTheCompiledExample() throws Exception {
    String source =
        Files.readString(Path.of("src/main/java/io/tradeserver/examples/EmbeddingExample.java"));
    String snippet =
        source.substring(
            source.indexOf("// README:begin") + "// README:begin".length(),
            source.indexOf("// README:end"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(normalize(readme))
        .as("README.md must contain the example between the markers")
        .contains(normalize(snippet));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
