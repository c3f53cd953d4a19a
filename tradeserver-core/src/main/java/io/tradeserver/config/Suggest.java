package io.tradeserver.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt field names. */
final class Suggest {
  private Suggest() {}

  /** The known name closest to {@code name} when it is a plausible typo, else null. */
  static String closest(String name, Collection<String> known) {
    String n = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      String kl = k.toLowerCase(Locale.ROOT);
      int d = distance(n, kl);
      boolean plausible =
          d <= Math.max(2, n.length() / 4) || subsequence(n, kl) || subsequence(kl, n);
      if (plausible && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Whether every character of {@code a} appears in {@code b} in order (a shortened name). */
  private static boolean subsequence(String a, String b) {
    if (a.length() < 4) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < b.length() && j < a.length(); i++) {
      if (b.charAt(i) == a.charAt(j)) {
        j++;
      }
    }
    return j == a.length();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
