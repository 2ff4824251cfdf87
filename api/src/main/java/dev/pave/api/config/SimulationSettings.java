package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Bounds on {@code POST /v1/policies/simulate}: a simulation runs caller-written code over many
 * recorded requests, so one call must not hold the server's cores or threads for long.
 */
public class SimulationSettings {

  /** A simulation still running after this is stopped and answered with a 503. */
  @NotNull @JsonProperty
  public Duration deadline = Duration.ofSeconds(10);

  /** Candidate policy files per call; more is a 422 on {@code policies}. */
  @Min(1) @Max(500) @JsonProperty
  public int maxPolicies = 20;

  /** Recorded requests replayed per call; a window holding more is a 422 on {@code since}. */
  @Min(1) @Max(100_000) @JsonProperty
  public int maxRequests = 500;
}
