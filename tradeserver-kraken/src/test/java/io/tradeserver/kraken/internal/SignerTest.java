package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.spi.Credentials;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignerTest {
  /** The worked example of docs.kraken.com "Spot REST Authentication" (buy 1.25 XBTUSD @ 37500). */
  @Test
  void reproducesKrakensPublishedExampleSignature() {
    Signer signer =
        new Signer(
            Credentials.of(
                "key",
                "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="));
    String sign =
        signer.sign(
            "/0/private/AddOrder",
            "1616492376594",
            "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");
    assertThat(sign)
        .isEqualTo(
            "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
  }

  /** The nonce read from the body itself gives the same signature, also on repeated use. */
  @Test
  void signsWithTheNonceTakenFromTheBody() {
    Signer signer =
        new Signer(
            Credentials.of(
                "key",
                "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="));
    byte[] path = "/0/private/AddOrder".getBytes(StandardCharsets.US_ASCII);
    byte[] body =
        "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25"
            .getBytes(StandardCharsets.US_ASCII);
    String expected =
        "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";
    assertThat(signer.sign(path, body, 6, 13)).isEqualTo(expected);
    assertThat(signer.sign(path, body, 6, 13)).isEqualTo(expected);
  }

  @Test
  void encodesBodiesAsUtf8() {
    assertThat(SignedPost.utf8("nonce=1&a=b"))
        .isEqualTo("nonce=1&a=b".getBytes(StandardCharsets.US_ASCII));
    assertThat(SignedPost.utf8("a=\u00e9")).isEqualTo("a=\u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void neverShowsTheSecret() {
    Signer signer = new Signer(Credentials.of("key", "c2VjcmV0"));
    assertThat(signer.toString()).doesNotContain("c2VjcmV0");
  }
}
