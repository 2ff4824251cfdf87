package dev.pave.api.errors;

import java.util.List;

/** A failure a caller caused or can act on; becomes an ApiError response, never a stack trace. */
public class ApiException extends RuntimeException {

  private final int code;
  private final List<ApiError.FieldMessage> errors;

  public ApiException(int code, String message, List<ApiError.FieldMessage> errors) {
    super(message);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int code, String message) {
    this(code, message, List.of());
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(422, field + " " + message, List.of(new ApiError.FieldMessage(field, message)));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }

  public ApiError toError() {
    return new ApiError(code, getMessage(), errors);
  }

  public int code() {
    return code;
  }
}
