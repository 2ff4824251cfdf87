package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How workers run Terraform. */
public class TerraformConfig {

  /** The binary: a name looked up on PATH, or a path. OpenTofu's tofu works too. */
  @JsonProperty
  public String binary = "terraform";

  /** A Terraform CLI config (e.g. a provider mirror). Default: none, so a developer's ~/.terraformrc never leaks in. */
  @JsonProperty
  public String cliConfigFile;

  @JsonProperty
  public Duration commandTimeout = Duration.ofMinutes(30);

  @JsonProperty
  public Duration lockTimeout = Duration.ofSeconds(60);

  /**
   * libpq URL of the database that holds Terraform state (one schema per workspace). Default: the
   * embedded cluster, or Pave's own database in cluster mode.
   */
  @JsonProperty
  public String stateDatabaseUrl;

  /** Extra environment for Terraform and its provisioners, e.g. PGPASSWORD of a target server. */
  @JsonProperty
  public Map<String, String> environment = new LinkedHashMap<>();
}
