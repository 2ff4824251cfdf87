package dev.pave.api.auth;

import dev.pave.api.errors.ApiException;

/** 429: too many failed authentications from one address; says when to come back, nothing else. */
public final class TooManyFailedSignIns extends ApiException {

  private final long retryAfterSeconds;

  public TooManyFailedSignIns(long retryAfterSeconds) {
    super(429, "too many failed authentications from your address; retry in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
