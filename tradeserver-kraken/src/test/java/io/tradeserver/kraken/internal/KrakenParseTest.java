package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.event.OrderStatusReport;
import io.tradeserver.kraken.FakeKraken;
import io.tradeserver.model.Balance;
import io.tradeserver.model.Instrument;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.Side;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrakenParseTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Market> markets() throws Exception {
    return KrakenParse.markets(
        "kraken", KrakenParse.envelope(bytes(FakeKraken.resource("asset-pairs.json"))).result());
  }

  @Test
  void assetPairsBecomeCanonicalInstrumentsWithTheirRules() throws Exception {
    List<Market> all = markets();
    Market btc = all.stream().filter(m -> m.pairKey().equals("XXBTZUSD")).findFirst().orElseThrow();
    Instrument i = btc.instrument();
    assertThat(i.id()).isEqualTo(InstrumentId.parse("kraken:BTC-USD"));
    assertThat(i.nativeSymbol()).isEqualTo("XXBTZUSD");
    assertThat(i.tickSize()).isEqualTo(Price.parse("0.1"));
    assertThat(i.priceScale()).isEqualTo(1);
    assertThat(i.stepSize()).isEqualTo(Quantity.parse("0.00000001"));
    assertThat(i.quantityScale()).isEqualTo(8);
    assertThat(i.minQuantity()).isEqualTo(Quantity.parse("0.0001"));
    assertThat(i.minNotional()).isEqualTo(Quantity.parse("0.5"));
    assertThat(i.tradable()).isTrue();
    assertThat(btc.altname()).isEqualTo("XBTUSD");
    assertThat(btc.wsSymbol()).isEqualTo("BTC/USD");
    assertThat(btc.pairDecimals()).isEqualTo(1);
    assertThat(btc.lotDecimals()).isEqualTo(8);

    Market eth = all.stream().filter(m -> m.pairKey().equals("XETHXXBT")).findFirst().orElseThrow();
    assertThat(eth.instrument().id().symbol()).isEqualTo("ETH-BTC");
    assertThat(eth.instrument().tickSize()).isEqualTo(Price.parse("0.00001"));

    Market doge = all.stream().filter(m -> m.pairKey().equals("XDGUSD")).findFirst().orElseThrow();
    assertThat(doge.instrument().id().symbol()).isEqualTo("DOGE-USD");
    assertThat(doge.instrument().tradable()).as("cancel_only is not tradable").isFalse();
  }

  @Test
  void legacyAndModernAssetNames() {
    assertThat(KrakenAssets.canonical("XXBT")).isEqualTo("BTC");
    assertThat(KrakenAssets.canonical("XBT")).isEqualTo("BTC");
    assertThat(KrakenAssets.canonical("ZUSD")).isEqualTo("USD");
    assertThat(KrakenAssets.canonical("XETH")).isEqualTo("ETH");
    assertThat(KrakenAssets.canonical("XXDG")).isEqualTo("DOGE");
    assertThat(KrakenAssets.canonical("XRP")).isEqualTo("XRP");
    assertThat(KrakenAssets.canonical("XTZ")).isEqualTo("XTZ");
    assertThat(KrakenAssets.canonical("USDT")).isEqualTo("USDT");
  }

  @Test
  void balanceExGivesFreeAndHeldWithCanonicalAssets() throws Exception {
    List<Balance> b =
        KrakenParse.balances(
            KrakenParse.envelope(bytes(FakeKraken.resource("balance-ex.json"))).result());
    assertThat(b)
        .containsExactlyInAnyOrder(
            new Balance("USD", Quantity.parse("24664.85"), Quantity.parse("1000")),
            new Balance("BTC", Quantity.parse("1.25"), Quantity.parse("0")),
            new Balance("ETH", Quantity.parse("0.4"), Quantity.parse("0.1")));
  }

  @Test
  void queryOrdersSampleIsAFilledMarketOrder() throws Exception {
    Markets markets = new Markets();
    markets.replace(markets());
    String doc =
        "{\"error\":[],\"result\":{\"OMMDB2-FSB6Z-7W3HPO\":{\"refid\":null,\"userref\":0,"
            + "\"status\":\"closed\",\"reason\":null,\"opentm\":1688592012.2317,\"closetm\":1688592012.2335,"
            + "\"starttm\":0,\"expiretm\":0,\"descr\":{\"pair\":\"XBTUSD\",\"type\":\"sell\",\"ordertype\":\"market\","
            + "\"price\":\"0\",\"price2\":\"0\",\"leverage\":\"none\",\"order\":\"sell 0.25000000 XBTUSD @ market\","
            + "\"close\":\"\"},\"vol\":\"0.25000000\",\"vol_exec\":\"0.25000000\",\"cost\":\"7500.0\",\"fee\":\"7.5\","
            + "\"price\":\"30000.0\",\"stopprice\":\"0.00000\",\"limitprice\":\"0.00000\",\"misc\":\"\","
            + "\"oflags\":\"fcib\",\"trades\":[\"TJUW2K-FLX2N-AR2FLU\"]}}}";
    var result = KrakenParse.envelope(bytes(doc)).result();
    OrderStatusReport r =
        KrakenParse.orderReport(
            "kraken", markets, "OMMDB2-FSB6Z-7W3HPO", result.get("OMMDB2-FSB6Z-7W3HPO"), "c1", 7);
    assertThat(r.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(r.side()).isEqualTo(Side.SELL);
    assertThat(r.type()).isEqualTo(OrderType.MARKET);
    assertThat(r.price()).isNull();
    assertThat(r.quantity()).isEqualTo(Quantity.parse("0.25"));
    assertThat(r.filledQuantity()).isEqualTo(Quantity.parse("0.25"));
    assertThat(r.averagePrice()).isEqualTo(Price.parse("30000"));
    assertThat(r.clientOrderId()).isEqualTo("c1");
    assertThat(KrakenParse.tradeIds(result.get("OMMDB2-FSB6Z-7W3HPO")))
        .containsExactly("TJUW2K-FLX2N-AR2FLU");
  }

  @Test
  void addOrderAnswerIsStreamed() throws Exception {
    assertThat(KrakenParse.addOrder(bytes(FakeKraken.resource("add-order.json"))))
        .isEqualTo(new KrakenParse.AddOrderAck("OWQJ5O-ZWYC7-5R7POQ", null));
    assertThat(KrakenParse.addOrder(bytes("{\"error\":[\"EOrder:Insufficient funds\"]}")))
        .isEqualTo(new KrakenParse.AddOrderAck(null, "EOrder:Insufficient funds"));
  }
}
