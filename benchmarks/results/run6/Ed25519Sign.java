// Run 6: cost of one JDK Ed25519 signature of an order-sized payload. Run: java Ed25519Sign.java
import java.security.*;
public class Ed25519Sign { public static void main(String[] a) throws Exception {
  KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  Signature s = Signature.getInstance("Ed25519");
  byte[] msg = "apiKey=abc&newClientOrderId=x1&price=64000.00&quantity=0.001&side=BUY&symbol=BTCUSDT&timeInForce=GTC&timestamp=1764000000000&type=LIMIT".getBytes();
  for (int r = 0; r < 5; r++) { long t0 = System.nanoTime(); int n = 2000;
    s.initSign(kp.getPrivate()); for (int i = 0; i < n; i++) { s.update(msg); s.sign(); }
    System.out.printf("%.1f us/sign%n", (System.nanoTime() - t0) / 1000.0 / n); }
}}
