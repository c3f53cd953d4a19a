package io.tradeserver.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeserver.config.SecretException;
import io.tradeserver.config.SecretRef;
import io.tradeserver.config.SecretResolver;
import io.tradeserver.spi.Secret;
import io.tradeserver.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Scheme {@code aws}: {@code aws:secret-id} is the secret's {@code SecretString} in AWS Secrets
 * Manager, {@code aws:secret-id#field} a string field of it when it holds a JSON object (one secret
 * can carry a venue's key, secret and passphrase: one fetch serves all three). Uses the AWS SDK v2
 * with the JDK's {@code HttpURLConnection} client (no Netty, no Apache), credentials from the SDK's
 * default chain. Fetched secrets are cached for {@code cacheTtl}; {@link #invalidate} drops a
 * cached secret so a rotated key is fetched again. Found by ServiceLoader: putting {@code
 * tradeserver-aws} on the classpath adds the scheme. Thread-safe; fetches block, so call it at
 * start-up or from a timer thread, never from the engine thread.
 *
 * <p>Failures become {@link SecretException}s naming the secret id and the AWS error code ({@code
 * ResourceNotFoundException}, {@code AccessDeniedException}, {@code ThrottlingException}), never
 * the value.
 */
public final class AwsSecretResolver implements SecretResolver, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsSecretResolver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsSettings settings;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile SecretsManagerClient client;

  private record Cached(String value, long fetchedNanos) {}

  /** Unconfigured: default region and credential chains (the ServiceLoader constructor). */
  public AwsSecretResolver() {
    this(AwsSettings.defaults(), null, Clock.system());
  }

  /**
   * A resolver with explicit settings.
   *
   * @param credentials AWS credentials, or null for the SDK's default chain (environment, system
   *     properties, profile, container and instance roles)
   * @param clock time for the cache
   */
  public AwsSecretResolver(AwsSettings settings, AwsCredentialsProvider credentials, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = credentials;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String scheme() {
    return "aws";
  }

  /** A resolver configured from {@code secrets.aws}: {@code region}, {@code endpoint}, ... */
  @Override
  public SecretResolver withSettings(Map<String, String> s) {
    return s.isEmpty() ? this : new AwsSecretResolver(AwsSettings.from(s), credentials, clock);
  }

  public AwsSettings settings() {
    return settings;
  }

  @Override
  public Secret resolve(SecretRef ref) {
    String id = ref.location();
    String text = secretString(ref, id);
    if (ref.field() == null) {
      return Secret.of(text);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      // Jackson's message quotes the content: never chain it.
      throw new SecretException(
          ref, "SecretString is not a JSON object (needed for #" + ref.field() + ")");
    }
    JsonNode v = root == null ? null : root.get(ref.field());
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new SecretException(ref, "the secret has no non-empty string field " + ref.field());
    }
    return Secret.of(v.textValue());
  }

  @Override
  public void invalidate(SecretRef ref) {
    cache.remove(ref.location());
  }

  private String secretString(SecretRef ref, String id) {
    long ttl = settings.cacheTtl().toNanos();
    long now = clock.nanos();
    Cached c = cache.get(id);
    if (c != null && now - c.fetchedNanos() < ttl) {
      return c.value();
    }
    String value = fetch(ref, id);
    if (ttl > 0) {
      cache.put(id, new Cached(value, now));
    }
    return value;
  }

  private String fetch(SecretRef ref, String id) {
    GetSecretValueResponse r;
    try {
      r = client().getSecretValue(b -> b.secretId(id));
    } catch (SecretsManagerException e) {
      throw AwsErrors.of(ref, e);
    } catch (SdkClientException e) {
      throw new SecretException(
          ref, "cannot reach AWS Secrets Manager (" + AwsErrors.clientReason(e) + ")", true, e);
    }
    log.info("secret {} fetched from AWS Secrets Manager (version {})", id, r.versionId());
    if (r.secretString() != null) {
      return r.secretString();
    }
    if (r.secretBinary() != null) {
      return new String(r.secretBinary().asByteArray(), StandardCharsets.UTF_8);
    }
    throw new SecretException(ref, "the secret has no value");
  }

  private SecretsManagerClient client() {
    SecretsManagerClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = build();
          client = c;
        }
      }
    }
    return c;
  }

  private SecretsManagerClient build() {
    SecretsManagerClientBuilder b =
        SecretsManagerClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
            .overrideConfiguration(
                o ->
                    o.apiCallTimeout(settings.timeout())
                        .retryStrategy(rs -> rs.maxAttempts(settings.maxAttempts())));
    if (settings.region() != null) {
      b.region(Region.of(settings.region()));
    }
    if (settings.endpoint() != null) {
      b.endpointOverride(settings.endpoint());
    }
    try {
      return b.build();
    } catch (SdkClientException e) {
      throw new IllegalStateException(
          "AWS Secrets Manager client: "
              + AwsErrors.clientReason(e)
              + " (set secrets.aws.region or AWS_REGION)",
          e);
    }
  }

  @Override
  public void close() {
    SecretsManagerClient c = client;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public String toString() {
    return "AwsSecretResolver[region="
        + settings.region()
        + ", endpoint="
        + settings.endpoint()
        + ", cacheTtl="
        + settings.cacheTtl()
        + "]";
  }
}
