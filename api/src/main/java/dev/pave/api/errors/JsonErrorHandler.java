package dev.pave.api.errors;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a malformed URI, an ambiguous encoded slash, a URI or header too large, a
 * path no servlet serves) answer the API's JSON error shape instead of Jetty's HTML page: a client
 * parsing errors must never meet a second format. Never a stack trace, never the request echoed.
 */
public final class JsonErrorHandler extends ErrorHandler {

  /** Jetty's reason is added when it is a plain phrase ("Ambiguous URI path separator"), never when it quotes input. */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z ]{1,60}");

  public JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
  }

  /** Jetty writes error bodies for GET, POST and HEAD only; a DELETE or PUT refused gets one too. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** Requests the parser could not even read (414, 431, a bad encoding) are answered from here. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int status, String reason) {
    String message = StatusMessages.of(status);
    if (reason != null && PLAIN_REASON.matcher(reason).matches()
        && !reason.equalsIgnoreCase(HttpStatus.getMessage(status))) {
      message = message + ": " + reason;
    }
    return ErrorJson.bytes(ApiError.of(status, message));
  }
}
