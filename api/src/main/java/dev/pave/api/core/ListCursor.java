package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code cursor} of a list: the sort key of the last row of a page, opaque to the caller. The
 * next page starts after that key through an index (keyset paging), so a deep page costs what the
 * first one costs, and rows added meanwhile neither repeat nor shift the pages already seen.
 */
public final class ListCursor {

  private static final String SEPARATOR = "\n";

  private ListCursor() {}

  public static String encode(String... key) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
  }

  /** The key's parts, or a 422 on the field {@code cursor} for anything this API did not give. */
  public static List<String> decode(String cursor, int parts) {
    try {
      List<String> key = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
          .split(SEPARATOR, -1));
      if (key.size() == parts && key.stream().noneMatch(String::isEmpty)) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw invalid();
  }

  public static ApiException invalid() {
    return ApiException.invalid("cursor", "is not a cursor this API gave (use nextCursor as it came)");
  }
}
