package dev.pave.api.auth;

import dev.pave.api.errors.ApiException;
import java.util.List;

/** 429: too many failed authentications from one address; says when to come back, nothing else. */
public final class TooManyFailedSignIns extends ApiException {

  public TooManyFailedSignIns(long retryAfterSeconds) {
    super(429, "too many failed authentications from your address; retry in " + retryAfterSeconds + " s", List.of(),
        Math.toIntExact(retryAfterSeconds));
  }
}
