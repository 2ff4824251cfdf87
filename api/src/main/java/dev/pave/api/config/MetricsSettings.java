package dev.pave.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.metrics.common.MetricsFactory;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Dropwizard's {@code metrics} block, plus the environments Pave's Prometheus series are labelled
 * with. Any other environment a request names is counted as {@code other}: a requester chooses
 * the environment's name, and must not be able to create series at will.
 */
public class MetricsSettings extends MetricsFactory {

  @NotNull
  @JsonProperty
  public List<String> environments = List.of("dev", "staging", "prod");
}
