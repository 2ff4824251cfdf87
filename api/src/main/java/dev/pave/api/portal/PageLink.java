package dev.pave.api.portal;

import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;

/** The "Older"/"Next" link of a paged list: the same filters, and the cursor the service gave. */
final class PageLink {

  /** Requests, workspaces and inboxes alike: a page holds this many rows. */
  static final int SIZE = 50;

  private PageLink() {}

  /** The link to the next page, or null on the last page (the template then shows none). */
  static String next(String path, Map<String, String> filters, String cursor) {
    if (cursor == null) {
      return null;
    }
    UriBuilder link = UriBuilder.fromPath(path);
    filters.forEach((name, value) -> {
      if (value != null) {
        link.queryParam(name, value);
      }
    });
    return link.queryParam("cursor", cursor).build().toString();
  }

  /** A filter field left empty filters nothing. */
  static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
