package io.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.config.CredentialRotation.Result;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.Secret;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRotationTest {
  final Map<String, String> store =
      new HashMap<>(Map.of("aws:kraken#key", "K1", "aws:kraken#secret", "S1"));
  final Map<SecretRef, Secret> cache = new HashMap<>();
  final SecretResolvers resolvers =
      SecretResolvers.of(
          new FakeAwsResolver(store) {
            @Override
            public Secret resolve(SecretRef ref) {
              return cache.computeIfAbsent(ref, super::resolve);
            }

            @Override
            public void invalidate(SecretRef ref) {
              cache.remove(ref);
            }
          },
          new EnvSecretResolver(Map.of()));
  final TradeServerConfig config =
      ConfigLoader.withEnvironment(Map.of())
          .withResolvers(resolvers)
          .parse(
              ("{'venues': {'kraken': {'provider': 'sim', 'credentials': {'apiKey': 'aws:kraken#key',"
                      + " 'secret': 'aws:kraken#secret'}}, 'sim': {}}}")
                  .replace('\'', '"'),
              "t");

  @Test
  void refetchesOnceBypassingTheCacheThenGivesUpUntilASuccess() {
    Credentials inUse = resolvers.resolve(config.venue("kraken").credentials());
    CredentialRotation rotation = new CredentialRotation(config, resolvers);
    store.put("aws:kraken#secret", "S2"); // rotated at the store; the cache still has S1

    CredentialRotation.Refresh first = rotation.onAuthenticationFailure("kraken", inUse);
    assertThat(first.result()).isEqualTo(Result.ROTATED);
    assertThat(first.credentials()).isEqualTo(Credentials.of("K1", "S2"));
    assertThat(rotation.onAuthenticationFailure("kraken", first.credentials()).result())
        .isEqualTo(Result.EXHAUSTED);

    rotation.onAuthenticated("kraken");
    assertThat(rotation.onAuthenticationFailure("kraken", first.credentials()).result())
        .isEqualTo(Result.UNCHANGED);
    assertThat(rotation.onAuthenticationFailure("sim", null).result())
        .isEqualTo(Result.NO_CREDENTIALS);
  }
}
