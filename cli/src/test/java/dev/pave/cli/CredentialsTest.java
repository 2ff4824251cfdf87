package dev.pave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bearer is sent, and the one OIDC exchange after a 401 (the oidc part's contract). */
class CredentialsTest {

  @Test
  void aPaveTokenIsSentAsItIsAndNeverExchanged() {
    Credentials credentials = Credentials.of("pave_token", "a.jwt.here");
    assertThat(credentials.authorizationHeader()).isEqualTo("Bearer pave_token");
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object("token", "other"))).isFalse();
  }

  @Test
  void anOidcTokenIsTriedAsTheBearerThenExchangedOnceAfterA401() {
    Credentials credentials = Credentials.of(null, "a.jwt.here");
    assertThat(credentials.authorizationHeader()).isEqualTo("Bearer a.jwt.here");
    List<String> exchanged = new ArrayList<>();
    assertThat(credentials.renewAfterUnauthorized(body -> {
      exchanged.add(body);
      return Json.object("token", "pave_short-lived", "expiresAt", "2026-12-01T01:00:00Z");
    })).isTrue();
    assertThat(exchanged).containsExactly("{\"token\":\"a.jwt.here\"}");
    assertThat(credentials.authorizationHeader()).isEqualTo("Bearer pave_short-lived");
    // a second 401 is final: no loop of exchanges
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object("token", "again"))).isFalse();
  }

  @Test
  void aRefusedExchangeKeepsThe401() {
    Credentials credentials = Credentials.of(null, "a.jwt.here");
    assertThat(credentials.renewAfterUnauthorized(body -> Json.object())).isFalse();
  }

  @Test
  void noCredentialIsAUsageError() {
    assertThatThrownBy(() -> Credentials.of(null, null)).isInstanceOf(CliFailure.class)
        .extracting(e -> ((CliFailure) e).exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
