package dev.pave.api.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** The "Older"/"Next" link of a paged list: the same filters, and the cursor the service gave. */
final class PageLink {

  /** Requests and workspaces: a page holds this many rows. */
  static final int SIZE = 50;

  private PageLink() {}

  /** The link to the next page, or null on the last page (the template then shows none). */
  static String next(String path, Map<String, String> filters, String cursor) {
    if (cursor == null) {
      return null;
    }
    // Encoded here, not by a UriBuilder: that would read a "{" typed in a filter as a template.
    StringJoiner query = new StringJoiner("&", path + "?", "");
    filters.forEach((name, value) -> {
      if (value != null) {
        query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return query.add("cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).toString();
  }

  /** A filter field left empty filters nothing. */
  static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
