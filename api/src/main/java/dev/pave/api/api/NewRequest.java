package dev.pave.api.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** Body of POST /v1/requests. Unknown top-level fields are refused (a typo never passes silently). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record NewRequest(
    String module,
    String version,
    String workspace,
    String environment,
    String action,
    JsonNode inputs,
    JsonNode ttlHours) {}
