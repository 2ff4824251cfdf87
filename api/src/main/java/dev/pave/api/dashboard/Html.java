package dev.pave.api.dashboard;

/**
 * HTML (and SVG) built as text, with one rule: every value that is not a literal of this package
 * goes through {@link #text}. Team and module names, request ids and errors are user data.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(8192);

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Markup written by this package (never user data). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Text or an attribute value, escaped. */
  Html text(String value) {
    out.append(escape(value));
    return this;
  }

  /** A number for SVG coordinates: one decimal, no locale. */
  Html num(double value) {
    out.append(Math.round(value * 10) / 10.0);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
