package io.tradeserver.config;

import io.tradeserver.spi.Secret;
import java.util.Map;
import java.util.Set;

/** Stands in for tradeserver-aws in core tests: accepts its settings, resolves from a map. */
class FakeAwsResolver implements SecretResolver {
  private final Map<String, String> values;

  FakeAwsResolver(Map<String, String> values) {
    this.values = values;
  }

  @Override
  public String scheme() {
    return "aws";
  }

  @Override
  public SecretResolver withSettings(Map<String, String> settings) {
    for (String k : settings.keySet()) {
      if (!Set.of("region", "endpoint", "cacheTtl").contains(k)) {
        throw new IllegalArgumentException("unknown setting " + k);
      }
    }
    return this;
  }

  @Override
  public Secret resolve(SecretRef ref) {
    String v = values.get(ref.toString());
    if (v == null) {
      throw new SecretException(ref, "not found");
    }
    return Secret.of(v);
  }

  @Override
  public void invalidate(SecretRef ref) {}
}
