package io.tradeserver.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeserver.kraken.internal.KrakenError.Kind;
import io.tradeserver.model.RejectCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrakenErrorsTest {
  private static final long NOW = 1_700_000_000L * 1_000_000_000L;

  @ParameterizedTest
  @CsvSource({
    "EOrder:Insufficient funds, REJECTED, VENUE_INSUFFICIENT_BALANCE",
    "EGeneral:Invalid arguments, REJECTED, VENUE_FILTER_FAILURE",
    "EGeneral:Invalid arguments:volume, REJECTED, VENUE_FILTER_FAILURE",
    "EOrder:Order minimum not met, REJECTED, VENUE_FILTER_FAILURE",
    "EOrder:Cost minimum not met, REJECTED, VENUE_FILTER_FAILURE",
    "EOrder:Post only order, REJECTED, POST_ONLY_WOULD_TAKE",
    "EOrder:Rate limit exceeded, RATE_LIMITED, RATE_LIMITED",
    "EAPI:Rate limit exceeded, RATE_LIMITED, RATE_LIMITED",
    "EService:Throttled: 1700000010, RATE_LIMITED, RATE_LIMITED",
    "EAPI:Invalid nonce, AUTHENTICATION, AUTHENTICATION_FAILED",
    "EAPI:Invalid key, AUTHENTICATION, AUTHENTICATION_FAILED",
    "EAPI:Invalid signature, AUTHENTICATION, AUTHENTICATION_FAILED",
    "EGeneral:Permission denied, AUTHENTICATION, AUTHENTICATION_FAILED",
    "EOrder:Unknown order, UNKNOWN_ORDER, UNKNOWN_ORDER",
    "EService:Unavailable, AMBIGUOUS, VENUE_REJECTED",
    "EService:Busy, AMBIGUOUS, VENUE_REJECTED",
    "EGeneral:Internal error, AMBIGUOUS, VENUE_REJECTED",
    "EService:Market in cancel_only mode, UNAVAILABLE, VENUE_UNAVAILABLE",
    "EGeneral:Temporary lockout, BANNED, RATE_LIMITED",
    "EOrder:Something new, REJECTED, VENUE_REJECTED"
  })
  void mapsKrakenErrorStrings(String error, Kind kind, RejectCode code) {
    KrakenError e = KrakenErrors.classify(error, NOW);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.venueCode()).isEqualTo(error);
    if (kind != Kind.AMBIGUOUS) {
      assertThat(e.rejectCode()).isEqualTo(code);
    }
  }

  @Test
  void throttledCarriesTheVenuesRetryTime() {
    assertThat(KrakenErrors.classify("EService:Throttled: 1700000010", NOW).retryAfterNanos())
        .isEqualTo(10_000_000_000L);
    assertThat(KrakenErrors.classify("EGeneral:Temporary lockout", NOW).retryAfterNanos())
        .isEqualTo(15L * 60 * 1_000_000_000L);
  }

  @Test
  void httpStatusesWithoutABody() {
    assertThat(KrakenErrors.httpStatus(502).kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(KrakenErrors.httpStatus(504).kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(KrakenErrors.httpStatus(429).kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(KrakenErrors.httpStatus(403).kind()).isEqualTo(Kind.REJECTED);
  }
}
