package dev.pave.api.config;

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

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
