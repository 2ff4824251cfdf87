package dev.pave.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A module's README is untrusted Markdown: it is rendered, but nothing in it can run in Pave's pages. */
class ModuleReadmeTest {

  @Test
  void markdownIsRendered() {
    assertThat(ModuleReadme.render("# Title\n\nSome *text* and [docs](https://example.com/docs) and [local](../x.md)."))
        .contains("<h1>Title</h1>", "<em>text</em>", "href=\"https://example.com/docs\">docs</a>",
            "href=\"../x.md\">local</a>");
  }

  @Test
  void rawHtmlIsShownAsTextNeverRun() {
    String html = ModuleReadme.render("<script>alert(1)</script>\n\nInline <img src=x onerror=alert(2)> too.");
    assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img");
  }

  @Test
  void onlyHttpAndRelativeLinksSurvive() {
    String html = ModuleReadme.render("[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) ![d](javascript:x)"
        + " [e](mailto:someone@example.com)");
    assertThat(html).doesNotContain("javascript:", "data:", "vbscript:", "mailto:");
  }
}
