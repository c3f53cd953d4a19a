package io.tradeserver.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.binance.BinanceConfig;
import io.tradeserver.spi.Credentials;
import io.tradeserver.spi.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the signatures published in Binance's docs from their documented key and payload
 * (rest-api.md "SIGNED Endpoint Examples for POST /api/v3/order", web-socket-api.md "SIGNED request
 * example (HMAC)"), and RFC 8032 test 1 for Ed25519.
 */
class SigningTest {
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private final Signer hmac =
      Signer.of(BinanceConfig.KeyType.HMAC, Credentials.of(API_KEY, SECRET));

  @Test
  void restHmacExampleFromTheDocs() {
    String signed =
        Params.local()
            .add("symbol", "LTCBTC")
            .add("side", "BUY")
            .add("type", "LIMIT")
            .add("timeInForce", "GTC")
            .add("quantity", "1")
            .add("price", "0.1")
            .add("recvWindow", 5000)
            .add("timestamp", 1499827319559L)
            .sign(hmac)
            .toString();
    assertThat(signed)
        .isEqualTo(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  }

  @Test
  void restPayloadIsPercentEncodedBeforeSigning() {
    String signed =
        Params.local()
            .add("symbol", "１２３４５６")
            .add("side", "BUY")
            .add("type", "LIMIT")
            .add("timeInForce", "GTC")
            .add("quantity", "1")
            .add("price", "0.1")
            .add("recvWindow", 5000)
            .add("timestamp", 1499827319559L)
            .sign(hmac)
            .toString();
    assertThat(signed)
        .isEqualTo(
            "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
  }

  @Test
  void webSocketApiHmacExampleFromTheDocs() {
    WsApiRequest r =
        new WsApiRequest("4885f793-e5ad-4c3b-8f6c-55d891472b71", "order.place")
            .str("apiKey", API_KEY)
            .dec("price", 5_200_000, 2)
            .dec("quantity", 1_000_000, 8)
            .num("recvWindow", 100)
            .str("side", "SELL")
            .str("symbol", "BTCUSDT")
            .str("timeInForce", "GTC")
            .num("timestamp", 1645423376532L)
            .str("type", "LIMIT");
    assertThat(r.payload())
        .isEqualTo(
            "apiKey="
                + API_KEY
                + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT"
                + "&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
    assertThat(r.signed(hmac))
        .isEqualTo(
            "{\"id\":\"4885f793-e5ad-4c3b-8f6c-55d891472b71\",\"method\":\"order.place\",\"params\":{"
                + "\"apiKey\":\""
                + API_KEY
                + "\",\"price\":\"52000.00\",\"quantity\":\"0.01000000\",\"recvWindow\":100,"
                + "\"side\":\"SELL\",\"symbol\":\"BTCUSDT\",\"timeInForce\":\"GTC\","
                + "\"timestamp\":1645423376532,\"type\":\"LIMIT\","
                + "\"signature\":\"aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24\"}}");
  }

  @Test
  void webSocketApiSignsUtf8NotPercentEncoded() {
    String json =
        new WsApiRequest("x", "order.place")
            .str("apiKey", API_KEY)
            .dec("price", 10_000_000, 8)
            .dec("quantity", 100_000_000, 8)
            .num("recvWindow", 5000)
            .str("side", "BUY")
            .str("symbol", "１２３４５６")
            .str("timeInForce", "GTC")
            .num("timestamp", 1645423376532L)
            .str("type", "LIMIT")
            .signed(hmac);
    assertThat(json)
        .endsWith(
            "\"signature\":\"b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd\"}}");
  }

  @Test
  void ed25519SignsWithAPkcs8KeyAndPercentEncodesForRest() {
    // RFC 8032 section 7.1, TEST 1: empty message.
    byte[] seed =
        HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] pkcs8 = new byte[der.length + seed.length];
    System.arraycopy(der, 0, pkcs8, 0, der.length);
    System.arraycopy(seed, 0, pkcs8, der.length, seed.length);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    assertThat(Ed25519Signer.isValidKey(Secret.of(pem))).isTrue();
    assertThat(Ed25519Signer.isValidKey(Secret.of("not a key"))).isFalse();
    Signer ed = Signer.of(BinanceConfig.KeyType.ED25519, Credentials.of("k", pem));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                HexFormat.of()
                    .parseHex(
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
    StringBuilder raw = new StringBuilder();
    ed.sign(new byte[0], 0, raw, false);
    StringBuilder encoded = new StringBuilder();
    ed.sign(new byte[0], 0, encoded, true);
    assertThat(raw.toString()).isEqualTo(expected);
    assertThat(encoded.toString()).isEqualTo(URLEncoder.encode(expected, StandardCharsets.UTF_8));
    assertThat(ed.toString()).doesNotContain(pem.substring(30, 50));
  }

  @Test
  void signersNeverShowTheirKey() {
    assertThat(hmac.toString()).doesNotContain(SECRET);
  }
}
