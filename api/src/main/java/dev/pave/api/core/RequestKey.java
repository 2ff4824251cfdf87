package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Where a page of requests ended, in their order (newest first): its creation time and id. */
record RequestKey(Instant createdAt, String id) {

  static String encode(Instant createdAt, String id) {
    return ListCursor.encode(createdAt.toString(), id);
  }

  static RequestKey of(String cursor) {
    List<String> key = ListCursor.decode(cursor, 2);
    try {
      return new RequestKey(InstantRange.check("cursor", Instant.parse(key.get(0))), key.get(1));
    } catch (DateTimeParseException | ApiException e) {
      throw ListCursor.invalid();
    }
  }
}
