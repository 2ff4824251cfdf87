package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** Bounds that keep one caller from starving the others. */
public class LimitsSettings {

  /**
   * Most requests one team may have running at once (admitted and queued, planning, checking or
   * applying: the statuses that hold or wait for a worker; awaiting_approval holds none). A
   * request beyond it is accepted and waits, queued, for one of its team's runs to end
   * (docs/architecture.md, "Run admission").
   */
  @Min(1) @JsonProperty
  public int runsPerTeam = 10;

  /**
   * Most requests one team may have waiting for a run slot. A request beyond it is refused with
   * 429 and Retry-After, and nothing is stored.
   */
  @Min(0) @JsonProperty
  public int waitingPerTeam = 1000;
}
