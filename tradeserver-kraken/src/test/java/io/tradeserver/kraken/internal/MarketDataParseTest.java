package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.event.Ticker;
import io.tradeserver.kraken.FakeKraken;
import io.tradeserver.model.BookSnapshot;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarketDataParseTest {
  private static JsonNode result(String json) throws Exception {
    return KrakenParse.envelope(json.getBytes(StandardCharsets.UTF_8)).result();
  }

  private static Market market(String key, String altname, int priceScale) {
    Instrument i =
        Instrument.builder(InstrumentId.parse("kraken:BTC-EUR"), key)
            .tickSize(Price.of(1, priceScale))
            .stepSize(Quantity.of(1, 8))
            .build();
    return new Market(i, key, altname, "BTC/EUR", priceScale, 8);
  }

  @Test
  void olderTwoElementTickerArraysCarryTheSizeSecond() throws Exception {
    // The venue sample as published (XChange's example-ticker-data.json): a/b = [price, volume].
    Market eur = market("XXBTZEUR", "XBTEUR", 5);
    JsonNode entry =
        MarketDataParse.pairEntry(result(FakeKraken.resource("ticker-xchange.json")), eur);
    Ticker t = MarketDataParse.ticker("kraken", eur, entry, 7L);
    assertThat(t)
        .isEqualTo(
            new Ticker(
                "kraken",
                eur.instrument().id(),
                Price.parse("560.46600"),
                Quantity.parse("1"),
                Price.parse("562.26651"),
                Quantity.parse("1"),
                Price.parse("560.87711"),
                Quantity.parse("600.91850325"),
                7L));
    assertThat(t.bid().scale()).isEqualTo(5);
    assertThat(t.volume24h().scale()).isEqualTo(8);
  }

  @Test
  void missingTickerFieldsAreNull() throws Exception {
    Market eur = market("XXBTZEUR", "XBTEUR", 1);
    Ticker t =
        MarketDataParse.ticker(
            "kraken", eur, result("{\"error\":[],\"result\":{\"c\":[\"1.0\"]}}"), 1L);
    assertThat(t.last()).isEqualTo(Price.parse("1"));
    assertThat(t.bid()).isNull();
    assertThat(t.bidQuantity()).isNull();
    assertThat(t.ask()).isNull();
    assertThat(t.askQuantity()).isNull();
    assertThat(t.volume24h()).isNull();
  }

  @Test
  void theAnswerIsFoundUnderThePairKeyTheAltnameOrAsItsOnlyEntry() throws Exception {
    Market eur = market("XXBTZEUR", "XBTEUR", 1);
    assertThat(MarketDataParse.pairEntry(result("{\"result\":{\"XXBTZEUR\":{\"o\":\"1\"}}}"), eur))
        .isNotNull();
    assertThat(MarketDataParse.pairEntry(result("{\"result\":{\"XBTEUR\":{\"o\":\"1\"}}}"), eur))
        .isNotNull();
    assertThat(MarketDataParse.pairEntry(result("{\"result\":{\"BTC/EUR\":{\"o\":\"1\"}}}"), eur))
        .isNotNull();
    assertThat(MarketDataParse.pairEntry(result("{\"result\":{\"A\":{},\"B\":{}}}"), eur)).isNull();
  }

  @Test
  void depthIsExactAndBestFirst() throws Exception {
    Market usd = market("XXBTZUSD", "XBTUSD", 1);
    JsonNode entry = MarketDataParse.pairEntry(result(FakeKraken.resource("depth.json")), usd);
    BookSnapshot s = MarketDataParse.depth(usd, entry, 2, 9L);
    assertThat(s.bidPrices()).containsExactly(35389, 35387);
    assertThat(s.bidQuantities()).containsExactly(75_400_000L, 79_800_000L);
    assertThat(s.askPrices()).containsExactly(35399, 35402);
    assertThat(s.askQuantities()).containsExactly(80_100_000L, 100_000_000L);
    assertThat(s.timeNanos()).isEqualTo(9L);
  }

  @Test
  void digitsBeyondTheScaleAreRefusedNotRounded() throws Exception {
    JsonNode n = result("{\"result\":[\"3537.50000\",\"3537.45\",3537.45,42]}");
    assertThat(MarketDataParse.units(n.get(0), 1)).isEqualTo(35375);
    assertThatThrownBy(() -> MarketDataParse.units(n.get(1), 1))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> MarketDataParse.units(n.get(2), 1))
        .isInstanceOf(ArithmeticException.class);
    assertThat(MarketDataParse.units(n.get(3), 2)).isEqualTo(4200);
  }
}
