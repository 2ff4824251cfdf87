package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Bounds that keep one caller from starving the others. */
public class LimitsSettings {

  /**
   * Most requests one team may have running at once (queued, planning, checking or applying: the
   * statuses that hold or wait for a worker; awaiting_approval holds none). A request beyond it
   * is refused with 429 and Retry-After, and nothing is stored.
   */
  @Min(1) @JsonProperty
  public int runsPerTeam = 10;
}
