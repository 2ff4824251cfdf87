package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.AdminFactory;

/**
 * Dropwizard's {@code admin} block, plus what Pave adds to it: the token a Prometheus scraper
 * presents when the admin port is reachable from elsewhere than this machine.
 */
public class AdminSettings extends AdminFactory {

  /** Required as {@code Authorization: Bearer} on the admin port when set; at least 32 characters. */
  @JsonProperty
  public String prometheusToken = blankToNull(System.getenv("PAVE_PROMETHEUS_TOKEN"));

  /** The scrape token, or null when none is set (an empty value in pave.yml counts as none). */
  @JsonIgnore
  public String scrapeToken() {
    return blankToNull(prometheusToken);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
