package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.metrics.common.MetricsFactory;
import java.util.List;

/**
 * Dropwizard's {@code metrics} block. {@code environments} here is the older name of the
 * top-level {@code environments} list (see PaveConfiguration#configuredEnvironments), still read so
 * existing files keep working; null when a file does not set it.
 */
public class MetricsSettings extends MetricsFactory {

  @JsonProperty
  public List<String> environments;
}
