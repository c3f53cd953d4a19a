package io.tradeserver.aws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;

/**
 * An independent AWS Signature Version 4 check of a recorded request (the documented algorithm, not
 * the SDK's code): recomputes the signature from the request and the secret access key.
 */
final class SigV4 {
  private static final Pattern AUTH =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,"
              + " ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

  private SigV4() {}

  /** The signature the request should carry, or throws when the header is malformed. */
  static String expectedSignature(RecordedRequest r, String secretAccessKey) throws Exception {
    Matcher m = AUTH.matcher(r.getHeaders().get("Authorization"));
    if (!m.matches()) {
      throw new AssertionError("not a SigV4 Authorization header");
    }
    String date = m.group(2);
    String region = m.group(3);
    String service = m.group(4);
    String signedHeaders = m.group(5);
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String h : signedHeaders.split(";")) {
      String v = r.getHeaders().get(h);
      canonicalHeaders
          .append(h.toLowerCase(Locale.ROOT))
          .append(':')
          .append(v == null ? "" : v.trim().replaceAll(" +", " "))
          .append('\n');
    }
    byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
    String path = r.getUrl().encodedPath();
    String query = r.getUrl().encodedQuery() == null ? "" : r.getUrl().encodedQuery();
    String canonicalRequest =
        r.getMethod()
            + "\n"
            + path
            + "\n"
            + query
            + "\n"
            + canonicalHeaders
            + "\n"
            + signedHeaders
            + "\n"
            + hex(sha256(body));
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + r.getHeaders().get("X-Amz-Date")
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest.getBytes(UTF_8)));
    byte[] k = hmac(("AWS4" + secretAccessKey).getBytes(UTF_8), date);
    k = hmac(k, region);
    k = hmac(k, service);
    k = hmac(k, "aws4_request");
    return hex(hmac(k, stringToSign));
  }

  static String signature(RecordedRequest r) {
    Matcher m = AUTH.matcher(r.getHeaders().get("Authorization"));
    return m.matches() ? m.group(6) : null;
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
