package dev.pave.api.core;

import dev.pave.api.errors.ApiException;
import java.time.Instant;

/**
 * The instants a caller may name (in {@code since}, {@code until} or inside a {@code cursor}):
 * from 1970 to the end of 9999. Java parses years up to a billion, PostgreSQL's timestamptz holds
 * 4713 BC to 294276 AD; an instant beyond what the database holds was a 500, and no Pave record
 * predates 1970 or outlives 9999, so the range is the sane part of both.
 */
public final class InstantRange {

  public static final Instant EARLIEST = Instant.EPOCH;
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private InstantRange() {}

  /** {@code value}, or a 422 naming {@code field} when it lies outside the range. */
  public static Instant check(String field, Instant value) {
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw ApiException.invalid(field, "must be from " + EARLIEST + " to " + LATEST);
    }
    return value;
  }
}
