package dev.pave.api.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A module's README.md as HTML for its catalog page. A module is written by a platform team, not
 * by Pave, so its Markdown is treated as untrusted: raw HTML is escaped (shown as text, never
 * run), and links and images keep only http(s) or relative addresses ({@code javascript:} and
 * {@code data:} become empty).
 */
final class ModuleReadme {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https"))).build();

  private ModuleReadme() {}

  /** The README of a module folder as sanitized HTML; empty when the module has none. */
  static String html(Path moduleDirectory) {
    Path readme = moduleDirectory.resolve("README.md");
    if (!Files.isRegularFile(readme)) {
      return "";
    }
    try {
      return render(Files.readString(readme, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String render(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }
}
