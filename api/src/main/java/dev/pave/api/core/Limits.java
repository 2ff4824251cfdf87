package dev.pave.api.core;

import dev.pave.api.errors.ApiException;

/** The `limit` query parameter, parsed one way everywhere: a clear 422 rather than a silent clamp. */
public final class Limits {

  private Limits() {}

  public static int parse(String value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("limit", "must be a whole number from 1 to " + max);
  }
}
