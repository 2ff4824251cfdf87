package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The embedded default's services. */
public class EmbeddedSettings {

  /** Port of Pave's own embedded PostgreSQL (loopback only). 0 picks a free one at each start. */
  @JsonProperty
  public int databasePort = 0;

  /**
   * Port of the embedded target server that the postgres-database golden path provisions into.
   * Fixed, because provisioned databases hand this port to their users.
   */
  @JsonProperty
  public int targetPort = 5433;

  /** Where the packaged PostgreSQL binaries are unpacked. Default: {home}/postgres-binaries. */
  @JsonProperty
  public String binariesDir;
}
