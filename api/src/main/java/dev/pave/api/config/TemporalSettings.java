package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Temporal service. No target: an in-process service that nothing outside this JVM can reach. */
public class TemporalSettings {

  /** host:port of a Temporal frontend, e.g. temporal.internal:7233. */
  @JsonProperty
  public String target;

  @JsonProperty
  public String namespace = "default";

  /** Requests a worker runs at once (across workspaces; one workspace is always one at a time). */
  @JsonProperty
  public int maxConcurrentRuns = 8;

  public boolean embedded() {
    return target == null || target.isBlank();
  }
}
