package io.tradeserver.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeserver.config.ConfigException;
import io.tradeserver.config.ConfigLoader;
import io.tradeserver.config.SecretException;
import io.tradeserver.config.SecretRef;
import io.tradeserver.config.SecretResolver;
import io.tradeserver.config.SecretResolvers;
import io.tradeserver.config.TradeServerConfig;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.VenueConfig;
import io.tradeserver.time.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real AWS SDK against a local server speaking the Secrets Manager JSON protocol. */
class AwsSecretResolverTest {
  static final String ACCESS_KEY = "AKIDEXAMPLE";
  static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String API_SECRET =
      "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  final MockWebServer server = new MockWebServer();
  final TestClock clock = new TestClock();
  AwsSecretResolver resolver;

  @BeforeEach
  void start() throws IOException {
    server.start();
    resolver =
        new AwsSecretResolver(
            new AwsSettings(
                "eu-west-1",
                server.url("/").uri(),
                Duration.ofMinutes(5),
                1,
                Duration.ofSeconds(5)),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY, SECRET_ACCESS_KEY)),
            clock);
  }

  @AfterEach
  void stop() {
    resolver.close();
    server.close();
  }

  static MockResponse secret(String name, String secretString) {
    String escaped = secretString.replace("\\", "\\\\").replace("\"", "\\\"");
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/x-amz-json-1.1")
        .addHeader("x-amzn-RequestId", "req-ok")
        .body(
            "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
                + name
                + "-AbCdEf\",\"Name\":\""
                + name
                + "\",\"SecretString\":\""
                + escaped
                + "\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7e9}")
        .build();
  }

  static MockResponse error(String type, String message) {
    return new MockResponse.Builder()
        .code(400)
        .addHeader("Content-Type", "application/x-amz-json-1.1")
        .addHeader("x-amzn-RequestId", "req-" + type)
        .body("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
        .build();
  }

  static String venueSecret() {
    return "{\"apiKey\":\""
        + API_KEY
        + "\",\"apiSecret\":\""
        + API_SECRET
        + "\",\"passphrase\":\"p-"
        + API_SECRET
        + "\"}";
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r;
  }

  @Test
  void getSecretValueIsASigV4SignedJsonRequest() throws Exception {
    server.enqueue(secret("prod/binance", venueSecret()));

    assertThat(resolver.resolve(SecretRef.parse("aws:prod/binance#apiSecret")).reveal())
        .isEqualTo(API_SECRET);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-amz-json-1.1");
    assertThat(r.getBody().utf8()).isEqualTo("{\"SecretId\":\"prod/binance\"}");
    String auth = r.getHeaders().get("Authorization");
    assertThat(auth)
        .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
        .contains("/eu-west-1/secretsmanager/aws4_request")
        .contains("x-amz-target")
        .doesNotContain(SECRET_ACCESS_KEY);
    assertThat(SigV4.signature(r)).isEqualTo(SigV4.expectedSignature(r, SECRET_ACCESS_KEY));
    assertThat(SigV4.signature(r)).isNotEqualTo(SigV4.expectedSignature(r, "another-key"));
  }

  @Test
  void oneFetchServesEveryFieldUntilTheTtlOrAnInvalidate() throws Exception {
    server.enqueue(secret("prod/kucoin", venueSecret()));
    server.enqueue(
        secret("prod/kucoin", venueSecret().replace(API_SECRET, "rotated-" + API_SECRET)));
    server.enqueue(
        secret("prod/kucoin", venueSecret().replace(API_SECRET, "rotated2-" + API_SECRET)));

    assertThat(resolver.resolve(SecretRef.parse("aws:prod/kucoin#apiKey")).reveal())
        .isEqualTo(API_KEY);
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/kucoin#apiSecret")).reveal())
        .isEqualTo(API_SECRET);
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/kucoin#passphrase")).reveal())
        .isEqualTo("p-" + API_SECRET);
    clock.advance(Duration.ofMinutes(5).minusNanos(1));
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/kucoin#apiSecret")).reveal())
        .isEqualTo(API_SECRET);
    assertThat(server.getRequestCount()).isEqualTo(1);

    // Key rotation: the venue refused the key; forget the cached copy and fetch once.
    SecretResolvers resolvers = SecretResolvers.of(resolver);
    assertThat(resolvers.refresh(SecretRef.parse("aws:prod/kucoin#apiSecret")).reveal())
        .isEqualTo("rotated-" + API_SECRET);
    assertThat(server.getRequestCount()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(5));
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/kucoin#apiSecret")).reveal())
        .isEqualTo("rotated2-" + API_SECRET);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void awsErrorsBecomeConfigurationErrorsNamingTheSecretId() {
    server.enqueue(
        error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
    server.enqueue(
        error(
            "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ts is not authorized"));
    server.enqueue(error("ThrottlingException", "Rate exceeded"));

    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/missing#apiSecret")))
        .isInstanceOf(SecretException.class)
        .hasMessage(
            "secret aws:prod/missing#apiSecret: not found in AWS Secrets Manager"
                + " (ResourceNotFoundException, HTTP 400, request req-ResourceNotFoundException)")
        .hasNoCause()
        .satisfies(e -> assertThat(((SecretException) e).retryable()).isFalse());
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/denied")))
        .hasMessage(
            "secret aws:prod/denied: access denied (check the IAM policy allows"
                + " secretsmanager:GetSecretValue on it) (AccessDeniedException, HTTP 400, request"
                + " req-AccessDeniedException)");
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/busy#k")))
        .hasMessage(
            "secret aws:prod/busy#k: throttled by AWS Secrets Manager, try again later"
                + " (ThrottlingException, HTTP 400, request req-ThrottlingException)")
        .satisfies(e -> assertThat(((SecretException) e).retryable()).isTrue());
    // Failures are not cached.
    server.enqueue(secret("prod/missing", venueSecret()));
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/missing#apiSecret")).reveal())
        .isEqualTo(API_SECRET);
  }

  @Test
  void aMissingFieldOrANonJsonSecretNeverQuotesTheValue() {
    server.enqueue(secret("prod/binance", venueSecret()));
    server.enqueue(secret("prod/plain", API_SECRET));
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/binance#secret")))
        .hasMessage(
            "secret aws:prod/binance#secret: the secret has no non-empty string field secret")
        .hasNoCause();
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/plain#secret")))
        .hasMessage(
            "secret aws:prod/plain#secret: SecretString is not a JSON object (needed for #secret)")
        .hasNoCause();
    assertThat(resolver.resolve(SecretRef.parse("aws:prod/plain")).reveal()).isEqualTo(API_SECRET);
  }

  @Test
  void anUnreachableEndpointIsARetryableErrorNamingTheSecret() throws IOException {
    server.close();
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("aws:prod/binance#apiKey")))
        .isInstanceOf(SecretException.class)
        .hasMessageStartingWith(
            "secret aws:prod/binance#apiKey: cannot reach AWS Secrets Manager (")
        .satisfies(e -> assertThat(((SecretException) e).retryable()).isTrue());
  }

  @Test
  void settingsAreValidatedAndEveryProblemNamed() {
    assertThatThrownBy(
            () ->
                AwsSettings.from(
                    Map.of(
                        "regoin",
                        "x",
                        "endpoint",
                        "ftp://h",
                        "cacheTtl",
                        "soon",
                        "maxAttempts",
                        "0")))
        .hasMessage(
            "unknown setting regoin (known: [cacheTtl, endpoint, maxAttempts, region, timeout]);"
                + " cacheTtl must be a duration such as 30s or 5m, was soon; endpoint must be an"
                + " http(s) URL, was ftp://h; maxAttempts must be 1..10, was 0");
    assertThat(AwsSettings.from(Map.of("region", "us-east-1", "cacheTtl", "0")))
        .isEqualTo(new AwsSettings("us-east-1", null, Duration.ZERO, 3, Duration.ofSeconds(10)));
  }

  /**
   * The way an application uses it: tradeserver-aws on the classpath, settings in the file,
   * credentials from the SDK's default chain (system properties here).
   */
  @Test
  void configFileCredentialsResolveThroughServiceLoaderAndTheDefaultChain() throws Exception {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
    try {
      assertThat(SecretResolvers.load().schemes()).contains("env", "file", "aws");
      String json =
          ("{'venues': {'kucoin': {'credentials': {'apiKey': 'aws:prod/kucoin#apiKey',"
                  + " 'secret': 'aws:prod/kucoin#apiSecret', 'passphrase': 'aws:prod/kucoin#passphrase'}},"
                  + "  'gone': {'provider': 'sim', 'credentials': {'apiKey': 'aws:prod/gone#apiKey',"
                  + " 'secret': 'aws:prod/gone#apiSecret'}}},"
                  + " 'secrets': {'aws': {'region': 'eu-west-1', 'endpoint': '"
                  + server.url("/")
                  + "', 'maxAttempts': '1'}}}")
              .replace('\'', '"');
      TradeServerConfig config = ConfigLoader.withEnvironment(Map.of()).parse(json, "t");
      SecretResolvers resolvers = config.secretResolvers();
      SecretResolver aws = resolvers.resolver("aws");
      assertThat(aws).isInstanceOf(AwsSecretResolver.class);
      server.enqueue(secret("prod/kucoin", venueSecret()));
      // Failures are not cached: each reference to the missing secret asks again.
      server.enqueue(
          error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
      server.enqueue(
          error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));

      assertThatThrownBy(() -> config.resolveVenues(resolvers))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "credentials: 2 problems\n"
                  + "  venues.gone.credentials.apiKey: secret aws:prod/gone#apiKey: not found in AWS"
                  + " Secrets Manager (ResourceNotFoundException, HTTP 400, request"
                  + " req-ResourceNotFoundException)\n"
                  + "  venues.gone.credentials.secret: secret aws:prod/gone#apiSecret: not found in"
                  + " AWS Secrets Manager (ResourceNotFoundException, HTTP 400, request"
                  + " req-ResourceNotFoundException)");
      assertThat(server.getRequestCount()).isEqualTo(3);
      RecordedRequest first = take();
      assertThat(SigV4.signature(first))
          .isEqualTo(SigV4.expectedSignature(first, SECRET_ACCESS_KEY));

      server.enqueue(secret("prod/gone", venueSecret()));
      List<VenueConfig> venues = config.resolveVenues(resolvers);
      assertThat(venues.get(0).credentials())
          .isEqualTo(Credentials.of(API_KEY, API_SECRET, "p-" + API_SECRET));
      assertThat(server.getRequestCount()).isEqualTo(4);
      assertThat(venues.toString()).doesNotContain(API_SECRET).doesNotContain(API_KEY);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
