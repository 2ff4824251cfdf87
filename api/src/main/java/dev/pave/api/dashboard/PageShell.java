package dev.pave.api.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The document around every dashboard page: the inlined style sheet, no scripts, no external requests. */
final class PageShell {

  private static final String CSS = load();

  private PageShell() {}

  static String page(String title, String body, boolean refreshEveryFiveMinutes) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + (refreshEveryFiveMinutes ? "<meta http-equiv=\"refresh\" content=\"300\">" : "")
        + "<title>" + Html.escape(title) + "</title><style>" + CSS + "</style></head><body>" + body + "</body></html>";
  }

  private static String load() {
    try (InputStream in = PageShell.class.getResourceAsStream("dashboard.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
