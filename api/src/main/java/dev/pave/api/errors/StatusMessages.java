package dev.pave.api.errors;

/**
 * The message of an error that carries only a status (Jersey's and Jetty's own refusals): one
 * wording per status, whichever layer refused the request.
 */
public final class StatusMessages {

  private StatusMessages() {}

  public static String of(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 401 -> "a valid bearer token is required (Authorization: Bearer <token>)";
      case 403 -> "your role may not do this";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 406 -> "only application/json responses are available here";
      case 408 -> "the request took too long to arrive";
      case 413 -> "the request body is too large";
      case 414 -> "the request URI is too long";
      case 415 -> "send the body as application/json";
      case 429 -> "too many requests";
      case 431 -> "the request headers are too large";
      default -> status >= 500 ? "internal error" : "bad request";
    };
  }
}
