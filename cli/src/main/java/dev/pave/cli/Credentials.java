package dev.pave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Which bearer token goes in `Authorization`, and the one place that knows about OIDC: a pipeline's
 * OIDC token (--oidc-token or PAVE_OIDC_TOKEN) is exchanged before the first call, at POST
 * /v1/auth/oidc ({"token": jwt} -> {"token", "expiresAt"}), for a Pave token that outlives it
 * (GitHub's JWTs live five minutes; a `--wait` on an approval lasts longer). Only if the exchange
 * is refused is the JWT itself sent as the bearer (Pave accepts both), so the answer to it says
 * why. A stored Pave token (--token or PAVE_TOKEN) is used as it is. No token ever leaves this
 * class except in that header or the exchange's body.
 */
public final class Credentials {

  private String bearer;
  private final String oidcToken;
  private boolean exchanged;

  private Credentials(String bearer, String oidcToken) {
    this.bearer = bearer;
    this.oidcToken = oidcToken;
  }

  /** The Pave token wins when both are given: it is what the user named explicitly for Pave. */
  public static Credentials of(String paveToken, String oidcToken) {
    if (paveToken != null) {
      return new Credentials(paveToken, null);
    }
    if (oidcToken != null) {
      return new Credentials(oidcToken, oidcToken);
    }
    throw new CliFailure(ExitCode.USAGE, "no credentials: give --token or PAVE_TOKEN, or an OIDC token with "
        + "--oidc-token or PAVE_OIDC_TOKEN");
  }

  /** {@code exchange} posts the body to /v1/auth/oidc without credentials and answers Pave's reply. */
  public String authorizationHeader(Function<String, JsonNode> exchange) {
    if (oidcToken != null && !exchanged) {
      exchangeOnce(exchange);
    }
    return "Bearer " + bearer;
  }

  /**
   * After a 401: whether a retry with new credentials is worth it. {@code exchange} posts the body
   * to /v1/auth/oidc without credentials and answers Pave's reply.
   */
  public boolean renewAfterUnauthorized(Function<String, JsonNode> exchange) {
    if (oidcToken == null || exchanged) {
      return false;
    }
    return exchangeOnce(exchange);
  }

  private boolean exchangeOnce(Function<String, JsonNode> exchange) {
    exchanged = true;
    JsonNode answer = exchange.apply(Json.object("token", oidcToken).toString());
    String token = answer.path("token").asText(null);
    if (token == null || token.isBlank()) {
      return false;
    }
    bearer = token;
    return true;
  }
}
