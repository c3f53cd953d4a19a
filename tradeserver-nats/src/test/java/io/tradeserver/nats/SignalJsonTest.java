package io.tradeserver.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.model.OrderType;
import io.tradeserver.model.Price;
import io.tradeserver.model.Quantity;
import io.tradeserver.model.RejectCode;
import io.tradeserver.model.Side;
import io.tradeserver.model.Signal;
import io.tradeserver.model.TimeInForce;
import io.tradeserver.nats.SignalJson.ParseError;
import io.tradeserver.nats.SignalJson.Parsed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalJsonTest {
  static final String CONTRACT_EXAMPLE =
      "{ \"signalId\": \"s-000123\", \"strategy\": \"momentum\", \"symbol\": \"BTC-USDT\","
          + " \"side\": \"BUY\", \"type\": \"LIMIT\", \"quantity\": \"0.0100\", \"price\":"
          + " \"64000.50\", \"exchange\": \"binance\", \"timeInForce\": \"GTC\","
          + " \"maxSlippageBps\": 15, \"timestamp\": 1764018000123 }";

  static SignalJson.Result parse(String json) {
    return SignalJson.parse(json.getBytes(StandardCharsets.UTF_8), "from-subject", 77L);
  }

  static ParseError error(String json) {
    SignalJson.Result r = parse(json);
    assertThat(r).isInstanceOf(ParseError.class);
    return (ParseError) r;
  }

  @Test
  void theContractExampleParsesExactly() {
    Signal s = ((Parsed) parse(CONTRACT_EXAMPLE)).signal();
    Signal expected =
        new Signal(
            "s-000123",
            "momentum",
            "BTC-USDT",
            Side.BUY,
            OrderType.LIMIT,
            Quantity.parse("0.0100"),
            null,
            Price.parse("64000.50"),
            "binance",
            TimeInForce.GTC,
            15,
            1764018000123L,
            null,
            77L);
    assertThat(s).isEqualTo(expected);
    assertThat(s.quantity().toString()).isEqualTo("0.01");
  }

  @Test
  void defaultsComeFromTheSubjectAndTheContract() {
    Signal s =
        ((Parsed)
                parse(
                    "{\"signalId\":\"a\",\"symbol\":\"eth-usdt\",\"side\":\"sell\","
                        + "\"type\":\"MARKET\",\"notional\":\"250\",\"exchange\":\"best\","
                        + "\"extra\":{\"ignored\":[1,2]}}"))
            .signal();
    assertThat(s.strategy()).isEqualTo("from-subject");
    assertThat(s.symbol()).isEqualTo("ETH-USDT");
    assertThat(s.side()).isEqualTo(Side.SELL);
    assertThat(s.notional()).isEqualTo(Quantity.parse("250"));
    assertThat(s.routed()).isTrue();
    assertThat(s.timeInForce()).isEqualTo(TimeInForce.GTC);
  }

  @Test
  void malformedJsonIsMalformed() {
    assertThat(error("{\"signalId\": \"x\", ").reason()).isEqualTo(RejectCode.MALFORMED_SIGNAL);
    assertThat(error("[1,2]").detail()).isEqualTo("expected a JSON object");
    assertThat(error("{} {}").detail()).contains("trailing");
    assertThat(error("").reason()).isEqualTo(RejectCode.MALFORMED_SIGNAL);
    ParseError dup = error("{\"signalId\":\"a\",\"signalId\":\"b\"}");
    assertThat(dup.reason()).isEqualTo(RejectCode.MALFORMED_SIGNAL);
    assertThat(dup.detail()).contains("Duplicate field 'signalId'");
    // Any known field given twice is ambiguous; an unknown one is ignored, so is its repeat.
    String order = CONTRACT_EXAMPLE.substring(0, CONTRACT_EXAMPLE.lastIndexOf('}'));
    assertThat(error(order + ", \"quantity\": \"5\"}").detail())
        .isEqualTo("Duplicate field 'quantity'");
    assertThat(error(order + ", \"timestamp\": 1}").detail())
        .isEqualTo("Duplicate field 'timestamp'");
    assertThat(parse(order + ", \"note\": 1, \"note\": {\"a\": 1, \"a\": 2}}"))
        .isInstanceOf(SignalJson.Parsed.class);
  }

  @Test
  void missingFieldsAreAllNamed() {
    ParseError e = error("{\"signalId\":\"a\",\"type\":\"LIMIT\"}");
    assertThat(e.reason()).isEqualTo(RejectCode.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("symbol");
    assertThat(e.signalId()).isEqualTo("a");
    assertThat(e.detail())
        .isEqualTo(
            "symbol is required; side is required; one of quantity or notional is required;"
                + " price is required for LIMIT");
  }

  @Test
  void wrongTypesAndValuesAreInvalidWithTheField() {
    String base =
        "{\"signalId\":\"a\",\"symbol\":\"BTC-USDT\",\"side\":\"BUY\",\"type\":\"MARKET\",";
    ParseError number = error(base + "\"quantity\":0.01}");
    assertThat(number.reason()).isEqualTo(RejectCode.INVALID_FIELD);
    assertThat(number.field()).isEqualTo("quantity");
    assertThat(number.detail()).isEqualTo("quantity must be a decimal string, e.g. \"0.0100\"");
    assertThat(error(base + "\"quantity\":\"1e3\"}").detail()).contains("not a plain decimal");
    assertThat(error(base + "\"quantity\":\"-1\"}").detail()).contains("must be > 0");
    assertThat(error(base + "\"quantity\":\"1\",\"notional\":\"2\"}").detail())
        .contains("not both");
    assertThat(error(base + "\"quantity\":\"1\",\"maxSlippageBps\":\"15\"}").field())
        .isEqualTo("maxSlippageBps");
    assertThat(error(base + "\"quantity\":\"1\",\"timestamp\":1.5}").field())
        .isEqualTo("timestamp");
    assertThat(error(base + "\"quantity\":\"1\",\"timeInForce\":\"DAY\"}").detail())
        .isEqualTo("timeInForce must be GTC, IOC or FOK, was 'DAY'");
    ParseError side = error(base.replace("\"BUY\"", "\"HOLD\"") + "\"quantity\":\"1\"}");
    assertThat(side.detail()).isEqualTo("side must be BUY or SELL, was 'HOLD'");
    for (String bad :
        new String[] {"BTCUSDT", "BTC-", "-USDT", "BTC--USDT", "BTC-US-DT", "BTC_USDT"}) {
      assertThat(error(base.replace("BTC-USDT", bad) + "\"quantity\":\"1\"}").detail())
          .as(bad)
          .isEqualTo("symbol must be BASE-QUOTE, was '" + bad + "'");
    }
    assertThat(parse(base.replace("BTC-USDT", "eth-btc2") + "\"quantity\":\"1\"}"))
        .as("upper-cased, digits allowed")
        .isInstanceOf(SignalJson.Parsed.class);
    assertThat(error(base.replace("\"a\"", "true") + "\"quantity\":\"1\"}").detail())
        .isEqualTo("signalId must be a string");
    assertThat(
            error(base.replace("\"a\"", "\"" + "x".repeat(129) + "\"") + "\"quantity\":\"1\"}")
                .field())
        .isEqualTo("signalId");
  }

  @Test
  void missingWinsOverInvalidAndBothAreListed() {
    ParseError e =
        error("{\"signalId\":\"a\",\"symbol\":\"BTC-USDT\",\"side\":7,\"quantity\":\"1\"}");
    assertThat(e.reason()).isEqualTo(RejectCode.MISSING_FIELD);
    assertThat(e.field()).isEqualTo("type");
    assertThat(e.detail()).isEqualTo("type is required; side must be a string");
  }

  @Test
  void invalidUtf8IsReplacedInTheRawText() {
    byte[] bad = {'{', (byte) 0xC3, '}'};
    assertThat(SignalJson.parse(bad, null)).isInstanceOf(ParseError.class);
    assertThat(SignalJson.rawText(bad)).isEqualTo("{\uFFFD}");
  }
}
