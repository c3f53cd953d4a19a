package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Cached endpoint URLs are exactly the URLs that parsing the whole string per request gave. */
class KrakenRestUrlTest {
  private static KrakenRest rest(String baseUrl) {
    return new KrakenRest(baseUrl, null, null, null, null, 1);
  }

  /** What each request used to do: parse the concatenated string. */
  private static HttpUrl perRequest(String url) {
    return new Request.Builder().url(url).build().url();
  }

  @Test
  void publicAndPrivateUrlsEqualTheStringParsedPerRequest() {
    for (String base :
        new String[] {
          "https://api.kraken.com", "http://127.0.0.1:41234", "http://proxy.local/kraken"
        }) {
      KrakenRest r = rest(base);
      for (String query :
          new String[] {"", "pair=XBTUSD", "pair=XBTUSD&count=10", "a=x%2Fy&b=c+d&e=%C3%A9"}) {
        String expected = base + "/0/public/Depth" + (query.isEmpty() ? "" : "?" + query);
        assertThat(r.publicUrl("Depth", query)).isEqualTo(perRequest(expected));
        assertThat(r.publicUrl("Depth", query).toString())
            .isEqualTo(perRequest(expected).toString());
      }
      assertThat(r.privateUrl("/0/private/AddOrder"))
          .isEqualTo(perRequest(base + "/0/private/AddOrder"));
    }
  }

  @Test
  void eachEndpointIsParsedOnce() {
    KrakenRest r = rest("https://api.kraken.com");
    assertThat(r.publicUrl("Ticker", "")).isSameAs(r.publicUrl("Ticker", ""));
    assertThat(r.privateUrl("/0/private/AddOrder")).isSameAs(r.privateUrl("/0/private/AddOrder"));
  }

  @Test
  void anInvalidBaseUrlStillFailsOnTheRequestThatUsesIt() {
    KrakenRest r = rest("not a url");
    assertThatThrownBy(() -> r.publicUrl("Ticker", "pair=XBTUSD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.privateUrl("/0/private/AddOrder"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
