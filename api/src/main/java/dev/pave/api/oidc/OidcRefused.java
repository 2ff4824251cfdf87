package dev.pave.api.oidc;

import dev.pave.api.errors.ApiException;

/**
 * 401: an OIDC token Pave does not accept. The message says why (expired, wrong audience, no rule
 * maps it) so a pipeline's author can fix it, and never repeats the token.
 */
public final class OidcRefused extends ApiException {

  OidcRefused(String why) {
    super(401, "OIDC token refused: " + why);
  }
}
