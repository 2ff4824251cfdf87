package dev.pave.api.errors;

import java.util.List;

/** A failure a caller caused or can act on; becomes an ApiError response, never a stack trace. */
public class ApiException extends RuntimeException {

  private final int code;
  private final List<ApiError.FieldMessage> errors;
  private final Integer retryAfterSeconds;

  public ApiException(int code, String message, List<ApiError.FieldMessage> errors) {
    this(code, message, errors, null);
  }

  protected ApiException(int code, String message, List<ApiError.FieldMessage> errors, Integer retryAfterSeconds) {
    super(message);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiException(int code, String message) {
    this(code, message, List.of());
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(422, field + " " + message, List.of(new ApiError.FieldMessage(field, message)));
  }

  /** 429: the caller may try again, no sooner than {@code retryAfterSeconds} (the Retry-After header). */
  public static ApiException tooMany(String message, int retryAfterSeconds) {
    return new ApiException(429, message, List.of(), retryAfterSeconds);
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

  /** Seconds for a Retry-After header, or null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
