package dev.pave.api.errors;

import java.util.List;

/** The one error shape of the API: {"code": 422, "message": "...", "errors": [{"field", "message"}]}. */
public record ApiError(int code, String message, List<FieldMessage> errors) {

  public record FieldMessage(String field, String message) {}

  public static ApiError of(int code, String message) {
    return new ApiError(code, message, List.of());
  }
}
