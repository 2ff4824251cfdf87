package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * OIDC identity for pipelines (docs/oidc.md): the issuers whose tokens Pave trusts, and how long a
 * Pave token exchanged for one lives. Checked at start by {@code OidcSettingsCheck}.
 */
public class OidcSettings {

  @JsonProperty
  public List<OidcIssuerSettings> issuers = List.of();

  /**
   * Lifetime of a Pave token exchanged at POST /v1/auth/oidc (ISO-8601; PT1M to PT12H): long
   * enough for a run that outlives its five-minute OIDC token, and never longer than this.
   */
  @JsonProperty
  public Duration exchangedTokenLifetime = Duration.ofHours(1);

  /** Connect and read timeout of each fetch of an issuer's discovery document or keys. */
  @JsonProperty
  public Duration fetchTimeout = Duration.ofSeconds(5);
}
