package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One trusted OIDC issuer: its URL (keys come from its discovery document), audience and rules. */
public class OidcIssuerSettings {

  /** Exactly the token's {@code iss}, e.g. https://token.actions.githubusercontent.com. */
  @JsonProperty
  public String issuer;

  /** The {@code aud} the pipeline asks its platform for, e.g. "pave". */
  @JsonProperty
  public String audience;

  /**
   * Claims whose values, joined, make the name shown for the caller (it falls back to {@code
   * sub}). Display only: identity is the subject.
   */
  @JsonProperty
  public List<String> nameClaims = List.of("repository", "workflow");

  /** First match wins; a token that no rule maps is refused. */
  @JsonProperty
  public List<OidcRuleSettings> rules = List.of();
}
