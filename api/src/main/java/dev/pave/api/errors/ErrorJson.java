package dev.pave.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's error shape written below Jersey (servlet filters, Jetty's error handler), where no
 * exception mapper runs: the same JSON a resource's error gets.
 */
public final class ErrorJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorJson() {}

  public static byte[] bytes(ApiError error) {
    try {
      return JSON.writeValueAsBytes(error);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(HttpServletResponse response, ApiError error) throws IOException {
    byte[] body = bytes(error);
    response.setStatus(error.code());
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
