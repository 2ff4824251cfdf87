package dev.pave.api.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimGlobTest {

  @Test
  void starMatchesAnyRunQuestionMarkOneCharacterTheRestItself() {
    ClaimGlob payments = ClaimGlob.of("acme/payments-*");
    assertThat(payments.matches("acme/payments-api")).isTrue();
    assertThat(payments.matches("acme/payments-")).isTrue();
    assertThat(payments.matches("acme/payments")).isFalse();
    assertThat(payments.matches("evil/acme/payments-api")).isFalse();
    assertThat(payments.matches("ACME/payments-api")).isFalse();
    assertThat(payments.matches(null)).isFalse();

    assertThat(ClaimGlob.of("refs/heads/*").matches("refs/heads/release/1.2")).isTrue();
    assertThat(ClaimGlob.of("v?").matches("v1")).isTrue();
    assertThat(ClaimGlob.of("v?").matches("v12")).isFalse();
    // Regular-expression characters are themselves, so a dot is no wildcard.
    assertThat(ClaimGlob.of("acme/a.b").matches("acme/axb")).isFalse();
    assertThat(ClaimGlob.of("acme/(x|y)").matches("acme/x")).isFalse();
    assertThat(ClaimGlob.of("acme/(x|y)").matches("acme/(x|y)")).isTrue();
  }
}
