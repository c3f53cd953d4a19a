package io.tradeserver.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** RFC 4231 test case 2 (key "Jefe"), and the session's reuse rules. */
class HmacTest {
  static final byte[] KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);
  static final String DATA = "what do ya want for nothing?";
  static final String SHA256_HEX =
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  @Test
  void sha256AsHexAndSha512AsBase64MatchTheRfcVectors() {
    StringBuilder hex = new StringBuilder("signature=");
    Hmac.sha256(KEY).session().update(DATA).finishHex(hex);
    assertThat(hex).hasToString("signature=" + SHA256_HEX);
    assertThat(Hmac.sha512(KEY).session().update(DATA).finishBase64())
        .isEqualTo(
            "Fkt6e/z4GeLjlfvnO1bgo4e9ZCIugx/WECcM1+olBVSXWL91wFqZSm0DT2X48Ob9yuqxo01Ka0tjbgcKOLznNw==");
  }

  @Test
  void partsFedSeparatelySignTheirConcatenationAndFinishResets() {
    Hmac h = Hmac.sha256(KEY);
    byte[] bytes = DATA.getBytes(StandardCharsets.US_ASCII);
    StringBuilder first = new StringBuilder();
    h.session().update("what do ").update(bytes, 8, 10).update(DATA.substring(18)).finishHex(first);
    StringBuilder second = new StringBuilder();
    h.session().update(bytes).finishHex(second); // nothing left over from the first message
    assertThat(first).hasToString(SHA256_HEX);
    assertThat(second).hasToString(SHA256_HEX);
  }

  @Test
  void nonAsciiTextIsSignedAsUtf8AndLongTextGrowsTheBuffer() {
    StringBuilder hex = new StringBuilder();
    Hmac.sha256(KEY).session().update("prix €5").finishHex(hex);
    assertThat(hex).hasToString("a0ad26672149d344eb6e44057470c80bea4692469d0daf89f3479f332a74d14e");
    String longText = DATA.repeat(20); // beyond the 128-byte staging buffer
    StringBuilder viaText = new StringBuilder();
    StringBuilder viaBytes = new StringBuilder();
    Hmac h = Hmac.sha256(KEY);
    h.session().update(longText).finishHex(viaText);
    h.session().update(longText.getBytes(StandardCharsets.US_ASCII)).finishHex(viaBytes);
    assertThat(viaText).hasToString(viaBytes.toString());
  }

  @Test
  void eachThreadHasItsOwnSession() {
    Hmac h = Hmac.sha256(KEY);
    h.session().update("half a message on this thread");
    String other =
        CompletableFuture.supplyAsync(
                () -> {
                  StringBuilder sb = new StringBuilder();
                  h.session().update(DATA).finishHex(sb);
                  return sb.toString();
                })
            .join();
    assertThat(other).isEqualTo(SHA256_HEX);
    assertThat(h.session()).isNotSameAs(CompletableFuture.supplyAsync(h::session).join());
  }

  @Test
  void theKeyIsNeverShown() {
    assertThat(Hmac.sha256("s3cr3t-key".getBytes(StandardCharsets.US_ASCII)).toString())
        .isEqualTo("Hmac[HmacSHA256, key=****]")
        .doesNotContain("s3cr3t");
  }
}
