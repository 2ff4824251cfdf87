package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** Claims to match (a glob per claim, all must match) and the team and role they map to. */
public class OidcRuleSettings {

  @JsonProperty
  public Map<String, String> claims = new LinkedHashMap<>();

  @JsonProperty
  public String team;

  @JsonProperty
  public String role;
}
