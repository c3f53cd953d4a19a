package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.engine.TradeServer;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.ManualScheduler;
import io.tradeserver.time.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @TempDir Path dir;

  Path secretFile(String name, String content, String mode) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return p;
  }

  @Test
  void referencesParseIntoSchemeLocationAndField() {
    assertThat(SecretRef.parse("env:BINANCE_SECRET"))
        .isEqualTo(new SecretRef("env", "BINANCE_SECRET", null));
    assertThat(SecretRef.parse("file:/run/secrets/k"))
        .isEqualTo(new SecretRef("file", "/run/secrets/k", null));
    assertThat(SecretRef.parse("aws:prod/binance#secret"))
        .isEqualTo(new SecretRef("aws", "prod/binance", "secret"));
    assertThat(SecretRef.parse("aws:prod/binance")).hasToString("aws:prod/binance");
    assertThat(SecretRef.problem("env:1BAD"))
        .contains("env: reference needs a variable name [A-Za-z_][A-Za-z0-9_]*");
    assertThat(SecretRef.problem("file:relative/path"))
        .contains("file: reference needs an absolute path");
    assertThat(SecretRef.problem("aws:#field"))
        .contains("aws: reference needs a secret id (aws:secret-id#field)");
    assertThat(SecretRef.problem("aws:id#")).contains("the #field after the location is empty");
    assertThat(SecretRef.problem(KEY).orElseThrow())
        .doesNotContain(KEY)
        .contains("value not shown");
  }

  @Test
  void serviceLoaderFindsTheCoreResolvers() {
    assertThat(SecretResolvers.load().schemes()).contains("env", "file");
  }

  @Test
  void envResolverReadsVariablesAndNamesMissingOnes() {
    EnvSecretResolver env = new EnvSecretResolver(Map.of("K", KEY + "\n", "EMPTY", " "));
    assertThat(env.resolve(SecretRef.parse("env:K")).reveal()).isEqualTo(KEY);
    assertThatThrownBy(() -> env.resolve(SecretRef.parse("env:NOPE")))
        .isInstanceOf(SecretException.class)
        .hasMessage("secret env:NOPE: environment variable NOPE is not set");
    assertThatThrownBy(() -> env.resolve(SecretRef.parse("env:EMPTY")))
        .hasMessage("secret env:EMPTY: environment variable EMPTY is empty");
  }

  @Test
  void fileResolverRefusesFilesOthersCanRead() throws IOException {
    FileSecretResolver files = new FileSecretResolver();
    Path ok = secretFile("ok", SECRET + "\r\n", "rw-------");
    Path group = secretFile("group", SECRET, "rw-r-----");
    Path world = secretFile("world", SECRET, "rw-r--r--");
    assertThat(files.resolve(SecretRef.parse("file:" + ok)).reveal()).isEqualTo(SECRET);
    assertThat(files.resolve(SecretRef.parse("file:" + group)).reveal()).isEqualTo(SECRET);
    assertThatThrownBy(() -> files.resolve(SecretRef.parse("file:" + world)))
        .isInstanceOf(SecretException.class)
        .hasMessage(
            "secret file:"
                + world
                + ": is readable by others (mode o+r); chmod o-r (e.g. 600 or 640) and retry");
    assertThatThrownBy(() -> files.resolve(SecretRef.parse("file:" + dir.resolve("missing"))))
        .hasMessageEndingWith(": no such file");
  }

  @Test
  void fileResolverReadsAFieldOfAJsonFile() throws IOException {
    Path json =
        secretFile(
            "kraken.json",
            "{\"key\": \"" + KEY + "\", \"secret\": \"" + SECRET + "\"}",
            "r--------");
    FileSecretResolver files = new FileSecretResolver();
    assertThat(files.resolve(SecretRef.parse("file:" + json + "#secret")).reveal())
        .isEqualTo(SECRET);
    assertThatThrownBy(() -> files.resolve(SecretRef.parse("file:" + json + "#passphrase")))
        .hasMessage("secret file:" + json + "#passphrase: has no string field passphrase");
    Path notJson = secretFile("plain", SECRET, "rw-------");
    assertThatThrownBy(() -> files.resolve(SecretRef.parse("file:" + notJson + "#secret")))
        .hasMessage("secret file:" + notJson + "#secret: is not a JSON object (needed for #secret)")
        .hasNoCause();
  }

  @Test
  void applyResolvesCredentialsOfEnabledVenuesOnly() throws IOException {
    Path file = secretFile("s", SECRET, "rw-------");
    SecretResolvers resolvers =
        SecretResolvers.of(new EnvSecretResolver(Map.of("K", KEY)), new FileSecretResolver());
    TradeServerConfig c =
        ConfigLoader.withEnvironment(Map.of())
            .withResolvers(resolvers)
            .parse(
                ("{'venues': {'sim': {'credentials': {'apiKey': 'env:K', 'secret': 'file:"
                        + file
                        + "'}},"
                        + " 'off': {'provider': 'sim', 'enabled': false, 'credentials': {'apiKey':"
                        + " 'env:GONE', 'secret': 'env:GONE'}}}}")
                    .replace('\'', '"'),
                "t");
    List<VenueConfig> venues = c.resolveVenues(resolvers);
    assertThat(venues.get(0).credentials()).isEqualTo(Credentials.of(KEY, SECRET));
    assertThat(venues.get(1).credentials()).isNull();
    assertThat(c.toString()).doesNotContain(KEY).doesNotContain(SECRET);
    assertThat(venues.toString()).doesNotContain(KEY).doesNotContain(SECRET);

    TestClock clock = new TestClock();
    try (TradeServer ts =
        c.apply(TradeServer.builder().clock(clock).scheduler(new ManualScheduler(clock)), resolvers)
            .build()) {
      assertThat(ts.venues()).containsExactly("sim");
    }
  }

  @Test
  void everyUnresolvableCredentialIsReportedByPathAndReference() {
    SecretResolvers resolvers = SecretResolvers.of(new EnvSecretResolver(Map.of("K", KEY)));
    TradeServerConfig c =
        ConfigLoader.withEnvironment(Map.of())
            .withResolvers(
                SecretResolvers.of(new EnvSecretResolver(Map.of()), new FileSecretResolver()))
            .parse(
                ("{'venues': {'a': {'provider': 'sim', 'credentials': {'apiKey': 'env:K', 'secret':"
                        + " 'env:MISSING'}}, 'b': {'provider': 'sim', 'credentials': {'apiKey':"
                        + " 'file:/nonexistent/k', 'secret': 'env:K'}}}}")
                    .replace('\'', '"'),
                "t");
    assertThatThrownBy(() -> c.resolveVenues(resolvers))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "credentials: 2 problems\n"
                + "  venues.a.credentials.secret: secret env:MISSING: environment variable MISSING"
                + " is not set\n"
                + "  venues.b.credentials.apiKey: secret file:/nonexistent/k: no SecretResolver for"
                + " scheme file on the classpath (have [env])");
  }

  @Test
  void refreshForgetsTheCacheAndFetchesAgain() {
    Map<String, String> store = new java.util.HashMap<>(Map.of("aws:k#f", "old-" + SECRET));
    Map<SecretRef, io.tradeserver.spi.Secret> cache = new java.util.HashMap<>();
    SecretResolver caching =
        new FakeAwsResolver(store) {
          @Override
          public io.tradeserver.spi.Secret resolve(SecretRef ref) {
            return cache.computeIfAbsent(ref, super::resolve);
          }

          @Override
          public void invalidate(SecretRef ref) {
            cache.remove(ref);
          }
        };
    SecretResolvers r = SecretResolvers.of(caching);
    SecretRef ref = SecretRef.parse("aws:k#f");
    assertThat(r.resolve(ref).reveal()).isEqualTo("old-" + SECRET);
    store.put("aws:k#f", "new-" + SECRET); // rotated at the source
    assertThat(r.resolve(ref).reveal()).isEqualTo("old-" + SECRET);
    assertThat(r.refresh(ref).reveal()).isEqualTo("new-" + SECRET);
  }
}
