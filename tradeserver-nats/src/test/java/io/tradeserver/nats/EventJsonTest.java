package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeserver.engine.ControlResult;
import io.tradeserver.engine.SignalRejected;
import io.tradeserver.model.Fill;
import io.tradeserver.model.InstrumentId;
import io.tradeserver.model.Liquidity;
import io.tradeserver.model.Order;
import io.tradeserver.model.OrderStatus;
import io.tradeserver.model.OrderType;
import io.tradeserver.model.Position;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.risk.RiskEvent;
import io.tradeserver.risk.TradingState;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  static final InstrumentId BTC = InstrumentId.of("binance", "BTC-USDT");
  static final Order ORDER =
      new Order(
          "c-1",
          "x-9",
          "s-1",
          "momentum",
          BTC,
          Side.BUY,
          OrderType.LIMIT,
          TimeInForce.GTC,
          Price.parse("64000.50", 2),
          Quantity.parse("0.0100", 5),
          null,
          Quantity.parse("0.00400", 5),
          Price.parse("64000.25"),
          OrderStatus.PARTIALLY_FILLED,
          null,
          null,
          null,
          1_000_000_000L,
          1_764_018_000_123_456_789L);

  static JsonNode json(byte[] b) throws Exception {
    return EventTap.JSON.readTree(b);
  }

  @Test
  void orderEventHasEveryContractFieldWithDecimalsAsStrings() throws Exception {
    JsonNode j = json(EventJson.order(ORDER));
    assertThat(j.toString())
        .isEqualTo(
            "{\"clientOrderId\":\"c-1\",\"exchangeOrderId\":\"x-9\",\"signalId\":\"s-1\","
                + "\"strategy\":\"momentum\",\"exchange\":\"binance\",\"symbol\":\"BTC-USDT\","
                + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\","
                + "\"price\":\"64000.50\",\"quantity\":\"0.01000\",\"quoteQuantity\":null,"
                + "\"filledQuantity\":\"0.00400\",\"averagePrice\":\"64000.25\","
                + "\"status\":\"PARTIALLY_FILLED\",\"reason\":null,\"detail\":null,\"route\":null,"
                + "\"paper\":false,\"timestamp\":1764018000123,\"timestampNanos\":1764018000123456789}");
    assertThat(json(EventJson.order(ORDER, true)).get("paper").asBoolean()).isTrue();
  }

  @Test
  void arbitrageOpportunityAndOutcomeShareTheSymbolsSubjectAndSayWhichTheyAre() throws Exception {
    var a =
        new io.tradeserver.engine.ArbitrageOpportunity(
            7,
            "BTC-USDT",
            "sim-c",
            "sim-b",
            Price.parse("63990.00"),
            Price.parse("64080.00"),
            Quantity.parse("0.00390"),
            new java.math.BigDecimal("63990.00"),
            new java.math.BigDecimal("64080.00"),
            Price.parse("63990.00"),
            Price.parse("64080.00"),
            new java.math.BigDecimal("14.06"),
            new java.math.BigDecimal("4.06"),
            new java.math.BigDecimal("0.1013"),
            "USDT",
            io.tradeserver.engine.ArbitrageOpportunity.Limit.BOOK_DEPTH,
            1_764_018_000_123_456_789L);
    JsonNode j = json(EventJson.arbitrage(a));
    assertThat(j.get("kind").asText()).isEqualTo("opportunity");
    assertThat(j.get("buyVenue").asText()).isEqualTo("sim-c");
    assertThat(j.get("quantity").asText()).isEqualTo("0.0039"); // parsed at its natural scale
    assertThat(j.get("netEdgeBps").asText()).isEqualTo("4.06");
    assertThat(j.get("limitedBy").asText()).isEqualTo("BOOK_DEPTH");
    assertThat(j.get("timestamp").asLong()).isEqualTo(1_764_018_000_123L);
    var o =
        new io.tradeserver.engine.ArbitrageOutcome(
            7,
            "BTC-USDT",
            "sim-c",
            "sim-b",
            io.tradeserver.engine.ArbitrageOutcome.Result.UNWOUND,
            new java.math.BigDecimal("0.0039"),
            new java.math.BigDecimal("0.0039"),
            new java.math.BigDecimal("0.0020"),
            new java.math.BigDecimal("0.0019"),
            java.math.BigDecimal.ZERO,
            new java.math.BigDecimal("-0.12"),
            "sell leg partly filled",
            "b1",
            "s1",
            "u1",
            1_764_018_000_223_456_789L);
    JsonNode k = json(EventJson.arbitrageOutcome(o));
    assertThat(k.get("kind").asText()).isEqualTo("outcome");
    assertThat(k.get("result").asText()).isEqualTo("UNWOUND");
    assertThat(k.get("realizedPnl").asText()).isEqualTo("-0.12");
    assertThat(k.get("unwindOrderId").asText()).isEqualTo("u1");
  }

  @Test
  void fillCarriesTheOrdersSignalAndExactNotional() throws Exception {
    Fill f =
        new Fill(
            BTC,
            "c-1",
            "x-9",
            "t-7",
            Side.BUY,
            Price.parse("64000.25"),
            Quantity.parse("0.004"),
            Quantity.parse("0.256001"),
            "USDT",
            Liquidity.TAKER,
            5_000_000L);
    JsonNode j = json(EventJson.fill(f, ORDER, false));
    assertThat(j.get("tradeId").asText()).isEqualTo("t-7");
    assertThat(j.get("signalId").asText()).isEqualTo("s-1");
    assertThat(j.get("notional").asText()).isEqualTo("256.00100");
    assertThat(j.get("fee").asText()).isEqualTo("0.256001");
    assertThat(j.get("orderStatus").asText()).isEqualTo("PARTIALLY_FILLED");
    assertThat(j.get("reconciled").asBoolean()).isFalse();
    assertThat(j.get("timestamp").asLong()).isEqualTo(5);
    assertThat(json(EventJson.fill(f, null, true)).get("signalId").isNull()).isTrue();
  }

  @Test
  void positionRiskRejectedAndControl() throws Exception {
    Position p =
        new Position(
            BTC,
            Quantity.parse("0.004"),
            Price.parse("64000.25"),
            new BigDecimal("256.001"),
            BigDecimal.ZERO,
            new BigDecimal("-0.50"),
            new BigDecimal("0.256"),
            Map.of("BNB", new BigDecimal("0.001")),
            Price.parse("63875"),
            1,
            9_000_000L);
    JsonNode pj = json(EventJson.position(p));
    assertThat(pj.get("netPnl").asText()).isEqualTo("-0.756");
    assertThat(pj.get("otherFees").get("BNB").asText()).isEqualTo("0.001");
    assertThat(pj.get("markPrice").asText()).isEqualTo("63875");

    RiskEvent r =
        new RiskEvent(
            RiskEvent.Kind.DENIAL,
            RejectCode.TRADING_HALTED,
            "halted",
            null,
            null,
            null,
            BTC,
            "c-2",
            "s-2",
            "momentum",
            1_000_000L);
    JsonNode rj = json(EventJson.risk(r));
    assertThat(rj.get("code").asText()).isEqualTo("TRADING_HALTED");
    assertThat(rj.get("exchange").asText()).isEqualTo("binance");
    assertThat(rj.get("symbol").asText()).isEqualTo("BTC-USDT");

    JsonNode dj =
        json(
            EventJson.rejected(
                new SignalRejected(
                    RejectCode.MISSING_FIELD, "side is required", "{\"a\":1}", null, 0)));
    assertThat(dj.get("reason").asText()).isEqualTo("MISSING_FIELD");
    assertThat(dj.get("raw").asText()).isEqualTo("{\"a\":1}");

    assertThat(
            json(EventJson.control(new ControlResult(true, TradingState.HALTED, "halted: x")))
                .toString())
        .isEqualTo("{\"ok\":true,\"state\":\"HALTED\",\"detail\":\"halted: x\"}");
  }

  @Test
  void subjectsFollowTheContract() {
    NatsSubjects s = new NatsSubjects("tradeserver");
    assertThat(s.order(BTC)).isEqualTo("tradeserver.events.order.binance.BTC-USDT");
    assertThat(s.fill(BTC)).isEqualTo("tradeserver.events.fill.binance.BTC-USDT");
    assertThat(s.position(BTC)).isEqualTo("tradeserver.events.position.binance.BTC-USDT");
    assertThat(s.risk()).isEqualTo("tradeserver.events.risk");
    assertThat(s.arbitrage("BTC-USDT")).isEqualTo("tradeserver.events.arbitrage.BTC-USDT");
    assertThat(s.control("cancel-all")).isEqualTo("tradeserver.control.cancel-all");
    assertThat(s.rejected()).isEqualTo("tradeserver.signals.rejected");
    assertThat(s.strategyOf("tradeserver.signals.momentum")).isEqualTo("momentum");
    assertThat(s.strategyOf("other.signals.momentum")).isNull();
    assertThat(s.order(new InstrumentId("we.ird", "A*", "B")))
        .isEqualTo("tradeserver.events.order.we_ird.A_-B");
    assertThat(NatsBridge.redact("nats://user:pw@host:4222,nats://h2:4222"))
        .isEqualTo("nats://***@host:4222,nats://h2:4222");
  }
}
