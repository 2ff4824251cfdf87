package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bearer is sent, and the one OIDC exchange before the first call (the oidc part's contract). */
class CredentialsTest {

  @Test
  void aPaveTokenIsSentAsItIsAndNeverExchanged() {
    Credentials credentials = Credentials.of("pave_token", "a.jwt.here");
    assertThat(credentials.authorizationHeader(body -> {
      throw new AssertionError("a Pave token is never exchanged");
    })).isEqualTo("Bearer pave_token");
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object("token", "other"))).isFalse();
  }

  @Test
  void anOidcTokenIsExchangedOnceBeforeTheFirstCall() {
    Credentials credentials = Credentials.of(null, "a.jwt.here");
    List<String> exchanged = new ArrayList<>();
    String header = credentials.authorizationHeader(body -> {
      exchanged.add(body);
      return Json.object("token", "pave_short-lived", "expiresAt", "2026-12-01T01:00:00Z");
    });
    assertThat(header).isEqualTo("Bearer pave_short-lived");
    assertThat(exchanged).containsExactly("{\"token\":\"a.jwt.here\"}");
    assertThat(credentials.authorizationHeader(body -> Json.object("token", "again")))
        .isEqualTo("Bearer pave_short-lived");
    // a 401 later is final: no loop of exchanges
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object("token", "again"))).isFalse();
  }

  @Test
  void aRefusedExchangeFallsBackToTheJwtAsBearerOnce() {
    Credentials credentials = Credentials.of(null, "a.jwt.here");
    assertThat(credentials.authorizationHeader(body -> Json.object())).isEqualTo("Bearer a.jwt.here");
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object("token", "x"))).isFalse();
  }

  @Test
  void noCredentialIsAUsageError() {
    assertThatThrownBy(() -> Credentials.of(null, null)).isInstanceOf(CliFailure.class)
        .extracting(e -> ((CliFailure) e).exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
