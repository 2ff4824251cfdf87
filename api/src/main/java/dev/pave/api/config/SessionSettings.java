package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** Browser sessions (the dashboard, later the portal): see dev.pave.api.session. */
public class SessionSettings {

  /**
   * Absolute lifetime of a browser session, from sign-in (ISO-8601, e.g. PT8H). Hours, not days:
   * a stolen cookie is worth little for long, and a workday needs one sign-in.
   */
  @JsonProperty
  public Duration lifetime = Duration.ofHours(8);
}
