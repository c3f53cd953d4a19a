package io.tradeserver.kucoin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.kucoin.internal.KucoinErrors.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table; the code decides, the message only refines 400100. */
class KucoinErrorsTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|200000||OK",
        "500|200000||SERVER",
        "200|||SERVER",
        "429|||RATE_LIMITED",
        "200|429000|Too Many Requests|RATE_LIMITED",
        "200|200002|Too many requests|RATE_LIMITED",
        "401|400001|Please check the URL of your request.|AUTHENTICATION",
        "400|400002|Invalid KC-API-TIMESTAMP.|TIMESTAMP",
        "400|400003|KC-API-KEY does not exist.|AUTHENTICATION",
        "400|400004|Invalid KC-API-PASSPHRASE.|AUTHENTICATION",
        "400|400005|Invalid KC-API-SIGN.|AUTHENTICATION",
        "400|400006|Invalid request IP|AUTHENTICATION",
        "400|400007|Access denied, requires more permission.|AUTHENTICATION",
        "200|200004|Balance insufficient|INSUFFICIENT_BALANCE",
        "200|400100|account.available.amount|INSUFFICIENT_BALANCE",
        "200|400100|Balance insufficient!|INSUFFICIENT_BALANCE",
        "200|400100|Order size increment invalid.|FILTER",
        "200|400100|Parameter Error|FILTER",
        "200|400100|order_not_exist_or_not_allow_to_cancel|ORDER_NOT_FOUND",
        "200|400100|order not exist.|ORDER_NOT_FOUND",
        "400|400370|Max. price: 0.025|FILTER",
        "200|200001|Order creation for this pair suspended|REJECTED",
        "200|400600|validation.createOrder.symbolNotAvailable|REJECTED",
        "200|411100|User are frozen|REJECTED",
        "200|500000|Internal Server Error|SERVER",
        "503|123456|unknown|SERVER",
        "403|123456|unknown|AUTHENTICATION",
        "400|123456|unknown|REJECTED",
        "502|||SERVER",
        "404|||REJECTED",
      })
  void classifies(int http, String code, String msg, Kind expected) {
    assertThat(KucoinErrors.classify(http, code, msg)).isEqualTo(expected);
  }
}
