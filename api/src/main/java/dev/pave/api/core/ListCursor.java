package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

  /**
   * The key's parts, or a 422 on the field {@code cursor} for anything this API did not give:
   * bytes that are not UTF-8, and control characters (a NUL, which PostgreSQL refuses in text),
   * which no key this API writes contains.
   */
  public static List<String> decode(String cursor, int parts) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
      List<String> key = List.of(text.split(SEPARATOR, -1));
      if (key.size() == parts && key.stream().noneMatch(ListCursor::malformed)) {
        return key;
      }
    } catch (IllegalArgumentException | CharacterCodingException e) {
      // reported below
    }
    throw invalid();
  }

  private static boolean malformed(String part) {
    return part.isEmpty() || part.chars().anyMatch(Character::isISOControl);
  }

  public static ApiException invalid() {
    return ApiException.invalid("cursor", "is not a cursor this API gave (use nextCursor as it came)");
  }
}
