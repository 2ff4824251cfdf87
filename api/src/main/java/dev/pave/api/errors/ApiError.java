package dev.pave.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The one error shape of the API: {"code": 422, "message": "...", "errors": [{"field", "message"}]};
 * an entry names a {@code policy} too when a hard-mandatory request-stage policy refused the field.
 */
public record ApiError(int code, String message, List<FieldMessage> errors) {

  public record FieldMessage(String field, String message,
      @JsonInclude(JsonInclude.Include.NON_NULL)
      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
          description = "the policy that refused the request (present only on a policy's refusal)")
      String policy) {

    public FieldMessage(String field, String message) {
      this(field, message, null);
    }
  }

  public static ApiError of(int code, String message) {
    return new ApiError(code, message, List.of());
  }
}
