package dev.pave.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of the list: {"requests": [...]}, an object so that fields can be added beside the list. */
public record RequestList(List<RequestView> requests,
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
        description = "Where the next page starts (pass it as cursor); absent on the last page")
    String nextCursor) {

  public RequestList(List<RequestView> requests) {
    this(requests, null);
  }
}
