package io.tradeserver.kucoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.kucoin.MockKucoin;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instrument rules from {@code GET /api/v2/symbols}, exactly as KuCoin states them. */
class MarketParseTest {

  private static List<Instrument> parse(String body) throws Exception {
    return Json.envelope(body.getBytes(StandardCharsets.UTF_8), MarketParse.instruments("kucoin"))
        .data();
  }

  @Test
  void symbolsFixtureMapsToTheInstrumentRules() throws Exception {
    Instrument i = parse(MockKucoin.fixture("symbols.json")).get(0);
    assertThat(i.id()).isEqualTo(new InstrumentId("kucoin", "BTC", "USDT"));
    assertThat(i.id().toString()).isEqualTo("kucoin:BTC-USDT");
    assertThat(i.nativeSymbol()).isEqualTo("BTC-USDT");
    assertThat(i.tickSize()).isEqualTo(Price.parse("0.1"));
    assertThat(i.priceScale()).isEqualTo(1);
    assertThat(i.stepSize()).isEqualTo(Quantity.parse("0.00000001"));
    assertThat(i.quantityScale()).isEqualTo(8);
    assertThat(i.minQuantity()).isEqualTo(Quantity.parse("0.00001"));
    assertThat(i.maxQuantity()).isEqualTo(Quantity.parse("10000000000"));
    assertThat(i.minNotional()).isEqualTo(Quantity.parse("0.1"));
    assertThat(i.maxNotional()).isEqualTo(Quantity.parse("99999999"));
    assertThat(i.notionalScale()).isEqualTo(8);
    assertThat(i.tradable()).isTrue();
  }

  @Test
  void aSymbolWithUnusableRulesIsSkippedNotFatal() throws Exception {
    String fixture = MockKucoin.fixture("symbols.json");
    String broken = fixture.replace("\"priceIncrement\": \"0.1\"", "\"priceIncrement\": \"0\"");
    String two = fixture.replace("\"data\": [", "\"data\": [" + objectOf(broken) + ",");
    List<Instrument> list = parse(two);
    assertThat(list).extracting(Instrument::nativeSymbol).containsExactly("BTC-USDT");
  }

  @Test
  void unknownNestedFieldsAreSkipped() throws Exception {
    String fixture = MockKucoin.fixture("symbols.json");
    String nested =
        fixture.replace("\"st\": false,", "\"st\": false, \"future\": {\"a\": [1, {\"b\": 2}]},");
    assertThat(parse(nested))
        .extracting(Instrument::minNotional)
        .containsExactly(Quantity.parse("0.1"));
  }

  private static String objectOf(String envelope) {
    return envelope.substring(envelope.indexOf('[') + 1, envelope.lastIndexOf(']'));
  }
}
