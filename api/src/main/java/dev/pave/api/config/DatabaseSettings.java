package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Pave's own PostgreSQL. No url: the embedded one under {home}/postgres. */
public class DatabaseSettings {

  /** A JDBC URL, e.g. jdbc:postgresql://db.internal:5432/pave. */
  @JsonProperty
  public String url;

  @JsonProperty
  public String user = "postgres";

  @JsonProperty
  public String password;

  @JsonProperty
  public int maxConnections = 16;

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
